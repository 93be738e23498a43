/**
 * The outbox: finished sessions waiting to be sent, and the one place a session becomes a `SyncRecord`. Scores
 * come from progress_sessions, whose totals triggers keep over each answer's effective evaluation (a model's if
 * there is one, else the builtin one). Nothing else about a session is read: never its answers, feedback, job,
 * company or the candidate's profile.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { DIFFICULTIES, MAX_QUESTIONS_PER_SESSION, ROLES } from '../../../src-shared/domain';
import type { SyncRecord } from '../../../src-shared/sync';
import type { ServiceContext } from '../../core/context';
import type { Database } from '../../db/schema';

export type Db = Kysely<Database> | Transaction<Database>;

const MAX_DURATION_SEC = 4 * 60 * 60;
const round2 = (n: number) => Math.round(n * 100) / 100;
const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

interface Row {
  id: string;
  role: string;
  difficulty: string;
  question_count: number;
  completed_at: string | null;
  scored: number | null;
  overall_sum: number | null;
  content_quality_sum: number | null;
  clarity_sum: number | null;
  confidence_sum: number | null;
  technical_accuracy_sum: number | null;
  time_ms: number | null;
}

function rows(db: Db) {
  return db
    .selectFrom('sessions as s')
    .leftJoin('progress_sessions as p', 'p.session_id', 's.id')
    .select([
      's.id',
      's.role',
      's.difficulty',
      's.question_count',
      's.completed_at',
      'p.scored',
      'p.overall_sum',
      'p.content_quality_sum',
      'p.clarity_sum',
      'p.confidence_sum',
      'p.technical_accuracy_sum',
      'p.time_ms',
    ])
    .where('s.status', '=', 'completed')
    .where('s.completed_at', 'is not', null)
    .where('s.role', 'in', [...ROLES])
    .where('s.difficulty', 'in', [...DIFFICULTIES])
    .where('p.scored', '>', 0);
}

/** The record for one session row: scores averaged over its scored answers, two decimals. */
function toRecord(r: Row): SyncRecord | null {
  const n = r.scored ?? 0;
  if (n <= 0 || !r.completed_at) return null;
  const avg = (sum: number | null) => clamp(round2((sum ?? 0) / n), 0, 100);
  return {
    clientSessionId: r.id,
    role: r.role as SyncRecord['role'],
    difficulty: r.difficulty as SyncRecord['difficulty'],
    overallScore: avg(r.overall_sum),
    criteria: {
      content_quality: avg(r.content_quality_sum),
      clarity: avg(r.clarity_sum),
      confidence: avg(r.confidence_sum),
      technical_accuracy: avg(r.technical_accuracy_sum),
    },
    questionCount: clamp(r.question_count, 1, MAX_QUESTIONS_PER_SESSION),
    durationSec: clamp(Math.round((r.time_ms ?? 0) / 1000), 0, MAX_DURATION_SEC),
    completedAt: new Date(r.completed_at).toISOString(),
  };
}

/** Records for these sessions (those still eligible), in the given order. */
export async function recordsFor(db: Db, sessionIds: string[]): Promise<Map<string, SyncRecord>> {
  const out = new Map<string, SyncRecord>();
  if (sessionIds.length === 0) return out;
  for (const r of await rows(db).where('s.id', 'in', sessionIds).execute()) {
    const record = toRecord(r);
    if (record) out.set(r.id, record);
  }
  return out;
}

/** The latest completed session that would be sent, as it would be sent. */
export async function latestRecord(db: Db): Promise<SyncRecord | null> {
  const r = await rows(db)
    .orderBy('s.completed_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r ? toRecord(r) : null;
}

/** The candidate's own average overall score over their eligible sessions in a role (two decimals). */
export async function ownAverage(db: Db, role: string): Promise<number | null> {
  const list = await rows(db).where('s.role', '=', role).execute();
  const scores = list.map(toRecord).filter((r): r is SyncRecord => r !== null);
  if (scores.length === 0) return null;
  return round2(scores.reduce((a, r) => a + r.overallScore, 0) / scores.length);
}

async function syncEnabled(db: Db): Promise<boolean> {
  const s = await db.selectFrom('sync_settings').select('enabled').executeTakeFirst();
  return s?.enabled === 1;
}

/** Queues every eligible completed session (when sync is turned on); returns how many are queued. */
export async function enqueueAll(db: Db, now: string): Promise<void> {
  await sql`INSERT OR IGNORE INTO sync_outbox (session_id, queued_at)
    SELECT s.id, ${now} FROM sessions s JOIN progress_sessions p ON p.session_id = s.id
    WHERE s.status = 'completed' AND s.completed_at IS NOT NULL AND p.scored > 0
      AND s.role IN (${sql.join([...ROLES])}) AND s.difficulty IN (${sql.join([...DIFFICULTIES])})`.execute(
    db,
  );
}

/** Listeners told after a session was queued (the sync loop pushes soon after). */
const queuedListeners = new WeakMap<ServiceContext, () => void>();
export function onQueued(ctx: ServiceContext, listener: () => void): void {
  queuedListeners.set(ctx, listener);
}

/**
 * Called in the transaction that completes a session: queues it when sync is on, its role is one Rehearse ships
 * and at least one answer was scored. Never throws: a sync problem must not lose the candidate's answer.
 */
export async function enqueueCompletedSession(
  ctx: ServiceContext,
  trx: Db,
  sessionId: string,
): Promise<void> {
  try {
    if (!(await syncEnabled(trx))) return;
    const eligible = await rows(trx).where('s.id', '=', sessionId).select('s.id as sid').executeTakeFirst();
    if (!eligible) return;
    await trx
      .insertInto('sync_outbox')
      .values({ session_id: sessionId, queued_at: ctx.now().toISOString() })
      .onConflict((oc) => oc.column('session_id').doNothing())
      .execute();
    const listener = queuedListeners.get(ctx);
    // After the transaction commits: the push reads the session through the connection, not the transaction.
    if (listener) setTimeout(listener, 200).unref?.();
  } catch (err) {
    ctx.logger.warn({ err }, 'could not queue the session for sync');
  }
}
