import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Handlers, ParsedInput } from '../../../src-shared/contract';
import type {
  Category,
  Difficulty,
  SessionDetail,
  SessionStatus,
  SessionSummary,
} from '../../../src-shared/domain';
import { AppError } from '../../../src-shared/errors';
import type { QuestionSource } from '../../../src-shared/questions';
import type { ServiceContext } from '../../core/context';
import type { Database, SessionsTable } from '../../db/schema';
import { track } from '../../core/requests';
import { planQuestions } from '../questions/engine';
import { generateQuestions } from '../questions/generate';
import { engineInput } from '../questions/inputs';

type Db = Kysely<Database> | Transaction<Database>;

const OPEN: SessionStatus[] = ['active', 'paused'];

function notFound(): AppError {
  return new AppError('NOT_FOUND', 'That practice session no longer exists.');
}

function summaryOf(row: Selectable<SessionsTable>, answeredCount: number): SessionSummary {
  return {
    id: row.id,
    role: row.role,
    difficulty: row.difficulty as Difficulty,
    mode: 'practice',
    status: row.status as SessionStatus,
    questionCount: row.question_count,
    answeredCount,
    currentPosition: row.current_position,
    createdAt: row.created_at,
    completedAt: row.completed_at,
  };
}

async function loadDetail(db: Db, sessionId: string): Promise<SessionDetail> {
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
      source: q.source as QuestionSource,
      reason: q.reason,
      answer:
        q.submitted_at === null
          ? null
          : {
              text: q.answer_text ?? '',
              skipped: q.skipped === 1,
              timeTakenMs: q.time_taken_ms ?? 0,
              overtime: q.overtime === 1,
              submittedAt: q.submitted_at,
            },
      draft:
        q.draft_text === null || q.draft_updated_at === null
          ? null
          : { text: q.draft_text, updatedAt: q.draft_updated_at },
    })),
  };
}

export async function createSession(
  ctx: ServiceContext,
  input: ParsedInput<'sessions.create'>,
): Promise<SessionDetail> {
  const picked = planQuestions(await engineInput(ctx, input));
  if (picked.length === 0) {
    throw new AppError('NOT_FOUND', 'The question bank is empty, so there is nothing to practise yet.');
  }
  const id = ctx.newId();
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('sessions')
      .values({
        id,
        role: input.role,
        difficulty: input.difficulty,
        mode: 'practice',
        status: 'active',
        question_count: picked.length,
        current_position: 0,
        created_at: now,
        updated_at: now,
        completed_at: null,
        job_id: input.jobId ?? null,
        company_id: input.companyId ?? null,
        categories: JSON.stringify(input.categories),
      })
      .execute();
    await trx
      .insertInto('session_questions')
      .values(
        picked.map((q, position) => ({
          id: ctx.newId(),
          session_id: id,
          position,
          question_id: q.questionId,
          text: q.text,
          category: q.category,
          difficulty: q.difficulty,
          time_limit_sec: q.timeLimitSec,
          expected_points: JSON.stringify(q.expectedPoints),
          skills: JSON.stringify(q.skills),
          source: q.source,
          reason: q.reason,
          first_shown_at: position === 0 ? now : null,
          elapsed_ms: 0,
        })),
      )
      .execute();
  });
  ctx.logger.info({ sessionId: id, questions: picked.length }, 'session created');
  ctx.emit('sessions.changed', { sessionId: id, status: 'active' });
  return loadDetail(ctx.db, id);
}

interface OpenQuestion {
  sessionId: string;
  position: number;
  timeLimitSec: number;
  elapsedMs: number;
  currentPosition: number;
  questionCount: number;
}

/** The question must belong to a session that is still open, and must not be answered yet. */
async function openQuestion(db: Db, sessionQuestionId: string): Promise<OpenQuestion> {
  const row = await db
    .selectFrom('session_questions as q')
    .innerJoin('sessions as s', 's.id', 'q.session_id')
    .leftJoin('answers as a', 'a.session_question_id', 'q.id')
    .select([
      'q.session_id',
      'q.position',
      'q.time_limit_sec',
      'q.elapsed_ms',
      's.status',
      's.current_position',
      's.question_count',
      'a.id as answer_id',
    ])
    .where('q.id', '=', sessionQuestionId)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'That question is not part of any practice session.');
  if (!OPEN.includes(row.status as SessionStatus)) {
    throw new AppError('CONFLICT', 'This session has ended, so its answers can no longer be changed.', {
      status: row.status,
    });
  }
  if (row.answer_id !== null) throw new AppError('CONFLICT', 'This question has already been answered.');
  return {
    sessionId: row.session_id,
    position: row.position,
    timeLimitSec: row.time_limit_sec,
    elapsedMs: row.elapsed_ms,
    currentPosition: row.current_position,
    questionCount: row.question_count,
  };
}

export async function saveDraft(
  ctx: ServiceContext,
  input: ParsedInput<'sessions.saveDraft'>,
): Promise<{ savedAt: string }> {
  const savedAt = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const q = await openQuestion(trx, input.sessionQuestionId);
    const elapsed = Math.max(q.elapsedMs, input.elapsedMs);
    await trx
      .insertInto('drafts')
      .values({
        session_question_id: input.sessionQuestionId,
        text: input.text,
        elapsed_ms: elapsed,
        updated_at: savedAt,
      })
      .onConflict((oc) =>
        oc
          .column('session_question_id')
          .doUpdateSet({ text: input.text, elapsed_ms: elapsed, updated_at: savedAt }),
      )
      .execute();
    await trx
      .updateTable('session_questions')
      .set({ elapsed_ms: elapsed })
      .where('id', '=', input.sessionQuestionId)
      .execute();
  });
  return { savedAt };
}

async function recordAnswer(
  ctx: ServiceContext,
  input: { sessionQuestionId: string; text: string; elapsedMs: number; skipped: boolean },
): Promise<SessionDetail> {
  let sessionId = '';
  let status: SessionStatus = 'active';
  await ctx.db.transaction().execute(async (trx) => {
    const q = await openQuestion(trx, input.sessionQuestionId);
    sessionId = q.sessionId;
    if (q.position !== q.currentPosition) {
      throw new AppError(
        'CONFLICT',
        'Questions are answered one at a time; this is not the current question.',
      );
    }
    const now = ctx.now().toISOString();
    const timeTaken = Math.max(q.elapsedMs, input.elapsedMs);
    await trx
      .insertInto('answers')
      .values({
        id: ctx.newId(),
        session_question_id: input.sessionQuestionId,
        text: input.text,
        skipped: input.skipped ? 1 : 0,
        time_taken_ms: timeTaken,
        overtime: timeTaken > q.timeLimitSec * 1000 ? 1 : 0,
        submitted_at: now,
      })
      .execute();
    await trx.deleteFrom('drafts').where('session_question_id', '=', input.sessionQuestionId).execute();
    await trx
      .updateTable('session_questions')
      .set({ elapsed_ms: timeTaken })
      .where('id', '=', input.sessionQuestionId)
      .execute();
    const next = q.position + 1;
    const finished = next >= q.questionCount;
    status = finished ? 'completed' : 'active';
    await trx
      .updateTable('sessions')
      .set({
        current_position: finished ? q.position : next,
        status,
        updated_at: now,
        completed_at: finished ? now : null,
      })
      .where('id', '=', q.sessionId)
      .execute();
    if (!finished) {
      await trx
        .updateTable('session_questions')
        .set({ first_shown_at: now })
        .where('session_id', '=', q.sessionId)
        .where('position', '=', next)
        .where('first_shown_at', 'is', null)
        .execute();
    }
  });
  ctx.emit('sessions.changed', { sessionId, status });
  return loadDetail(ctx.db, sessionId);
}

export async function endSession(ctx: ServiceContext, sessionId: string): Promise<SessionDetail> {
  const session = await loadDetail(ctx.db, sessionId);
  if (!OPEN.includes(session.status)) {
    throw new AppError('CONFLICT', 'This session has already ended.', { status: session.status });
  }
  // Ending with nothing answered is abandoning; with some answers it is a short but complete session.
  const status: SessionStatus = session.answeredCount > 0 ? 'completed' : 'abandoned';
  const now = ctx.now().toISOString();
  await ctx.db
    .updateTable('sessions')
    .set({ status, updated_at: now, completed_at: now })
    .where('id', '=', sessionId)
    .execute();
  ctx.emit('sessions.changed', { sessionId, status });
  return loadDetail(ctx.db, sessionId);
}

export async function listSessions(ctx: ServiceContext, input: ParsedInput<'sessions.list'>) {
  const [{ total }] = (await ctx.db
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .execute()) as [{ total: number }];
  const rows = await ctx.db
    .selectFrom('sessions as s')
    .selectAll('s')
    .select((eb) =>
      eb
        .selectFrom('answers as a')
        .innerJoin('session_questions as q', 'q.id', 'a.session_question_id')
        .whereRef('q.session_id', '=', 's.id')
        .where('a.skipped', '=', 0)
        .select(eb.fn.countAll<number>().as('n'))
        .as('answered'),
    )
    .orderBy('s.created_at', 'desc')
    .orderBy('s.id')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  return {
    items: rows.map((r) => summaryOf(r, Number(r.answered ?? 0))),
    total: Number(total),
    page: input.page,
  };
}

export async function resumableSession(ctx: ServiceContext): Promise<SessionSummary | null> {
  const row = await ctx.db
    .selectFrom('sessions')
    .select('id')
    .where('status', 'in', OPEN)
    .orderBy('updated_at', 'desc')
    .executeTakeFirst();
  if (!row) return null;
  const { questions: _questions, ...summary } = await loadDetail(ctx.db, row.id);
  return summary;
}

/**
 * Replaces the questions not yet shown with ones a model wrote for this candidate. The builtin set is already
 * on screen; cancelling, a failure or an invalid answer leaves it exactly as it was.
 */
export async function tailorSession(ctx: ServiceContext, input: ParsedInput<'sessions.tailor'>) {
  const row = await ctx.db
    .selectFrom('sessions')
    .selectAll()
    .where('id', '=', input.sessionId)
    .executeTakeFirst();
  if (!row) throw notFound();
  if (!OPEN.includes(row.status as SessionStatus))
    throw new AppError('CONFLICT', 'This session has ended, so its questions can no longer change.');
  const plan = await engineInput(ctx, {
    role: row.role,
    difficulty: row.difficulty as Difficulty,
    questionCount: row.question_count,
    categories: JSON.parse(row.categories) as Category[],
    jobId: row.job_id ?? undefined,
    companyId: row.company_id ?? undefined,
    useActiveResume: true,
  });
  const request = track(input.requestId);
  let generated;
  try {
    generated = await generateQuestions(ctx, plan, [], {
      signal: request.signal,
      onProgress: (status) => ctx.emit('ai.progress', { requestId: input.requestId, status, fraction: null }),
    });
  } catch (err) {
    if (!request.signal.aborted) throw err;
    return {
      session: await loadDetail(ctx.db, input.sessionId),
      provider: 'builtin',
      model: null,
      notes: ['Cancelled: you are keeping the builtin questions.'],
      replaced: 0,
    };
  } finally {
    request.done();
  }
  let replaced = 0;
  if (generated.questions.length > 0) {
    await ctx.db.transaction().execute(async (trx) => {
      const current = await trx
        .selectFrom('sessions')
        .select(['status', 'current_position'])
        .where('id', '=', input.sessionId)
        .executeTakeFirstOrThrow();
      if (!OPEN.includes(current.status as SessionStatus)) return;
      // Only questions the candidate has not seen: after the current one, with no draft or answer.
      const upcoming = await trx
        .selectFrom('session_questions as q')
        .leftJoin('drafts as d', 'd.session_question_id', 'q.id')
        .leftJoin('answers as a', 'a.session_question_id', 'q.id')
        .select(['q.id', 'q.position'])
        .where('q.session_id', '=', input.sessionId)
        .where('q.position', '>', current.current_position)
        .where('d.session_question_id', 'is', null)
        .where('a.id', 'is', null)
        .orderBy('q.position')
        .execute();
      for (const slot of upcoming) {
        const q = generated.questions[slot.position];
        if (!q) continue;
        await trx
          .updateTable('session_questions')
          .set({
            question_id: q.questionId,
            text: q.text,
            category: q.category,
            difficulty: q.difficulty,
            time_limit_sec: q.timeLimitSec,
            expected_points: JSON.stringify(q.expectedPoints),
            skills: JSON.stringify(q.skills),
            source: q.source,
            reason: q.reason,
          })
          .where('id', '=', slot.id)
          .execute();
        replaced++;
      }
    });
    if (replaced > 0) ctx.emit('sessions.changed', { sessionId: input.sessionId, status: row.status });
  }
  return {
    session: await loadDetail(ctx.db, input.sessionId),
    provider: generated.provider,
    model: generated.model,
    notes: generated.notes,
    replaced,
  };
}

type SessionChannels =
  | 'sessions.create'
  | 'sessions.get'
  | 'sessions.list'
  | 'sessions.resumable'
  | 'sessions.saveDraft'
  | 'sessions.submitAnswer'
  | 'sessions.skipQuestion'
  | 'sessions.end'
  | 'sessions.tailor';

export const sessionHandlers = (ctx: ServiceContext): Pick<Handlers, SessionChannels> => ({
  'sessions.create': (input) => createSession(ctx, input),
  'sessions.get': ({ sessionId }) => loadDetail(ctx.db, sessionId),
  'sessions.list': (input) => listSessions(ctx, input),
  'sessions.resumable': () => resumableSession(ctx),
  'sessions.saveDraft': (input) => saveDraft(ctx, input),
  'sessions.submitAnswer': (input) => recordAnswer(ctx, { ...input, skipped: false }),
  'sessions.skipQuestion': (input) => recordAnswer(ctx, { ...input, text: '', skipped: true }),
  'sessions.end': ({ sessionId }) => endSession(ctx, sessionId),
  'sessions.tailor': (input) => tailorSession(ctx, input),
});
