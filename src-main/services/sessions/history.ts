import type { ParsedInput } from '../../../src-shared/contract';
import type { SessionSummary } from '../../../src-shared/domain';
import type { ServiceContext } from '../../core/context';
import { loadDetail, summaryOf } from './read';

/** Sessions newest first, paged, narrowed by date range, role, job and status; one query per page. */
export async function listSessions(ctx: ServiceContext, input: ParsedInput<'sessions.list'>) {
  let filtered = ctx.db.selectFrom('sessions as s');
  if (input.since) filtered = filtered.where('s.created_at', '>=', new Date(input.since).toISOString());
  if (input.until) filtered = filtered.where('s.created_at', '<=', new Date(input.until).toISOString());
  if (input.role) filtered = filtered.where('s.role', '=', input.role);
  if (input.jobId) filtered = filtered.where('s.job_id', '=', input.jobId);
  if (input.status) filtered = filtered.where('s.status', '=', input.status);
  const { total } = await filtered
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = await filtered
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

/** The session the candidate was in when the app last closed (or crashed), to offer on the next start. */
export async function resumableSession(ctx: ServiceContext): Promise<SessionSummary | null> {
  const row = await ctx.db
    .selectFrom('sessions')
    .select('id')
    .where('status', 'in', ['active', 'paused'])
    .orderBy('updated_at', 'desc')
    .executeTakeFirst();
  if (!row) return null;
  const { questions: _questions, ...summary } = await loadDetail(ctx.db, row.id, ctx.vault);
  return summary;
}
