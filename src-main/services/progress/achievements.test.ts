import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ACHIEVEMENTS } from '../../../src-shared/progress';
import { ok, tempDir, testRuntime } from '../../../tests/support/runtime';
import { award, due, factsFrom, type ProgressFacts } from './achievements';
import { loadProgressRows } from './queries';
import { seedSessions, type SeedSession } from './seed';
import { onSessionCompleted } from './service';

const savedTz = process.env.TZ;
beforeEach(() => {
  process.env.TZ = 'UTC';
});
afterEach(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

const facts = (over: Partial<ProgressFacts>): ProgressFacts => ({
  completed: 0,
  longestStreak: 0,
  bestAnswer: null,
  categories: [],
  ...over,
});

/** `days` sessions on consecutive days from 1 May 2024, one answer each. */
const daily = (days: number, answer: SeedSession['answers'][number]): SeedSession[] =>
  Array.from({ length: days }, (_, i) => {
    const at = new Date(Date.UTC(2024, 4, 1 + i, 18));
    return { completedAt: at.toISOString(), localDate: at.toISOString().slice(0, 10), answers: [answer] };
  });

describe('what each achievement needs', () => {
  it('counts interviews, the best answer, streaks and category mastery', () => {
    expect(due(facts({}))).toEqual([]);
    expect(due(facts({ completed: 1 }))).toEqual(['First_Interview']);
    expect(due(facts({ completed: 10 }))).toEqual(['First_Interview', 'Ten_Interviews']);
    expect(due(facts({ completed: 50 }))).toContain('Fifty_Interviews');
    expect(due(facts({ bestAnswer: 99 }))).toEqual([]);
    expect(due(facts({ bestAnswer: 100 }))).toEqual(['Perfect_Score']);
    expect(due(facts({ longestStreak: 6 }))).toEqual([]);
    expect(due(facts({ longestStreak: 7 }))).toEqual(['Seven_Day_Streak']);
    expect(due(facts({ longestStreak: 30 }))).toEqual(['Seven_Day_Streak', 'Thirty_Day_Streak']);
    // 90 or more over at least ten answers in one category.
    expect(due(facts({ categories: [{ category: 'Coding', average: 95, answers: 9 }] }))).toEqual([]);
    expect(due(facts({ categories: [{ category: 'Coding', average: 89.9, answers: 12 }] }))).toEqual([]);
    expect(due(facts({ categories: [{ category: 'Coding', average: 90, answers: 10 }] }))).toEqual([
      'Category_Master',
    ]);
  });
});

describe('awarding', () => {
  it('earns each achievement once however often it is triggered, and says so once', async () => {
    const runtime = await testRuntime();
    const ids = seedSessions(runtime.connection.sqlite, daily(10, { category: 'Coding', overall: 100 }));
    const f = factsFrom(await loadProgressRows(runtime.ctx.db, new Date()), 'UTC');
    expect(f).toMatchObject({ completed: 10, longestStreak: 10, bestAnswer: 100 });
    const first = await award(runtime.ctx.db, f, '2024-05-10T18:00:00Z', ids[9]!);
    expect(first.sort()).toEqual(
      ['First_Interview', 'Ten_Interviews', 'Perfect_Score', 'Seven_Day_Streak', 'Category_Master'].sort(),
    );
    for (let i = 0; i < 5; i++)
      expect(await award(runtime.ctx.db, f, `2024-06-0${i + 1}T00:00:00Z`, null)).toEqual([]);
    for (const id of ids) await onSessionCompleted(runtime.ctx, runtime.ctx.db, id);
    const rows = runtime.connection.sqlite
      .prepare('SELECT id, earned_at FROM achievements ORDER BY id')
      .all();
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => (r as { earned_at: string }).earned_at === '2024-05-10T18:00:00Z')).toBe(true);

    // The toast news is handed out once.
    const news = await ok(runtime, 'progress.news', {});
    expect(news.map((n) => n.id).sort()).toEqual(first.sort());
    expect(await ok(runtime, 'progress.news', {})).toEqual([]);
  });

  it('stays idempotent under concurrent triggers, in one runtime and from two processes’ connections', async () => {
    const dataDir = tempDir();
    const a = await testRuntime({ dataDir });
    const b = await testRuntime({ dataDir });
    const ids = seedSessions(a.connection.sqlite, daily(7, { category: 'Behavioral', overall: 70 }));
    const f = factsFrom(await loadProgressRows(a.ctx.db, new Date()), 'UTC');
    const warnings = [vi.spyOn(a.ctx.logger, 'warn'), vi.spyOn(b.ctx.logger, 'warn')];
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => {
        const runtime = i % 2 ? a : b;
        return i % 4 < 2
          ? award(runtime.ctx.db, f, '2024-05-07T18:00:00Z', null)
          : onSessionCompleted(runtime.ctx, runtime.ctx.db, ids[i % ids.length]!).then(() => []);
      }),
    );
    // Every due achievement was reported as new by exactly one caller (or stored by a completion hook).
    for (const w of warnings) expect(w).not.toHaveBeenCalled();
    const reported = results.flat();
    expect(new Set(reported).size).toBe(reported.length);
    const stored = (
      a.connection.sqlite.prepare('SELECT id FROM achievements ORDER BY id').all() as { id: string }[]
    ).map((r) => r.id);
    expect(stored).toEqual(['First_Interview', 'Seven_Day_Streak']);
    const [newsA, newsB] = await Promise.all([ok(a, 'progress.news', {}), ok(b, 'progress.news', {})]);
    expect([...newsA, ...newsB].map((n) => n.id).sort()).toEqual(stored);
  });

  it('is awarded when a session completes through the app, and the page shows progress towards the rest', async () => {
    const runtime = await testRuntime({ now: () => new Date('2024-05-01T10:00:00Z') });
    const s = await ok(runtime, 'sessions.create', { role: 'Sales', difficulty: 'Easy', questionCount: 1 });
    await ok(runtime, 'sessions.submitAnswer', {
      sessionQuestionId: s.questions[0]!.id,
      text: 'I called the customer back within the hour and we agreed a refund and a follow-up call.',
      elapsedMs: 20_000,
    });
    const earned = runtime.connection.sqlite.prepare('SELECT id, session_id FROM achievements').all();
    expect(earned).toEqual([{ id: 'First_Interview', session_id: s.id }]);
    const page = await ok(runtime, 'progress.achievements', {});
    expect(page.map((p) => p.id)).toEqual([...ACHIEVEMENTS]);
    expect(page.find((p) => p.id === 'First_Interview')).toMatchObject({
      earnedAt: '2024-05-01T10:00:00.000Z',
      progress: { value: 1, target: 1 },
    });
    expect(page.find((p) => p.id === 'Ten_Interviews')).toMatchObject({
      earnedAt: null,
      progress: { value: 1, target: 10, label: '1 of 10 sessions' },
    });
    expect(page.find((p) => p.id === 'Seven_Day_Streak')!.progress.label).toBe(
      'Longest streak so far: 1 day',
    );
    expect(page.find((p) => p.id === 'Category_Master')!.progress.label).toMatch(
      /^Answer 10 questions in one category \(most so far: [\w ]+, 1\)$/,
    );
  });
});
