import type { FastifyInstance } from 'fastify';
import { sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import { MAX_QUESTIONS_PER_SESSION } from '../../src-shared/domain';
import {
  MAX_DURATION_SEC,
  MAX_SESSIONS_PER_DAY,
  ScoreBatch,
  ScoreBatchResult,
  type ScoreRecord,
} from '../http/api';
import { recordSignature, replayed, unknownDevice } from '../http/auth';
import { ApiError } from '../http/errors';
import { doc, errorDocs, replyDoc } from '../http/validation';
import type { ServerDb } from '../schema';
import { MAX_SKEW_MS } from '../signing';
import { type RouteContext, SIGNED } from './context';

const DAY_MS = 24 * 60 * 60 * 1000;
const EARLIEST = Date.UTC(2020, 0, 1);

interface Problem {
  index: number;
  clientSessionId: string;
  reason: string;
}

/** The checks a schema cannot make: ranges and dates. */
function implausible(s: ScoreRecord, completedAt: number, now: number): string | undefined {
  const scores: [string, number][] = [
    ['overallScore', s.overallScore],
    ['criteria.content_quality', s.criteria.content_quality],
    ['criteria.clarity', s.criteria.clarity],
    ['criteria.confidence', s.criteria.confidence],
    ['criteria.technical_accuracy', s.criteria.technical_accuracy],
  ];
  for (const [name, v] of scores) if (v < 0 || v > 100) return `${name} ${v} is outside 0–100`;
  if (s.questionCount < 1 || s.questionCount > MAX_QUESTIONS_PER_SESSION) {
    return `questionCount ${s.questionCount} is outside 1–${MAX_QUESTIONS_PER_SESSION}`;
  }
  if (s.durationSec !== undefined && (s.durationSec < 0 || s.durationSec > MAX_DURATION_SEC)) {
    return `durationSec ${s.durationSec} is outside 0–${MAX_DURATION_SEC}`;
  }
  if (completedAt > now + MAX_SKEW_MS) return 'completedAt is in the future';
  if (completedAt < EARLIEST) return 'completedAt is before 2020';
  return undefined;
}

export function scoreRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const { db } = ctx.database;
  app.post<{ Body: z.infer<typeof ScoreBatch> }>(
    '/scores',
    {
      preValidation: ctx.signed,
      // the signature is recorded with the batch, in one transaction
      config: { deferSignature: true },
      attachValidation: true,
      schema: {
        summary: 'Send a batch of session results',
        description: [
          'Signed. Idempotent per device on clientSessionId: a session already stored is counted as a duplicate and',
          'left unchanged, so a batch can be re-sent after a lost reply (signed afresh: each signature is accepted',
          'once). Either the whole batch is checked and stored, or (422) none of it, with the reason per session.',
        ].join(' '),
        tags: ['scores'],
        security: SIGNED,
        body: doc(ScoreBatch),
        response: {
          200: replyDoc(ScoreBatchResult, 'Stored (accepted) or already there (duplicates).'),
          ...errorDocs(400, 401, 409, 413, 415, 422, 429),
        },
      },
    },
    async (request) => {
      const deviceId = request.device!.id;
      const seen = request.signature!;
      if (request.validationError) {
        // a refused body still uses up its signature, like any other signed request
        if (!(await recordSignature(db, seen))) throw replayed();
        throw request.validationError;
      }
      const now = ctx.now();
      const sessions = request.body.sessions.map((s) => ({
        ...s,
        id: s.clientSessionId.toLowerCase(),
        at: Date.parse(s.completedAt),
      }));
      const problems: Problem[] = [];
      sessions.forEach((s, index) => {
        const reason = implausible(s, s.at, now);
        if (reason) problems.push({ index, clientSessionId: s.clientSessionId, reason });
      });
      // one row per clientSessionId: a repeat within the batch is a duplicate like any other
      const ids = new Set<string>();
      const unique = sessions.filter((s) => !ids.has(s.id) && ids.add(s.id));

      const outcome = await ctx.writer.run(async (trx): Promise<ApiError | { accepted: number }> => {
        if (!(await recordSignature(trx, seen))) return replayed();
        if (problems.length) return refuse(problems);
        if (ctx.database.dialect === 'postgres') {
          // Lock the device's row: this device's batches run one at a time across every replica, so two cannot
          // both pass the daily limit. (SQLite's writes are serial already: see writes.ts.)
          const device = await trx
            .selectFrom('devices')
            .select('id')
            .where('id', '=', deviceId)
            .forUpdate()
            .executeTakeFirst();
          if (!device) return unknownDevice();
        }
        const over = await overDailyLimit(trx, deviceId, unique);
        if (over.length) return refuse(over.map((s) => problem(sessions, s)));
        try {
          // SQL valid in both dialects, not the query builder: this is the hot path (see recordSignature)
          const rows = unique.map(
            (s) =>
              sql`(${deviceId}, ${s.id}, ${s.role}, ${s.difficulty}, ${s.overallScore}, ${s.criteria.content_quality}, ${s.criteria.clarity}, ${s.criteria.confidence}, ${s.criteria.technical_accuracy}, ${s.questionCount}, ${s.durationSec ?? null}, ${s.at}, ${now})`,
          );
          const inserted =
            await sql`INSERT INTO scores (device_id, client_session_id, role, difficulty, overall_score,
              content_quality, clarity, confidence, technical_accuracy, question_count, duration_sec, completed_at,
              received_at)
            VALUES ${sql.join(rows)}
            ON CONFLICT (device_id, client_session_id) DO NOTHING`.execute(trx);
          return { accepted: Number(inserted.numAffectedRows ?? 0) };
        } catch (err) {
          // SQLite: the device was erased since its signature was checked
          if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return unknownDevice();
          throw err;
        }
      });
      if (outcome instanceof ApiError) throw outcome;
      return { accepted: outcome.accepted, duplicates: sessions.length - outcome.accepted };
    },
  );
}

type Session = ScoreRecord & { id: string; at: number };

const dayOf = (at: number) => Math.floor(at / DAY_MS);

/**
 * The sessions that would take their UTC day past MAX_SESSIONS_PER_DAY for this device. Counting what is stored
 * plus the whole batch is enough nearly always; only when that is over the limit are the batch's already stored
 * sessions (a re-sent batch) looked up and left out of the count.
 */
async function overDailyLimit(
  trx: Transaction<ServerDb>,
  deviceId: string,
  batch: Session[],
): Promise<Session[]> {
  const perDay = (list: Session[]) => {
    const days = new Map<number, number>();
    for (const s of list) days.set(dayOf(s.at), (days.get(dayOf(s.at)) ?? 0) + 1);
    return days;
  };
  const days = perDay(batch);
  const first = Math.min(...days.keys());
  const last = Math.max(...days.keys());
  // integer division in both dialects (bigint / integer literal); SQL for speed, as above
  const { rows: storedRows } = await sql<{
    day: number;
    n: number;
  }>`SELECT completed_at / ${sql.lit(DAY_MS)} AS day,
      COUNT(*) AS n FROM scores
    WHERE device_id = ${deviceId} AND completed_at >= ${first * DAY_MS} AND completed_at < ${(last + 1) * DAY_MS}
    GROUP BY completed_at / ${sql.lit(DAY_MS)}`.execute(trx);
  const stored = new Map(storedRows.map((r) => [Number(r.day), Number(r.n)]));
  const over = (counts: Map<number, number>) =>
    [...counts].filter(([day, n]) => n + (stored.get(day) ?? 0) > MAX_SESSIONS_PER_DAY).map(([day]) => day);
  if (over(days).length === 0) return [];
  const existing = new Set(
    (
      await trx
        .selectFrom('scores')
        .select('client_session_id')
        .where('device_id', '=', deviceId)
        .where(
          'client_session_id',
          'in',
          batch.map((s) => s.id),
        )
        .execute()
    ).map((r) => r.client_session_id),
  );
  const fresh = batch.filter((s) => !existing.has(s.id));
  const overDays = new Set(over(perDay(fresh)));
  return fresh.filter((s) => overDays.has(dayOf(s.at)));
}

function problem(sessions: Session[], s: Session): Problem {
  return {
    index: sessions.indexOf(s),
    clientSessionId: s.clientSessionId,
    reason: `more than ${MAX_SESSIONS_PER_DAY} sessions on ${new Date(dayOf(s.at) * DAY_MS).toISOString().slice(0, 10)} (UTC)`,
  };
}

function refuse(problems: Problem[]): ApiError {
  const first = problems[0]!;
  return new ApiError(
    422,
    'IMPLAUSIBLE',
    `Session ${first.index} (${first.clientSessionId}): ${first.reason}.${problems.length > 1 ? ` ${problems.length - 1} more in details.` : ''} Nothing was stored.`,
    problems.slice(0, MAX_BATCH_DETAILS),
  );
}

const MAX_BATCH_DETAILS = 100;
