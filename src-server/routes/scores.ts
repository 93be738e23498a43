import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { ApiError } from '../http/errors';
import {
  MAX_DURATION_SEC,
  MAX_SESSIONS_PER_DAY,
  ScoreBatch,
  ScoreBatchResult,
  type ScoreRecord,
} from '../http/api';
import { doc, errorDocs, replyDoc } from '../http/validation';
import { MAX_QUESTIONS_PER_SESSION } from '../../src-shared/domain';
import { MAX_SKEW_MS } from '../signing';
import { type RouteContext, SIGNED } from './context';
import { sql } from 'kysely';

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
      const now = ctx.now();
      const sessions = request.body.sessions.map((s) => ({ ...s, at: Date.parse(s.completedAt) }));
      const problems: Problem[] = [];
      sessions.forEach((s, index) => {
        const reason = implausible(s, s.at, now);
        if (reason) problems.push({ index, clientSessionId: s.clientSessionId, reason });
      });
      if (problems.length) throw refuse(problems);

      return db.transaction().execute(async (trx) => {
        // Touching the device row first serialises this device's batches (a row lock in PostgreSQL; SQLite has
        // one writer anyway), so two replicas cannot both pass the daily limit check. It also catches a device
        // erased since its signature was checked.
        const touched = await trx
          .updateTable('devices')
          .set({ last_seen_at: now })
          .where('id', '=', deviceId)
          .executeTakeFirst();
        if (Number(touched.numUpdatedRows) === 0) {
          throw new ApiError(
            401,
            'UNKNOWN_DEVICE',
            'This device is not registered (or was erased); register again.',
          );
        }
        const ids = sessions.map((s) => s.clientSessionId.toLowerCase());
        const existing = new Set(
          (
            await trx
              .selectFrom('scores')
              .select('client_session_id')
              .where('device_id', '=', deviceId)
              .where('client_session_id', 'in', ids)
              .execute()
          ).map((r) => r.client_session_id),
        );
        const fresh: typeof sessions = [];
        const seen = new Set<string>();
        sessions.forEach((s, i) => {
          const id = ids[i]!;
          if (existing.has(id) || seen.has(id)) return;
          seen.add(id);
          fresh.push(s);
        });
        if (fresh.length === 0) return { accepted: 0, duplicates: sessions.length };

        // at most MAX_SESSIONS_PER_DAY per UTC day of completedAt, counting what is already stored
        const days = new Map<number, number>();
        for (const s of fresh)
          days.set(Math.floor(s.at / DAY_MS), (days.get(Math.floor(s.at / DAY_MS)) ?? 0) + 1);
        const first = Math.min(...days.keys());
        const last = Math.max(...days.keys());
        const stored = await trx
          .selectFrom('scores')
          .select((eb) => [
            sql<number>`completed_at / ${sql.lit(DAY_MS)}`.as('day'),
            eb.fn.countAll<number>().as('n'),
          ])
          .where('device_id', '=', deviceId)
          .where('completed_at', '>=', first * DAY_MS)
          .where('completed_at', '<', (last + 1) * DAY_MS)
          .groupBy(sql`completed_at / ${sql.lit(DAY_MS)}`)
          .execute();
        for (const r of stored) {
          const day = Number(r.day);
          if (days.has(day)) days.set(day, days.get(day)! + Number(r.n));
        }
        const over = [...days].filter(([, n]) => n > MAX_SESSIONS_PER_DAY).map(([d]) => d);
        if (over.length) {
          throw refuse(
            fresh
              .map((s) => ({ s, index: sessions.indexOf(s) }))
              .filter(({ s }) => over.includes(Math.floor(s.at / DAY_MS)))
              .map(({ s, index }) => ({
                index,
                clientSessionId: s.clientSessionId,
                reason: `more than ${MAX_SESSIONS_PER_DAY} sessions on ${new Date(Math.floor(s.at / DAY_MS) * DAY_MS).toISOString().slice(0, 10)} (UTC)`,
              })),
          );
        }
        const inserted = await trx
          .insertInto('scores')
          .values(
            fresh.map((s) => ({
              device_id: deviceId,
              client_session_id: s.clientSessionId.toLowerCase(),
              role: s.role,
              difficulty: s.difficulty,
              overall_score: s.overallScore,
              content_quality: s.criteria.content_quality,
              clarity: s.criteria.clarity,
              confidence: s.criteria.confidence,
              technical_accuracy: s.criteria.technical_accuracy,
              question_count: s.questionCount,
              duration_sec: s.durationSec ?? null,
              completed_at: s.at,
              received_at: now,
            })),
          )
          .onConflict((oc) => oc.columns(['device_id', 'client_session_id']).doNothing())
          .executeTakeFirst();
        const accepted = Number(inserted.numInsertedOrUpdatedRows ?? 0);
        return { accepted, duplicates: sessions.length - accepted };
      });
    },
  );
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
