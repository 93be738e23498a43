import type { Kysely, Selectable, Transaction } from 'kysely';
import type {
  Category,
  Difficulty,
  SessionDetail,
  SessionMode,
  SessionStatus,
  SessionSummary,
} from '../../../src-shared/domain';
import { AppError } from '../../../src-shared/errors';
import { Delivery } from '../../../src-shared/voice';
import type { Database, SessionsTable } from '../../db/schema';
import { feedbackFor } from '../evaluation/store';
import type { Codec } from '../vault/columns';

export type Db = Kysely<Database> | Transaction<Database>;

export const notFound = () => new AppError('NOT_FOUND', 'That practice session no longer exists.');

export function summaryOf(row: Selectable<SessionsTable>, answeredCount: number): SessionSummary {
  return {
    id: row.id,
    role: row.role,
    difficulty: row.difficulty as Difficulty,
    mode: row.mode as SessionMode,
    status: row.status as SessionStatus,
    questionCount: row.question_count,
    answeredCount,
    currentPosition: row.current_position,
    createdAt: row.created_at,
    completedAt: row.completed_at,
    attempt: row.attempt,
    retakeOf: row.retake_of,
    firstAttemptId: row.first_attempt_id ?? row.id,
    jobId: row.job_id,
    companyId: row.company_id,
    categories: JSON.parse(row.categories) as Category[],
    pausedAt: row.paused_at,
  };
}

export async function loadDetail(db: Db, sessionId: string, codec: Codec): Promise<SessionDetail> {
  const session = await db.selectFrom('sessions').selectAll().where('id', '=', sessionId).executeTakeFirst();
  if (!session) throw notFound();
  const questions = await db
    .selectFrom('session_questions as q')
    .leftJoin('answers as a', 'a.session_question_id', 'q.id')
    .leftJoin('drafts as d', 'd.session_question_id', 'q.id')
    .select([
      'q.id',
      'q.position',
      'q.question_id',
      'q.text',
      'q.category',
      'q.difficulty',
      'q.time_limit_sec',
      'q.expected_points',
      'q.elapsed_ms',
      'q.source',
      'q.reason',
      'q.parent_id',
      'a.id as answer_id',
      'a.text as answer_text',
      'a.skipped',
      'a.time_taken_ms',
      'a.overtime',
      'a.submitted_at',
      'd.text as draft_text',
      'd.updated_at as draft_updated_at',
    ])
    .where('q.session_id', '=', sessionId)
    .orderBy('q.position')
    .execute();
  const feedback = await feedbackFor(db, sessionId, codec);
  const spoken = await spokenAnswers(db, sessionId, codec);
  // Skipped questions are recorded as answers but do not count as answered.
  const answered = questions.filter((q) => q.submitted_at !== null && q.skipped === 0).length;
  return {
    ...summaryOf(session, answered),
    questions: questions.map((q) => ({
      id: q.id,
      position: q.position,
      questionId: q.question_id,
      text: q.text,
      category: q.category as Category,
      difficulty: q.difficulty as Difficulty,
      timeLimitSec: q.time_limit_sec,
      expectedPoints: JSON.parse(q.expected_points) as string[],
      elapsedMs: q.elapsed_ms,
      source: q.source,
      reason: q.reason,
      parentId: q.parent_id,
      answer:
        q.submitted_at === null
          ? null
          : {
              text: q.answer_text === null ? '' : codec.open('answers.text', q.answer_text),
              skipped: q.skipped === 1,
              timeTakenMs: q.time_taken_ms ?? 0,
              overtime: q.overtime === 1,
              submittedAt: q.submitted_at,
            },
      feedback: (q.answer_id && feedback.get(q.answer_id)) || null,
      spoken: q.skipped === 1 ? null : (spoken.get(q.id) ?? null),
      draft:
        q.draft_text === null || q.draft_updated_at === null
          ? null
          : { text: codec.open('drafts.text', q.draft_text), updatedAt: q.draft_updated_at },
    })),
  };
}

/** Per question, its newest recording that was heard (transcribed, or measured without words). */
async function spokenAnswers(
  db: Db,
  sessionId: string,
  codec: Codec,
): Promise<Map<string, NonNullable<SessionDetail['questions'][number]['spoken']>>> {
  const rows = await db
    .selectFrom('recordings as r')
    .innerJoin('session_questions as q', 'q.id', 'r.session_question_id')
    .select(['r.id', 'r.session_question_id', 'r.transcript', 'r.delivery'])
    .where('q.session_id', '=', sessionId)
    .where((eb) => eb.or([eb('r.transcript', 'is not', null), eb('r.delivery', 'is not', null)]))
    .orderBy('r.started_at', 'desc')
    .orderBy('r.id')
    .execute();
  const out = new Map<string, NonNullable<SessionDetail['questions'][number]['spoken']>>();
  for (const r of rows) {
    if (out.has(r.session_question_id)) continue;
    out.set(r.session_question_id, {
      recordingId: r.id,
      transcript: r.transcript === null ? null : codec.open('recordings.transcript', r.transcript),
      delivery:
        r.delivery === null
          ? null
          : Delivery.parse(JSON.parse(codec.open('recordings.delivery', r.delivery))),
    });
  }
  return out;
}
