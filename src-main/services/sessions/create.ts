import type { ParsedInput } from '../../../src-shared/contract';
import type { SessionDetail } from '../../../src-shared/domain';
import { AppError } from '../../../src-shared/errors';
import type { PlannedQuestion } from '../../../src-shared/questions';
import type { ServiceContext } from '../../core/context';
import { planQuestions } from '../questions/engine';
import { engineInput } from '../questions/inputs';
import { loadDetail, notFound } from './read';

interface NewSession {
  role: string;
  difficulty: string;
  mode: string;
  categories: string[];
  jobId: string | null;
  companyId: string | null;
  attempt: number;
  retakeOf: string | null;
  firstAttemptId: string | null;
}

/** A planned question as the columns of its `session_questions` row: one mapping for a new session and for a
 * tailored one that swaps its unseen questions. */
export function plannedColumns(q: PlannedQuestion) {
  return {
    question_id: q.questionId,
    text: q.text,
    category: q.category,
    difficulty: q.difficulty,
    time_limit_sec: q.timeLimitSec,
    expected_points: JSON.stringify(q.expectedPoints),
    skills: JSON.stringify(q.skills),
    source: q.source,
    reason: q.reason,
  };
}

/** Writes a session and its questions in one transaction, the first question marked as shown. */
async function insertSession(
  ctx: ServiceContext,
  s: NewSession,
  questions: PlannedQuestion[],
): Promise<SessionDetail> {
  const id = ctx.newId();
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('sessions')
      .values({
        id,
        role: s.role,
        difficulty: s.difficulty,
        mode: s.mode,
        status: 'active',
        question_count: questions.length,
        current_position: 0,
        created_at: now,
        updated_at: now,
        completed_at: null,
        job_id: s.jobId,
        company_id: s.companyId,
        categories: JSON.stringify(s.categories),
        attempt: s.attempt,
        retake_of: s.retakeOf,
        first_attempt_id: s.firstAttemptId ?? id,
        paused_at: null,
      })
      .execute();
    await trx
      .insertInto('session_questions')
      .values(
        questions.map((q, position) => ({
          id: ctx.newId(),
          session_id: id,
          position,
          ...plannedColumns(q),
          first_shown_at: position === 0 ? now : null,
          elapsed_ms: 0,
          parent_id: null,
        })),
      )
      .execute();
  });
  ctx.logger.info({ sessionId: id, questions: questions.length, attempt: s.attempt }, 'session created');
  ctx.emit('sessions.changed', { sessionId: id, status: 'active' });
  return loadDetail(ctx.db, id, ctx.vault);
}

export async function createSession(
  ctx: ServiceContext,
  input: ParsedInput<'sessions.create'>,
): Promise<SessionDetail> {
  const picked = planQuestions(await engineInput(ctx, input));
  if (picked.length === 0) {
    throw new AppError('NOT_FOUND', 'The question bank is empty, so there is nothing to practise yet.');
  }
  return insertSession(
    ctx,
    {
      role: input.role,
      difficulty: input.difficulty,
      mode: input.mode,
      categories: input.categories,
      jobId: input.jobId ?? null,
      companyId: input.companyId ?? null,
      attempt: 1,
      retakeOf: null,
      firstAttemptId: null,
    },
    picked,
  );
}

/** The same questions again (not the follow-ups, which depend on what was said), as the next attempt. */
export async function retakeSession(ctx: ServiceContext, sessionId: string): Promise<SessionDetail> {
  const source = await ctx.db
    .selectFrom('sessions')
    .selectAll()
    .where('id', '=', sessionId)
    .executeTakeFirst();
  if (!source) throw notFound();
  if (source.status !== 'completed')
    throw new AppError('CONFLICT', 'Only a completed session can be retaken.', { status: source.status });
  const first = source.first_attempt_id ?? source.id;
  const latest = await ctx.db
    .selectFrom('sessions')
    .select((eb) => eb.fn.max('attempt').as('attempt'))
    .where('first_attempt_id', '=', first)
    .executeTakeFirst();
  const rows = await ctx.db
    .selectFrom('session_questions')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('parent_id', 'is', null)
    .orderBy('position')
    .execute();
  const questions: PlannedQuestion[] = rows.map((q) => ({
    questionId: q.question_id,
    text: q.text,
    category: q.category as PlannedQuestion['category'],
    difficulty: q.difficulty as PlannedQuestion['difficulty'],
    expectedPoints: JSON.parse(q.expected_points) as string[],
    timeLimitSec: q.time_limit_sec,
    skills: JSON.parse(q.skills) as string[],
    source: q.source as PlannedQuestion['source'],
    reason: q.reason,
  }));
  return insertSession(
    ctx,
    {
      role: source.role,
      difficulty: source.difficulty,
      mode: source.mode,
      categories: JSON.parse(source.categories) as string[],
      jobId: source.job_id,
      companyId: source.company_id,
      attempt: Number(latest?.attempt ?? source.attempt) + 1,
      retakeOf: source.id,
      firstAttemptId: first,
    },
    questions,
  );
}
