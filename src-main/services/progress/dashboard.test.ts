import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok, testRuntime } from '../../../tests/support/runtime';
import { improvementRate } from './dashboard';
import { queryPlan, recentScoresQuery, rolesQuery, sessionScoresQuery, totalsQuery } from './queries';
import { seedSessions, type SeedSession } from './seed';
import { sql } from 'kysely';

const savedTz = process.env.TZ;
beforeEach(() => {
  process.env.TZ = 'UTC';
});
afterEach(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

const NOW = new Date('2024-06-20T12:00:00Z');
const one = (completedAt: string, overall: number): SeedSession => ({
  completedAt,
  localDate: completedAt.slice(0, 10),
  answers: [{ category: 'Technical', overall }],
});

describe('improvement rate', () => {
  it('compares the mean of the first five session scores with the last five', () => {
    // first five: 40 50 60 50 50 -> 50; last five: 60 70 70 80 70 -> 70; (70 - 50) / 50 = +40 %
    expect(improvementRate([40, 50, 60, 50, 50, 60, 70, 70, 80, 70])).toBe(40);
    // With twelve sessions the middle two do not count: 80 -> 60 is -25 %.
    expect(improvementRate([80, 80, 80, 80, 80, 10, 100, 60, 60, 60, 60, 60])).toBe(-25);
    expect(improvementRate([40, 50, 60, 50, 50, 60, 70, 70, 80])).toBeNull();
    expect(improvementRate([0, 0, 0, 0, 0, 10, 10, 10, 10, 10])).toBeNull();
  });

  it('is shown from the tenth scored session, counting a session by the mean of its answers', async () => {
    const runtime = await testRuntime({ now: () => NOW });
    const scores = [40, 50, 60, 50, 50, 60, 70, 70, 80];
    seedSessions(
      runtime.connection.sqlite,
      scores.map((s, i) => one(`2024-06-${String(i + 1).padStart(2, '0')}T10:00:00Z`, s)),
    );
    let dash = await ok(runtime, 'progress.dashboard', {});
    expect(dash).toMatchObject({ improvementRate: null, scoredSessions: 9 });
    // The tenth: two answers, 60 and 80, a session score of 70.
    seedSessions(runtime.connection.sqlite, [
      {
        completedAt: '2024-06-10T10:00:00Z',
        localDate: '2024-06-10',
        answers: [
          { category: 'Technical', overall: 60 },
          { category: 'Technical', overall: 80 },
        ],
      },
    ]);
    dash = await ok(runtime, 'progress.dashboard', {});
    expect(dash).toMatchObject({ improvementRate: 40, scoredSessions: 10, completed: 10 });
  });
});

describe('the dashboard from a hand-made history', () => {
  /**
   * S5 2024-04-01 (Data Analyst): Behavioral 30                            -> week of 2024-04-01
   * S1 2024-06-03 Mon: Behavioral 50 (criteria 40/60/50/50), Technical 70   -> week of 2024-06-03
   * S2 completed 2024-06-09 22:30 UTC = 10 June 00:30 in Berlin: Behavioral 90, one skipped (5 s)
   *                                                                         -> week of 2024-06-10 (local date)
   * S3 2024-06-12: Technical 80 reviewed by a model as 60 (60 counts), Coding 100
   * S4 still in progress: Behavioral 10 (not counted)
   */
  async function history() {
    const runtime = await testRuntime({ now: () => NOW });
    seedSessions(runtime.connection.sqlite, [
      {
        completedAt: '2024-04-01T09:00:00Z',
        localDate: '2024-04-01',
        role: 'Data Analyst',
        answers: [{ category: 'Behavioral', overall: 30 }],
      },
      {
        completedAt: '2024-06-03T09:00:00Z',
        localDate: '2024-06-03',
        answers: [
          { category: 'Behavioral', overall: 50, criteria: [40, 60, 50, 50] },
          { category: 'Technical', overall: 70 },
        ],
      },
      {
        completedAt: '2024-06-09T22:30:00Z',
        localDate: '2024-06-10',
        timeZone: 'Europe/Berlin',
        answers: [
          { category: 'Behavioral', overall: 90 },
          { category: 'Situational', overall: null, timeMs: 5_000 },
        ],
      },
      {
        completedAt: '2024-06-12T10:00:00Z',
        localDate: '2024-06-12',
        answers: [
          { category: 'Technical', overall: 80, model: 60 },
          { category: 'Coding', overall: 100 },
        ],
      },
      {
        completedAt: '2024-06-13T10:00:00Z',
        status: 'active',
        answers: [{ category: 'Behavioral', overall: 10 }],
      },
    ]);
    return runtime;
  }

  it('matches the figures worked out by hand', async () => {
    const runtime = await history();
    const dash = await ok(runtime, 'progress.dashboard', {});
    expect(dash.completed).toBe(4);
    expect(dash.scoredAnswers).toBe(6);
    // 30 + 50 + 70 + 90 + 60 + 100 = 400 over 6
    expect(dash.averageAllTime).toBe(66.7);
    // Since 21 May: 50 + 70 + 90 + 60 + 100 = 370 over 5
    expect(dash.average30Days).toBe(74);
    // 60 s each, S2's skipped answer 5 s; the session in progress does not count.
    expect(dash.practiceMs).toBe(60_000 + 120_000 + 65_000 + 120_000);
    expect(dash.weekly).toEqual([
      { weekStart: '2024-04-01', average: 30, answers: 1, sessions: 1 },
      { weekStart: '2024-06-03', average: 60, answers: 2, sessions: 1 },
      // 90, 60, 100
      { weekStart: '2024-06-10', average: 83.3, answers: 3, sessions: 2 },
    ]);
    expect(dash.categories).toEqual([
      { category: 'Behavioral', answers: 3, average: 56.7 },
      { category: 'Coding', answers: 1, average: 100 },
      { category: 'Technical', answers: 2, average: 65 },
    ]);
    // content quality: 30 40 70 90 60 100 -> 390/6; clarity: 30 60 70 90 60 100 -> 410/6
    expect(dash.criteria).toEqual({
      content_quality: 65,
      clarity: 68.3,
      confidence: 66.7,
      technical_accuracy: 66.7,
    });
    expect(dash.weaknesses.map((w) => w.category)).toEqual(['Behavioral']);
    // Coding averages 100 but over one answer: too few to call a strength.
    expect(dash.strengths).toEqual([]);
    expect(dash.roles).toEqual([
      { role: 'Backend Engineer', sessions: 3, average: 74 },
      { role: 'Data Analyst', sessions: 1, average: 30 },
    ]);
    expect(dash.recommendations).toEqual([
      {
        text: 'Behavioral answers average 56.7 over 3. Practise five Behavioral questions and read the feedback on each.',
        practice: { categories: ['Behavioral'], jobId: null, questionCount: 5 },
      },
    ]);
    expect(dash.improvementRate).toBeNull();
    expect(dash.streak).toEqual({
      current: 0,
      longest: 1,
      lastDate: '2024-06-12',
      practisedToday: false,
      alive: false,
    });
  });

  it('keeps the totals right when a model review arrives, is replaced, or an answer goes away', async () => {
    const runtime = await history();
    const { sqlite } = runtime.connection;
    const coding = sqlite
      .prepare(
        "SELECT a.id FROM answers a JOIN session_questions q ON q.id = a.session_question_id WHERE q.category = 'Coding'",
      )
      .get() as { id: string };
    const avg = async () => (await ok(runtime, 'progress.dashboard', {})).averageAllTime;
    // A model scores the Coding answer 40 a minute later: 400 - 100 + 40 = 340 over 6.
    sqlite
      .prepare(
        "INSERT INTO evaluations (answer_id, provider, model, overall, content_quality, clarity, confidence, technical_accuracy, result, created_at) VALUES (?, 'cloud', 'm', 40, 40, 40, 40, 40, '{}', '2024-06-12T10:01:00Z')",
      )
      .run(coding.id);
    expect(await avg()).toBe(56.7);
    // Its review is updated to 70: 370 over 6.
    sqlite
      .prepare("UPDATE evaluations SET overall = 70 WHERE answer_id = ? AND provider = 'cloud'")
      .run(coding.id);
    expect(await avg()).toBe(61.7);
    // The model review is removed: the builtin 100 counts again.
    sqlite.prepare("DELETE FROM evaluations WHERE answer_id = ? AND provider = 'cloud'").run(coding.id);
    expect(await avg()).toBe(66.7);
    // The whole answer is removed: 300 over 5.
    sqlite.prepare('DELETE FROM answers WHERE id = ?').run(coding.id);
    expect(await avg()).toBe(60);
    // A session is deleted: its row goes with it.
    const first = sqlite.prepare("SELECT id FROM sessions WHERE role = 'Data Analyst'").get() as {
      id: string;
    };
    sqlite.prepare('DELETE FROM sessions WHERE id = ?').run(first.id);
    expect(
      sqlite.prepare('SELECT count(*) AS n FROM progress_sessions WHERE session_id = ?').get(first.id),
    ).toEqual({
      n: 0,
    });
    expect((await ok(runtime, 'progress.dashboard', {})).completed).toBe(3);
  });

  it('says what to do when there is nothing yet', async () => {
    const runtime = await testRuntime({ now: () => NOW });
    const dash = await ok(runtime, 'progress.dashboard', {});
    expect(dash).toMatchObject({
      completed: 0,
      averageAllTime: null,
      average30Days: null,
      improvementRate: null,
      weekly: [],
      categories: [],
      strengths: [],
      weaknesses: [],
      practiceMs: 0,
    });
    expect(dash.recommendations[0]!.text).toMatch(/Complete your first practice session/);
  });
});

describe('query plans', () => {
  it('reads one small row per session through indexes, never scanning answers or evaluations', async () => {
    const runtime = await testRuntime({ now: () => NOW });
    seedSessions(
      runtime.connection.sqlite,
      Array.from({ length: 60 }, (_, i) => ({
        completedAt: new Date(Date.UTC(2024, 0, 1 + i, 18)).toISOString(),
        answers: Array.from({ length: 10 }, (_, k) => ({
          category: k % 2 ? ('Technical' as const) : ('Behavioral' as const),
          overall: 50 + k,
          model: k === 3 ? 90 : undefined,
        })),
      })),
    );
    const plans = {
      sessions: await queryPlan(runtime.ctx.db, sessionScoresQuery()),
      totals: await queryPlan(runtime.ctx.db, totalsQuery(NOW.toISOString())),
      roles: await queryPlan(runtime.ctx.db, rolesQuery(5)),
      recent: await queryPlan(runtime.ctx.db, recentScoresQuery(50)),
    };
    // One row per completed session, found through the partial index of completed sessions, which holds all
    // the per-session query reads (once ANALYZE has seen that nearly every session is completed, SQLite may
    // read the table straight through instead: one small row per session either way, never an answer or an
    // evaluation). The roles are grouped in a temporary tree of at most one row per session.
    expect(plans.sessions).toEqual([
      'SEARCH progress_sessions USING COVERING INDEX progress_sessions_completed (completed_at>?)',
    ]);
    expect(plans.totals).toEqual([
      'SEARCH progress_sessions USING INDEX progress_sessions_completed (completed_at>?)',
    ]);
    expect(plans.roles[0]).toBe(
      'SEARCH progress_sessions USING COVERING INDEX progress_sessions_completed (completed_at>?)',
    );
    runtime.connection.sqlite.exec('ANALYZE');
    for (const query of [sessionScoresQuery(), totalsQuery(NOW.toISOString()), rolesQuery(5)])
      expect((await queryPlan(runtime.ctx.db, query)).join('\n')).not.toMatch(/answers|evaluations/);
    // The recent answers are walked newest first along their index and stop after 50; everything else is a
    // lookup by key.
    expect(plans.recent[0]).toBe('SCAN a USING INDEX answers_submitted');
    for (const line of plans.recent.slice(1)) expect(line).not.toMatch(/^SCAN|TEMP B-TREE/);

    // Each trigger's recompute looks its session's answers up by key.
    const migration = readFileSync(join(runtime.ctx.paths.migrations, '0008_progress.sql'), 'utf8');
    const body = /CREATE TRIGGER progress_sessions_evaluation_insert[\s\S]*?BEGIN([\s\S]*?)\nEND;/.exec(
      migration,
    )![1]!;
    for (const statement of body.split(/;\s*\n/).filter((s) => s.trim())) {
      const plan = await queryPlan(
        runtime.ctx.db,
        sql.raw(statement.replaceAll('NEW.answer_id', "'00000000-0000-4000-8000-000000000000'")),
      );
      expect(plan.filter((l) => /^SCAN/.test(l))).toEqual([]);
    }
  });
});
