import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_AI_SETTINGS } from '../../../src-shared/ai';
import type { Category } from '../../../src-shared/domain';
import type { FocusArea, StudyPlan } from '../../../src-shared/progress';
import { startFakeOllama } from '../../../tests/support/fake-ollama';
import { ok, onExit, testRuntime } from '../../../tests/support/runtime';
import { weekday } from './dates';
import {
  adaptFocus,
  adaptPlan,
  allTasks,
  buildPlan,
  cadence,
  markDoneBySessions,
  type CategoryStats,
  type PlanSettings,
} from './plan';
import { seedSessions } from './seed';

const savedTz = process.env.TZ;
beforeEach(() => {
  process.env.TZ = 'UTC';
});
afterEach(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

const stats = (entries: [Category, number, number][]): CategoryStats =>
  new Map(entries.map(([c, average, answers]) => [c, { average, answers }]));
const focus = (...cs: [Category, number | null][]): FocusArea[] =>
  cs.map(([category, average]) => ({ category, average, reason: 'test' }));
const SETTINGS: PlanSettings = {
  today: '2024-06-03', // a Monday
  lengthDays: 30,
  hoursPerWeek: 3,
  interviewDate: null,
  job: { id: '22222222-2222-4222-8222-222222222222', title: 'Data Engineer' },
  skillGaps: ['Airflow', 'Kafka'],
};

describe('the builtin planner', () => {
  it('spreads the hours over short daily sessions', () => {
    expect(cadence(1)).toEqual({ daysPerWeek: 3, minutesPerDay: 20 });
    expect(cadence(2)).toEqual({ daysPerWeek: 4, minutesPerDay: 30 });
    expect(cadence(3)).toEqual({ daysPerWeek: 6, minutesPerDay: 30 });
    expect(cadence(10)).toEqual({ daysPerWeek: 7, minutesPerDay: 85 });
  });

  it('makes daily tasks that open a practice set, weekly milestones, estimates and link-free resources', () => {
    const plan = buildPlan('p', '2024-06-03T08:00:00Z', SETTINGS, focus(['Behavioral', 48], ['Coding', 55]));
    expect(plan).toMatchObject({ startDate: '2024-06-03', endDate: '2024-07-02', lengthDays: 30 });
    expect(plan.weeks).toHaveLength(5);
    const tasks = allTasks(plan);
    // Six days a week (not Sundays), 30 minutes each.
    expect(tasks.every((t) => weekday(t.date) !== 6 && t.minutes === 30)).toBe(true);
    expect(tasks).toHaveLength(26);
    const week1 = plan.weeks[0]!;
    expect(week1.tasks.map((t) => t.kind)).toEqual([
      'practice',
      'study',
      'practice',
      'practice',
      'practice',
      'mock',
    ]);
    expect(week1.minutes).toBe(180);
    // Practice days alternate between the weak categories, for the job, and open that set.
    expect(week1.tasks[0]).toMatchObject({
      title: 'Practise Behavioral questions',
      practice: { categories: ['Behavioral'], jobId: SETTINGS.job!.id, questionCount: 5 },
    });
    expect(week1.tasks[2]!.practice!.categories).toEqual(['Coding']);
    expect(week1.tasks[1]).toMatchObject({
      title: 'Close a gap: Airflow',
      practice: { categories: ['Technical'], jobId: SETTINGS.job!.id, questionCount: 2 },
    });
    expect(plan.weeks[1]!.tasks[1]!.title).toBe('Close a gap: Kafka');
    expect(week1.tasks[5]).toMatchObject({ kind: 'mock', practice: { categories: [] } });
    expect(week1.milestone).toBe(
      'Behavioral answers averaging 60 or more (now 48); all 6 tasks done (about 3 h).',
    );
    expect(plan.weeks[1]!.milestone).toMatch(/^Coding answers averaging 60 or more \(now 55\)/);
    expect(plan.resources.map((r) => r.title)).toContain('Airflow: official documentation');
    expect(JSON.stringify(plan.resources)).not.toMatch(/https?:|www\./);
    expect(new Set(tasks.map((t) => t.id)).size).toBe(tasks.length);
  });

  it('ends on the interview day, with mock interviews on the two practice days before it', () => {
    const plan = buildPlan(
      'p',
      '2024-06-03T08:00:00Z',
      { ...SETTINGS, lengthDays: 90, interviewDate: '2024-06-20' },
      focus(['Behavioral', 48]),
    );
    expect(plan).toMatchObject({ endDate: '2024-06-20', lengthDays: 18 });
    expect(plan.notes).toContain('The plan ends on your interview day, 2024-06-20.');
    const tasks = allTasks(plan);
    expect(tasks.at(-1)).toMatchObject({ date: '2024-06-20', kind: 'review', practice: null });
    expect(
      tasks.filter((t) => t.date === '2024-06-18' || t.date === '2024-06-19').map((t) => t.kind),
    ).toEqual(['mock', 'mock']);
    expect(plan.weeks.at(-1)!.milestone).toMatch(/^Ready for the interview on 2024-06-20/);
  });
});

describe('weekly adaptation', () => {
  it('drops a weakness that rose above 80 and takes in a new one', () => {
    const { focus: next, changes } = adaptFocus(
      focus(['Behavioral', 48], ['Coding', 55]),
      stats([
        ['Behavioral', 84, 6],
        ['Coding', 62, 5],
        ['System_Design', 41, 3],
        ['Technical', 59, 2], // too few answers to judge
      ]),
    );
    expect(next.map((f) => [f.category, f.average])).toEqual([
      ['System_Design', 41],
      ['Coding', 62],
    ]);
    expect(changes).toEqual([
      'Behavioral rose to 84 and left the plan.',
      'System Design dropped to 41 and entered the plan.',
    ]);
  });

  it('reschedules the days ahead a week later, keeping what is done and what has passed', () => {
    let plan: StudyPlan = buildPlan('p', '2024-06-03T08:00:00Z', SETTINGS, focus(['Behavioral', 48]));
    const firstTask = allTasks(plan)[0]!;
    plan = markDoneBySessions(
      plan,
      [{ localDate: '2024-06-03', completedAt: '2024-06-03T19:00:00Z', categories: ['Behavioral'] }],
      '2024-06-05',
    );
    expect(allTasks(plan)[0]).toMatchObject({ doneAt: '2024-06-03T19:00:00Z', doneBySession: true });
    // A practice day is only ticked by a session in its category.
    const untouched = markDoneBySessions(
      plan,
      [{ localDate: '2024-06-04', completedAt: '2024-06-04T19:00:00Z', categories: ['Behavioral'] }],
      '2024-06-05',
    );
    expect(allTasks(untouched).find((t) => t.date === '2024-06-05')!.doneAt).toBeNull();

    const scores = stats([
      ['Behavioral', 85, 5],
      ['Coding', 50, 4],
    ]);
    expect(adaptPlan(plan, scores, '2024-06-09')).toBe(plan); // not a week yet
    const adapted = adaptPlan(plan, scores, '2024-06-10');
    expect(adapted.focus.map((f) => f.category)).toEqual(['Coding']);
    expect(adapted.adaptedOn).toBe('2024-06-10');
    expect(adapted.changes.map((c) => c.text)).toEqual([
      'Behavioral rose to 85 and left the plan.',
      'Coding dropped to 50 and entered the plan.',
    ]);
    const tasks = allTasks(adapted);
    expect(tasks[0]).toEqual(allTasks(plan)[0]);
    expect(tasks[0]!.id).toBe(firstTask.id);
    const before = tasks.filter((t) => t.date < '2024-06-10');
    expect(before).toEqual(allTasks(plan).filter((t) => t.date < '2024-06-10'));
    const ahead = tasks.filter((t) => t.date >= '2024-06-10' && t.kind === 'practice');
    expect(ahead.length).toBeGreaterThan(0);
    // Coding, with a mixed set to close each round.
    expect(ahead.map((t) => t.practice!.categories.join()).slice(0, 4)).toEqual(['Coding', '', 'Coding', '']);
    expect(new Set(tasks.map((t) => t.id)).size).toBe(tasks.length);
    expect(adapted.weeks[0]!.milestone).toBe(plan.weeks[0]!.milestone);
  });
});

describe('study plans through the channels', () => {
  const RESUME =
    'Ada Lovelace\nada@example.com\n\nSKILLS\nPython, SQL\n\nEXPERIENCE\nData Analyst, Acme (2020 - 2024)\n- Built reports in SQL.\n';

  it('plans from weak categories and the résumé’s gaps, ticks off practice, adapts and can be removed', async () => {
    let clock = new Date('2024-06-03T08:00:00Z');
    const runtime = await testRuntime({ now: () => clock });
    await ok(runtime, 'resumes.importText', { requestId: randomUUID(), text: RESUME });
    const job = await ok(runtime, 'jobs.create', {
      title: 'Data Engineer',
      description: 'You will build pipelines. Requirements: Python, SQL, Airflow and Kafka.',
    });
    seedSessions(runtime.connection.sqlite, [
      {
        completedAt: '2024-06-01T10:00:00Z',
        localDate: '2024-06-01',
        answers: [
          { category: 'Behavioral', overall: 40 },
          { category: 'Behavioral', overall: 50 },
          { category: 'Behavioral', overall: 45 },
          { category: 'Technical', overall: 85 },
        ],
      },
    ]);
    expect(await ok(runtime, 'progress.plan.get', {})).toBeNull();
    const plan = await ok(runtime, 'progress.plan.create', {
      lengthDays: 30,
      hoursPerWeek: 3,
      jobId: job.id,
    });
    expect(plan.focus.map((f) => [f.category, f.average])).toEqual([['Behavioral', 45]]);
    expect(plan.skillGaps).toEqual(expect.arrayContaining(['Airflow', 'Kafka']));
    expect(plan.skillGaps).not.toContain('SQL');
    expect(plan.source).toEqual({ provider: 'builtin', model: null });

    // Practising Behavioral on the first day ticks the first task; another is ticked by hand.
    seedSessions(runtime.connection.sqlite, [
      {
        completedAt: '2024-06-03T18:00:00Z',
        localDate: '2024-06-03',
        answers: [{ category: 'Behavioral', overall: 70 }],
      },
    ]);
    clock = new Date('2024-06-04T08:00:00Z');
    let current = (await ok(runtime, 'progress.plan.get', {}))!;
    expect(allTasks(current)[0]).toMatchObject({ doneBySession: true, doneAt: '2024-06-03T18:00:00Z' });
    const second = allTasks(current)[1]!;
    current = await ok(runtime, 'progress.plan.setDone', { taskId: second.id, done: true });
    expect(allTasks(current)[1]!.doneAt).toBe('2024-06-04T08:00:00.000Z');
    expect(
      await runtime.invoke('progress.plan.setDone', { taskId: allTasks(current)[0]!.id, done: false }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await runtime.invoke('progress.plan.setDone', { taskId: 'nope', done: true })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });

    // A week on, Behavioral is strong and Coding weak: the plan follows.
    seedSessions(runtime.connection.sqlite, [
      {
        completedAt: '2024-06-09T10:00:00Z',
        localDate: '2024-06-09',
        answers: [
          ...Array.from({ length: 8 }, () => ({ category: 'Behavioral' as const, overall: 95 })),
          ...Array.from({ length: 3 }, () => ({ category: 'Coding' as const, overall: 40 })),
        ],
      },
    ]);
    clock = new Date('2024-06-10T08:00:00Z');
    current = (await ok(runtime, 'progress.plan.get', {}))!;
    expect(current.focus.map((f) => f.category)).toEqual(['Coding']);
    expect(current.changes.map((c) => c.text)).toEqual([
      'Behavioral rose to 80.4 and left the plan.',
      'Coding dropped to 40 and entered the plan.',
    ]);
    expect(allTasks(current)[1]!.doneAt).toBe('2024-06-04T08:00:00.000Z');

    expect(
      await runtime.invoke('progress.plan.create', {
        lengthDays: 30,
        hoursPerWeek: 3,
        interviewDate: '2024-06-01',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_ERROR', details: { field: 'interviewDate' } },
    });
    expect(await runtime.invoke('progress.plan.create', { lengthDays: 45, hoursPerWeek: 3 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_ERROR', message: 'Choose a 30, 60 or 90-day plan.' },
    });
    expect(await ok(runtime, 'progress.plan.delete', {})).toEqual({ deleted: true });
    expect(await ok(runtime, 'progress.plan.get', {})).toBeNull();
  });

  it('lets a configured model rewrite milestones and resources, and keeps the builtin ones when its answer has links', async () => {
    const runtime = await testRuntime({ now: () => new Date('2024-06-03T08:00:00Z') });
    const milestones = Array.from(
      { length: 5 },
      (_, i) => `Week ${i + 1}: two STAR stories told under two minutes.`,
    );
    const fake = await startFakeOllama({
      answers: [
        JSON.stringify({
          milestones,
          resources: [
            { title: 'A STAR worksheet', detail: 'Write each story in four short lines before practising.' },
          ],
        }),
      ],
    });
    onExit(() => fake.close());
    await ok(runtime, 'ai.settings.save', {
      ...DEFAULT_AI_SETTINGS,
      ollama: { ...DEFAULT_AI_SETTINGS.ollama, mode: 'on', host: fake.url },
    });
    const plan = await ok(runtime, 'progress.plan.create', { lengthDays: 30, hoursPerWeek: 2 });
    expect(plan.source.provider).toBe('ollama');
    expect(plan.weeks.map((w) => w.milestone)).toEqual(milestones);
    expect(plan.resources).toEqual([
      { title: 'A STAR worksheet', detail: 'Write each story in four short lines before practising.' },
    ]);
    // The tasks stay the builtin ones, so each still opens a real practice set.
    expect(allTasks(plan).every((t) => t.practice === null || t.practice.questionCount >= 1)).toBe(true);

    fake.behaviour.answers = [
      JSON.stringify({
        milestones,
        resources: [{ title: 'Read this', detail: 'See https://example.com/interview-guide for details.' }],
      }),
    ];
    const fallback = await ok(runtime, 'progress.plan.create', { lengthDays: 30, hoursPerWeek: 2 });
    expect(fallback.source).toEqual({ provider: 'builtin', model: null });
    expect(fallback.notes.join(' ')).toMatch(/ollama/i);
    expect(JSON.stringify(fallback.resources)).not.toMatch(/https?:/);
  });
});
