import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { cohort, leaderboard } from '../board';
import { ping } from '../db';
import { ErrorReply, Health, Leaderboard, LeaderboardQuery, Percentile, PercentileQuery } from '../http/api';
import { doc, errorDocs, replyDoc } from '../http/validation';
import { percentileOf, round1 } from '../stats';
import type { RouteContext } from './context';

export function boardRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const { db } = ctx.database;

  app.get<{ Querystring: z.infer<typeof LeaderboardQuery> }>(
    '/leaderboard',
    {
      schema: {
        summary: 'The top 10 for a role',
        description: 'Served from a per-process cache refreshed at most every 60 s (see generatedAt).',
        tags: ['board'],
        querystring: doc(LeaderboardQuery),
        response: { 200: replyDoc(Leaderboard, 'The board.'), ...errorDocs(400, 429) },
      },
    },
    async (request, reply) => {
      const { role = null, period } = request.query;
      // the cache holds the serialised reply, so a hit costs no query and no JSON.stringify
      const body = await ctx.boards.get(`${role ?? ''}|${period}`, async () => {
        const now = ctx.now();
        const entries = await leaderboard(db, role, period, now);
        return JSON.stringify({ role, period, generatedAt: new Date(now).toISOString(), entries });
      });
      return reply
        .header('cache-control', 'public, max-age=60')
        .type('application/json; charset=utf-8')
        .send(body);
    },
  );

  app.get<{ Querystring: z.infer<typeof PercentileQuery> }>(
    '/percentile',
    {
      schema: {
        summary: 'Where a score stands in its role',
        description: [
          'The cohort is every device that has sent a session in the role (including those hidden from the',
          'board), each represented by its all-time average. percentile = 100 × (devices strictly below score +',
          '½ × devices equal to it) / cohort size. Cached per role for at most 60 s.',
        ].join(' '),
        tags: ['board'],
        querystring: doc(PercentileQuery),
        response: { 200: replyDoc(Percentile, 'The percentile and the cohort.'), ...errorDocs(400, 429) },
      },
    },
    async (request) => {
      const { role, score } = request.query as unknown as { role: string; score: number };
      const c = await ctx.cohorts.get(role, async () => {
        const generatedAt = ctx.now();
        return { ...(await cohort(db, role, generatedAt)), generatedAt };
      });
      const p = percentileOf(c.sorted, score);
      return {
        role,
        score,
        percentile: p === null ? null : round1(p),
        cohort: { size: c.size, averageScore: c.averageScore },
        topTenPercent: c.top,
        generatedAt: new Date(c.generatedAt).toISOString(),
      };
    },
  );

  app.get(
    '/health',
    {
      schema: {
        summary: 'Liveness and database reachability',
        tags: ['ops'],
        response: {
          200: replyDoc(Health, 'Up, and the database answers.'),
          503: replyDoc(ErrorReply, 'The database does not answer.'),
        },
      },
    },
    async (_request, reply) => {
      try {
        await ping(db);
      } catch {
        return reply
          .code(503)
          .send({ error: { code: 'UNAVAILABLE', message: 'The database cannot be reached.' } });
      }
      return { status: 'ok', database: ctx.database.dialect };
    },
  );
}
