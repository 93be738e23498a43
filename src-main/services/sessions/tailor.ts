import type { ParsedInput } from '../../../src-shared/contract';
import type { Category, Difficulty, SessionStatus } from '../../../src-shared/domain';
import { AppError } from '../../../src-shared/errors';
import type { ServiceContext } from '../../core/context';
import { track } from '../../core/requests';
import { generateQuestions } from '../questions/generate';
import { plannedColumns } from './create';
import { engineInput } from '../questions/inputs';
import { loadDetail, notFound } from './read';
import { isOpen } from './state';

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
  if (!isOpen(row.status as SessionStatus))
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
      session: await loadDetail(ctx.db, input.sessionId, ctx.vault),
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
      if (!isOpen(current.status as SessionStatus)) return;
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
        await trx.updateTable('session_questions').set(plannedColumns(q)).where('id', '=', slot.id).execute();
        replaced++;
      }
    });
    if (replaced > 0) ctx.emit('sessions.changed', { sessionId: input.sessionId, status: row.status });
  }
  return {
    session: await loadDetail(ctx.db, input.sessionId, ctx.vault),
    provider: generated.provider,
    model: generated.model,
    notes: generated.notes,
    replaced,
  };
}
