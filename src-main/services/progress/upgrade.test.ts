import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DB_FILE_NAME, openSqlite } from '../../db/connection';
import { loadMigrations, migrate } from '../../db/migrator';
import { appPaths } from '../../paths';
import { ok, tempDir, testRuntime } from '../../../tests/support/runtime';

const savedTz = process.env.TZ;
beforeEach(() => {
  process.env.TZ = 'Asia/Tokyo';
});
afterEach(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

describe('upgrading data from before migration 0008', () => {
  it('fills progress_sessions from the existing sessions, answers and evaluations', async () => {
    const dataDir = tempDir();
    const sqlite = openSqlite(join(dataDir, DB_FILE_NAME));
    migrate(
      sqlite,
      loadMigrations(appPaths().migrations).filter((m) => m.version <= 7),
    );
    const session = (id: string, status: string, completedAt: string | null) =>
      sqlite
        .prepare(
          `INSERT INTO sessions (id, role, difficulty, mode, status, question_count, created_at, updated_at, completed_at)
           VALUES (?, 'Sales', 'Easy', 'practice', ?, 2, ?, ?, ?)`,
        )
        .run(id, status, '2024-03-01T00:00:00Z', '2024-03-01T00:00:00Z', completedAt);
    const answer = (session: string, n: number, category: string, scores: [string, number, string][]) => {
      sqlite
        .prepare(
          `INSERT INTO session_questions (id, session_id, position, question_id, text, category, difficulty, time_limit_sec, expected_points)
           VALUES (?, ?, ?, 'q', 'Q?', ?, 'Easy', 120, '[]')`,
        )
        .run(`${session}-q${n}`, session, n, category);
      sqlite
        .prepare(
          "INSERT INTO answers (id, session_question_id, text, skipped, time_taken_ms, submitted_at) VALUES (?, ?, 'A', 0, 1000, '2024-03-01T00:00:00Z')",
        )
        .run(`${session}-a${n}`, `${session}-q${n}`);
      for (const [provider, overall, at] of scores)
        sqlite
          .prepare(
            `INSERT INTO evaluations (answer_id, provider, overall, content_quality, clarity, confidence, technical_accuracy, result, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, '{}', ?)`,
          )
          .run(`${session}-a${n}`, provider, overall, overall, overall, overall, overall, at);
    };
    // Completed at 23:30 UTC on 1 March: 2 March in Tokyo, where the machine is now.
    session('s1', 'completed', '2024-03-01T23:30:00Z');
    answer('s1', 0, 'Behavioral', [['builtin', 40, '2024-03-01T23:00:00Z']]);
    // The newest model review counts over an older one and the builtin score.
    answer('s1', 1, 'Technical', [
      ['builtin', 50, '2024-03-01T23:00:00Z'],
      ['ollama', 70, '2024-03-01T23:01:00Z'],
      ['cloud', 90, '2024-03-01T23:02:00Z'],
    ]);
    session('s2', 'active', null);
    answer('s2', 0, 'Behavioral', [['builtin', 10, '2024-03-01T23:00:00Z']]);
    sqlite.close();

    const runtime = await testRuntime({ dataDir, now: () => new Date('2024-03-02T03:00:00Z') });
    expect(
      runtime.connection.sqlite
        .prepare(
          'SELECT session_id, completed_at, local_date, answers, scored, overall_sum, behavioral_n, technical_sum FROM progress_sessions ORDER BY session_id',
        )
        .all(),
    ).toEqual([
      {
        session_id: 's1',
        completed_at: '2024-03-01T23:30:00Z',
        local_date: null,
        answers: 2,
        scored: 2,
        overall_sum: 130,
        behavioral_n: 1,
        technical_sum: 90,
      },
      {
        session_id: 's2',
        completed_at: null,
        local_date: null,
        answers: 1,
        scored: 1,
        overall_sum: 10,
        behavioral_n: 1,
        technical_sum: 0,
      },
    ]);
    const dash = await ok(runtime, 'progress.dashboard', {});
    expect(dash).toMatchObject({ completed: 1, averageAllTime: 65, scoredAnswers: 2 });
    // No zone was recorded then, so the session is dated in today's zone.
    expect(dash.streak).toMatchObject({ lastDate: '2024-03-02', current: 1, practisedToday: true });
    expect(await ok(runtime, 'progress.achievements', {})).toContainEqual(
      expect.objectContaining({ id: 'First_Interview', earnedAt: '2024-03-02T03:00:00.000Z' }),
    );
  });
});
