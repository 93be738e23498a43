import { sql } from 'kysely';
import { z } from 'zod';
import type { EvaluationResult } from '../../../src-shared/evaluation';
import type { SessionDetail } from '../../../src-shared/domain';
import { AppError } from '../../../src-shared/errors';
import { modelLabel } from '../../../src-shared/format';
import type { ServiceContext } from '../../core/context';
import { track } from '../../core/requests';
import { screenQuestion } from '../ai/content-filter';
import { MAX_FOLLOW_UPS, pickFollowUp } from '../questions/follow-ups';
import { loadDetail, type Db } from './read';
import { transition } from './state';

/**
 * Puts a follow-up turn right after `afterPosition`, moving later questions down one, when the answer has a
 * gap worth asking about and its question has fewer than MAX_FOLLOW_UPS already. Returns whether it did.
 */
export async function insertFollowUp(
  ctx: ServiceContext,
  trx: Db,
  at: {
    sessionId: string;
    afterPosition: number;
    rootId: string;
    evaluation: EvaluationResult;
    answer: string;
  },
): Promise<boolean> {
  const root = await trx
    .selectFrom('session_questions')
    .select(['id', 'category', 'difficulty', 'time_limit_sec', 'skills'])
    .where('id', '=', at.rootId)
    .executeTakeFirstOrThrow();
  const existing = await trx
    .selectFrom('session_questions')
    .select('text')
    .where('parent_id', '=', at.rootId)
    .execute();
  if (existing.length >= MAX_FOLLOW_UPS) return false;
  const followUp = pickFollowUp(
    at.evaluation,
    at.answer,
    existing.map((e) => e.text),
  );
  if (!followUp) return false;
  // Two steps, because SQLite checks UNIQUE (session_id, position) row by row.
  await trx
    .updateTable('session_questions')
    .set({ position: sql<number>`-(position + 1)` })
    .where('session_id', '=', at.sessionId)
    .where('position', '>', at.afterPosition)
    .execute();
  await trx
    .updateTable('session_questions')
    .set({ position: sql<number>`-position` })
    .where('session_id', '=', at.sessionId)
    .where('position', '<', 0)
    .execute();
  await trx
    .insertInto('session_questions')
    .values({
      id: ctx.newId(),
      session_id: at.sessionId,
      position: at.afterPosition + 1,
      question_id: `follow-up-${at.rootId}-${existing.length + 1}`,
      text: followUp.text,
      category: root.category,
      difficulty: root.difficulty,
      // A follow-up is a shorter turn than the question it follows.
      time_limit_sec: Math.max(120, Math.round(root.time_limit_sec / 2)),
      expected_points: JSON.stringify(followUp.expectedPoints),
      skills: root.skills,
      source: 'follow_up',
      reason: followUp.reason,
      first_shown_at: null,
      elapsed_ms: 0,
      parent_id: at.rootId,
    })
    .execute();
  await trx
    .updateTable('sessions')
    .set((eb) => ({ question_count: eb('question_count', '+', 1) }))
    .where('id', '=', at.sessionId)
    .execute();
  return true;
}

/**
 * Practice mode offers the follow-up after showing feedback: it becomes the current turn, ahead of the next
 * question, if the candidate has not started answering that one yet.
 */
export async function takeFollowUp(ctx: ServiceContext, sessionQuestionId: string): Promise<SessionDetail> {
  let sessionId = '';
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('session_questions as q')
      .innerJoin('sessions as s', 's.id', 'q.session_id')
      .innerJoin('answers as a', 'a.session_question_id', 'q.id')
      .innerJoin('evaluations as e', (j) =>
        j.onRef('e.answer_id', '=', 'a.id').on('e.provider', '=', 'builtin'),
      )
      .select([
        'q.session_id',
        'q.position',
        'q.parent_id',
        's.status',
        's.current_position',
        'a.text',
        'e.result',
      ])
      .where('q.id', '=', sessionQuestionId)
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', 'That answer has no feedback to follow up on.');
    sessionId = row.session_id;
    transition(row.status as SessionDetail['status'], 'answer');
    const next = await trx
      .selectFrom('session_questions as q')
      .leftJoin('drafts as d', 'd.session_question_id', 'q.id')
      .leftJoin('answers as a', 'a.session_question_id', 'q.id')
      .select(['d.text as draft', 'a.id as answer'])
      .where('q.session_id', '=', row.session_id)
      .where('q.position', '=', row.position + 1)
      .executeTakeFirst();
    const draft = ctx.vault.openNullable('drafts.text', next?.draft ?? null);
    if (row.current_position !== row.position + 1 || next?.answer || draft)
      throw new AppError('CONFLICT', 'You have already moved on from that question.');
    const added = await insertFollowUp(ctx, trx, {
      sessionId: row.session_id,
      afterPosition: row.position,
      rootId: row.parent_id ?? sessionQuestionId,
      evaluation: JSON.parse(ctx.vault.open('evaluations.result', row.result)) as EvaluationResult,
      answer: ctx.vault.open('answers.text', row.text),
    });
    if (!added) throw new AppError('CONFLICT', 'There is no follow-up to ask about that answer.');
    const now = ctx.now().toISOString();
    await trx
      .updateTable('session_questions')
      .set({ first_shown_at: null })
      .where('session_id', '=', row.session_id)
      .where('position', '=', row.position + 2)
      .execute();
    await trx
      .updateTable('session_questions')
      .set({ first_shown_at: now })
      .where('session_id', '=', row.session_id)
      .where('position', '=', row.position + 1)
      .execute();
  });
  ctx.emit('sessions.changed', { sessionId, status: 'active' });
  return loadDetail(ctx.db, sessionId, ctx.vault);
}

const AdaptedFollowUp = z.object({ question: z.string().trim().min(10).max(300) });

/**
 * A model rewrites a follow-up to fit what the candidate actually said, before it is answered. The builtin
 * follow-up stands when no model is set up, it fails, it is cancelled, or its question fails the screen.
 */
export async function adaptFollowUp(
  ctx: ServiceContext,
  input: { sessionQuestionId: string; requestId: string },
): Promise<{ text: string; reason: string; provider: string; notes: string[] }> {
  const row = await ctx.db
    .selectFrom('session_questions as q')
    .leftJoin('drafts as d', 'd.session_question_id', 'q.id')
    .leftJoin('answers as a', 'a.session_question_id', 'q.id')
    .select([
      'q.session_id',
      'q.position',
      'q.text',
      'q.reason',
      'q.parent_id',
      'd.text as draft',
      'a.id as answer',
    ])
    .where('q.id', '=', input.sessionQuestionId)
    .executeTakeFirst();
  if (!row || row.parent_id === null) throw new AppError('NOT_FOUND', 'That is not a follow-up question.');
  const kept = { text: row.text, reason: row.reason, provider: 'builtin' };
  if (
    row.answer ||
    (ctx.vault.openNullable('drafts.text', row.draft) ?? '').trim() ||
    row.reason.startsWith('Asked by')
  )
    return { ...kept, notes: [] };
  const before = await ctx.db
    .selectFrom('session_questions as q')
    .innerJoin('answers as a', 'a.session_question_id', 'q.id')
    .select(['q.text', 'a.text as answer'])
    .where('q.session_id', '=', row.session_id)
    .where('q.position', '=', row.position - 1)
    .executeTakeFirst();
  if (!before || !ctx.ai.chain.rank('followUp')[0]) return { ...kept, notes: [] };
  const request = track(input.requestId);
  try {
    const result = await ctx.ai.chain.run(
      {
        task: 'followUp',
        system:
          'You are a job interviewer. Ask ONE short follow-up question that probes the weakest part of the candidate’s answer, in their own terms. Never ask about age, religion, health, family, nationality or politics. Reply with JSON only: {"question": "..."}.',
        user: `Question: ${before.text}\nAnswer: ${ctx.vault.open('answers.text', before.answer)}\nWhat the answer lacks: ${row.reason}\nA generic follow-up would be: ${row.text}`,
        schema: AdaptedFollowUp.refine((f) => screenQuestion(f.question).ok, {
          error: 'the question is not appropriate',
        }),
        jsonSchema: { type: 'object', properties: { question: { type: 'string' } }, required: ['question'] },
      },
      () => null,
      { signal: request.signal },
    );
    if (!result.value) return { ...kept, notes: result.notes };
    const reason = `Asked by ${modelLabel(result.provider, result.model)} after your answer. ${row.reason}`;
    await ctx.db
      .updateTable('session_questions')
      .set({ text: result.value.question, reason })
      .where('id', '=', input.sessionQuestionId)
      .execute();
    return { text: result.value.question, reason, provider: result.provider, notes: result.notes };
  } catch (err) {
    if (request.signal.aborted)
      return { ...kept, notes: ['Cancelled: you are answering the builtin follow-up.'] };
    throw err;
  } finally {
    request.done();
  }
}
