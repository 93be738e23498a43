/**
 * Writes completed sessions with answers and scores straight into the database, for the progress tests and
 * the bench (five years of daily practice in a second). Not used by the app.
 */
import { randomUUID } from 'node:crypto';
import type { Category } from '../../../src-shared/domain';
import type { Sqlite } from '../../db/connection';

export interface SeedAnswer {
  category: Category;
  /** The builtin overall score; null for a skipped answer (no evaluation). */
  overall: number | null;
  /** A model's overall score, stored as a second evaluation that takes precedence. */
  model?: number;
  /** content_quality, clarity, confidence, technical_accuracy of the builtin row; each = overall if absent. */
  criteria?: [number, number, number, number];
  timeMs?: number;
}

export interface SeedSession {
  id?: string;
  completedAt: string;
  /** Written to progress_sessions when given (as the app does at completion from migration 0008 on). */
  localDate?: string;
  timeZone?: string;
  role?: string;
  status?: 'completed' | 'active';
  answers: SeedAnswer[];
}

const RESULT_PADDING = JSON.stringify({ feedback: 'x'.repeat(1500) });

export function seedSessions(sqlite: Sqlite, sessions: readonly SeedSession[]): string[] {
  const insertSession = sqlite.prepare(
    `INSERT INTO sessions (id, role, difficulty, mode, status, question_count, current_position, created_at, updated_at, completed_at, first_attempt_id)
     VALUES (?, ?, 'Medium', 'practice', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertQuestion = sqlite.prepare(
    `INSERT INTO session_questions (id, session_id, position, question_id, text, category, difficulty, time_limit_sec, expected_points)
     VALUES (?, ?, ?, ?, 'A seeded question for progress figures?', ?, 'Medium', 300, '[]')`,
  );
  const insertAnswer = sqlite.prepare(
    `INSERT INTO answers (id, session_question_id, text, skipped, time_taken_ms, overtime, submitted_at)
     VALUES (?, ?, ?, ?, ?, 0, ?)`,
  );
  const insertEvaluation = sqlite.prepare(
    `INSERT INTO evaluations (answer_id, provider, model, overall, content_quality, clarity, confidence, technical_accuracy, result, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const setDay = sqlite.prepare(
    'UPDATE progress_sessions SET local_date = ?, time_zone = ? WHERE session_id = ? AND completed_at IS NOT NULL',
  );
  const ids: string[] = [];
  sqlite.transaction(() => {
    for (const s of sessions) {
      const id = s.id ?? randomUUID();
      ids.push(id);
      const status = s.status ?? 'completed';
      const count = Math.max(1, s.answers.length);
      insertSession.run(
        id,
        s.role ?? 'Backend Engineer',
        status,
        count,
        count - 1,
        s.completedAt,
        s.completedAt,
        status === 'completed' ? s.completedAt : null,
        id,
      );
      if (s.localDate) setDay.run(s.localDate, s.timeZone ?? 'UTC', id);
      s.answers.forEach((a, position) => {
        const qid = randomUUID();
        const aid = randomUUID();
        insertQuestion.run(qid, id, position, `seed-${position}`, a.category);
        insertAnswer.run(
          aid,
          qid,
          a.overall === null ? '' : 'A seeded answer with enough words to count.',
          a.overall === null ? 1 : 0,
          a.timeMs ?? 60_000,
          s.completedAt,
        );
        if (a.overall === null) return;
        const o = a.overall;
        const [cq, cl, co, ta] = a.criteria ?? [o, o, o, o];
        insertEvaluation.run(aid, 'builtin', null, o, cq, cl, co, ta, RESULT_PADDING, s.completedAt);
        if (a.model !== undefined) {
          const m = a.model;
          insertEvaluation.run(aid, 'ollama', 'llama3.2', m, m, m, m, m, RESULT_PADDING, s.completedAt);
        }
      });
    }
  })();
  return ids;
}
