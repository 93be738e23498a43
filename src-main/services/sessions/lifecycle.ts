import type { SessionDetail, SessionStatus } from '../../../src-shared/domain';
import type { ServiceContext } from '../../core/context';
import { onSessionCompleted } from '../progress/service';
import { enqueueCompletedSession } from '../sync/outbox';
import { loadDetail } from './read';
import { transition, type SessionAction } from './state';

/** Pause, resume and end: one status change each, checked against the lifecycle before it is written. */
export async function changeStatus(
  ctx: ServiceContext,
  sessionId: string,
  action: Extract<SessionAction, 'pause' | 'resume' | 'end'>,
): Promise<SessionDetail> {
  const session = await loadDetail(ctx.db, sessionId, ctx.vault);
  const status: SessionStatus = transition(session.status, action, session.answeredCount);
  const now = ctx.now().toISOString();
  await ctx.db
    .updateTable('sessions')
    .set({
      status,
      updated_at: now,
      paused_at: status === 'paused' ? now : null,
      ...(action === 'end' ? { completed_at: now } : {}),
    })
    .where('id', '=', sessionId)
    .where('status', '=', session.status)
    .execute();
  if (status === 'completed') await onSessionCompleted(ctx, ctx.db, sessionId);
  if (status === 'completed') await enqueueCompletedSession(ctx, ctx.db, sessionId);
  ctx.emit('sessions.changed', { sessionId, status });
  return loadDetail(ctx.db, sessionId, ctx.vault);
}
