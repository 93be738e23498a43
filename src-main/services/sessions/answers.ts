import type { ParsedInput } from '../../../src-shared/contract';
import type { SessionDetail, SessionStatus } from '../../../src-shared/domain';
import { AppError } from '../../../src-shared/errors';
import type { ServiceContext } from '../../core/context';
import type { Category } from '../../../src-shared/domain';
import type { reviewWithModel } from '../evaluation/model-review';
import { storeEvaluation } from '../evaluation/store';
import { onSessionCompleted } from '../progress/service';
import { enqueueCompletedSession } from '../sync/outbox';
import { insertFollowUp } from './follow-up';
import { loadDetail, type Db } from './read';
import { transition } from './state';

interface OpenQuestion {
  sessionId: string;
  mode: string;
  parentId: string | null;
  text: string;
  category: Category;
  expectedPoints: string[];
  position: number;
  timeLimitSec: number;
  elapsedMs: number;
  status: SessionStatus;
  currentPosition: number;
  questionCount: number;
}

/** The question must belong to a session that is still open, and must not be answered yet. */
export async function openQuestion(db: Db, sessionQuestionId: string): Promise<OpenQuestion> {
  const row = await db
    .selectFrom('session_questions as q')
    .innerJoin('sessions as s', 's.id', 'q.session_id')
    .leftJoin('answers as a', 'a.session_question_id', 'q.id')
    .select([
      'q.session_id',
      'q.position',
      'q.time_limit_sec',
      'q.elapsed_ms',
      'q.text',
      'q.category',
      'q.expected_points',
      'q.parent_id',
      's.mode',
      's.status',
      's.current_position',
      's.question_count',
      'a.id as answer_id',
    ])
    .where('q.id', '=', sessionQuestionId)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'That question is not part of any practice session.');
  const status = row.status as SessionStatus;
  if (status === 'completed' || status === 'abandoned') transition(status, 'answer');
  if (row.answer_id !== null) throw new AppError('CONFLICT', 'This question has already been answered.');
  return {
    sessionId: row.session_id,
    mode: row.mode,
    parentId: row.parent_id,
    text: row.text,
    category: row.category as Category,
    expectedPoints: JSON.parse(row.expected_points) as string[],
    position: row.position,
    timeLimitSec: row.time_limit_sec,
    elapsedMs: row.elapsed_ms,
    status,
    currentPosition: row.current_position,
    questionCount: row.question_count,
  };
}

/** Drafts are kept even while paused: the pause click must never lose the last words typed. */
export async function saveDraft(
  ctx: ServiceContext,
  input: ParsedInput<'sessions.saveDraft'>,
): Promise<{ savedAt: string }> {
  const savedAt = ctx.now().toISOString();
  const text = ctx.vault.seal('drafts.text', input.text);
  await ctx.db.transaction().execute(async (trx) => {
    const q = await openQuestion(trx, input.sessionQuestionId);
    const elapsed = Math.max(q.elapsedMs, input.elapsedMs);
    await trx
      .insertInto('drafts')
      .values({
        session_question_id: input.sessionQuestionId,
        text,
        elapsed_ms: elapsed,
        updated_at: savedAt,
      })
      .onConflict((oc) =>
        oc.column('session_question_id').doUpdateSet({ text, elapsed_ms: elapsed, updated_at: savedAt }),
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

export async function recordAnswer(
  ctx: ServiceContext,
  input: { sessionQuestionId: string; text: string; elapsedMs: number; skipped: boolean },
): Promise<SessionDetail> {
  let sessionId = '';
  let status: SessionStatus = 'active';
  let review: Parameters<typeof reviewWithModel>[1] | null = null;
  // The evaluation reads text with an NLP model that takes a while to load: on the first answer, not at start.
  const { evaluateBuiltin } = await import('../evaluation/evaluate');
  await ctx.db.transaction().execute(async (trx) => {
    const q = await openQuestion(trx, input.sessionQuestionId);
    sessionId = q.sessionId;
    transition(q.status, 'answer');
    if (q.position !== q.currentPosition) {
      throw new AppError(
        'CONFLICT',
        'Questions are answered one at a time; this is not the current question.',
      );
    }
    const now = ctx.now().toISOString();
    const timeTaken = Math.max(q.elapsedMs, input.elapsedMs);
    const answerId = ctx.newId();
    await trx
      .insertInto('answers')
      .values({
        id: answerId,
        session_question_id: input.sessionQuestionId,
        text: ctx.vault.seal('answers.text', input.text),
        skipped: input.skipped ? 1 : 0,
        time_taken_ms: timeTaken,
        overtime: timeTaken > q.timeLimitSec * 1000 ? 1 : 0,
        submitted_at: now,
      })
      .execute();
    await trx.deleteFrom('drafts').where('session_question_id', '=', input.sessionQuestionId).execute();
    let questionCount = q.questionCount;
    if (!input.skipped) {
      // The builtin evaluation takes a few milliseconds and is written with the answer, so feedback can never
      // be missing for an answer that exists. A model's review, when one is set up, comes after.
      const evaluation = evaluateBuiltin({
        question: { text: q.text, category: q.category, expectedPoints: q.expectedPoints },
        answer: input.text,
      });
      await storeEvaluation(
        trx,
        { answerId, provider: 'builtin', model: null, result: evaluation, at: now },
        ctx.vault,
      );
      review = {
        sessionQuestionId: input.sessionQuestionId,
        answerId,
        question: { text: q.text, category: q.category, expectedPoints: q.expectedPoints },
        answer: input.text,
        builtin: evaluation,
      };
      if (q.mode !== 'practice') {
        const added = await insertFollowUp(ctx, trx, {
          sessionId: q.sessionId,
          afterPosition: q.position,
          rootId: q.parentId ?? input.sessionQuestionId,
          evaluation,
          answer: input.text,
        });
        if (added) questionCount++;
      }
    }
    await trx
      .updateTable('session_questions')
      .set({ elapsed_ms: timeTaken })
      .where('id', '=', input.sessionQuestionId)
      .execute();
    const next = q.position + 1;
    const finished = next >= questionCount;
    status = finished ? transition(q.status, 'finish') : 'active';
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
    if (finished) await onSessionCompleted(ctx, trx, q.sessionId);
    if (finished) await enqueueCompletedSession(ctx, trx, q.sessionId);
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
  // Not awaited: the candidate moves on while a model, if one is set up, reviews the answer.
  if (review) {
    const pending = review;
    void import('../evaluation/model-review').then(({ reviewWithModel }) => reviewWithModel(ctx, pending));
  }
  return loadDetail(ctx.db, sessionId, ctx.vault);
}
