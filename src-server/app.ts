import { randomUUID } from 'node:crypto';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import { TtlCache } from './cache';
import type { ServerDatabase } from './db';
import { SecretCache, signedRequest } from './http/auth';
import { installErrorHandlers, toErrorReply } from './http/errors';
import { DEFAULT_RATE_LIMITS, limiter, type RateLimits } from './http/limits';
import { zodValidatorCompiler } from './http/validation';
import { boardRoutes } from './routes/board';
import type { RouteContext } from './routes/context';
import { deviceRoutes } from './routes/devices';
import { scoreRoutes } from './routes/scores';
import { writerFor } from './writes';

export const API_PREFIX = '/api/v1';
export const BODY_LIMIT = 64 * 1024;
export const CACHE_TTL_MS = 60_000;

export interface ServerOptions {
  database: ServerDatabase;
  /** false: no rate limits at all (benchmarks); a partial object overrides the defaults */
  rateLimits?: Partial<RateLimits> | false;
  /** how long a computed leaderboard or cohort is served before it is recomputed; 60 s */
  cacheTtlMs?: number;
  bodyLimit?: number;
  /** take the client address from X-Forwarded-For (only behind a proxy you run) */
  trustProxy?: boolean;
  /** pino options, or false for no logs */
  logger?: FastifyServerOptions['logger'];
  now?: () => number;
  /** close the database when the server closes (default true) */
  ownsDatabase?: boolean;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The whole server, not yet listening. Everything it keeps in memory may be lost or stale without harm. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const now = options.now ?? Date.now;
  const limits = options.rateLimits === false ? undefined : { ...DEFAULT_RATE_LIMITS, ...options.rateLimits };
  const app = Fastify({
    logger: options.logger ?? { level: 'info' },
    bodyLimit: options.bodyLimit ?? BODY_LIMIT,
    trustProxy: options.trustProxy ?? false,
    // a caller's (or the proxy's) X-Request-Id is kept when it is sane, so one id follows a request across hops
    requestIdHeader: false,
    // errors met before routing (a URL that does not decode) get the same { error } shape as the rest
    frameworkErrors: (error, _request, reply) => {
      const { status, body } = toErrorReply(error);
      void (reply as FastifyReply).code(status).send(body);
    },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  if (options.ownsDatabase !== false) app.addHook('onClose', () => options.database.close());

  installErrorHandlers(app);
  // Validation by zod (see http/validation.ts); replies are plain JSON.stringify (the response schemas are docs).
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  // JSON only, kept as the exact bytes too: the signature covers the raw body.
  app.removeAllContentTypeParsers();
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const raw = body as Buffer;
    request.rawBody = raw;
    if (raw.length === 0) return done(null, undefined);
    parseJson(request, raw.toString('utf8'), done);
  });

  app.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  // Security headers from helmet. They are the same for every request, but @fastify/helmet's global mode rebuilds
  // them per request (parsing the CSP each time: a seventh of the cost of a cached leaderboard read), so helmet
  // computes them once, on the first request, and each later request gets that set. Routes that need another
  // policy (the docs page) still set their own header after this one.
  await app.register(helmet, { global: false });
  let securityHeaders: Record<string, string> | undefined;
  app.addHook('onRequest', (_request, reply, done) => {
    if (!securityHeaders) {
      const before = new Set(Object.keys(reply.raw.getHeaders()));
      reply.helmet();
      securityHeaders = Object.fromEntries(
        Object.entries(reply.raw.getHeaders())
          .filter(([name]) => !before.has(name))
          .map(([name, value]) => [name, String(value)]),
      );
    } else {
      void reply.headers(securityHeaders);
    }
    done();
  });
  await app.register(rateLimit, { global: false });
  const perIp = limiter(app, limits?.perIp, (r) => r.ip);
  app.addHook('onRequest', perIp);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Rehearse leaderboard',
        version: '1.0.0',
        description: [
          'The optional, anonymous leaderboard of Rehearse. A device registers once (POST /devices) and signs',
          'every later request: X-Device-Id, X-Timestamp (ms since the epoch, within 5 minutes of the server) and',
          "X-Signature = hex(HMAC-SHA256(key, `${X-Timestamp}.${raw body}`)), where key is the secret's 32 bytes",
          '(base64url-decoded) and the body is empty for GET and DELETE. Each signature is accepted once.',
          'Errors are always { "error": { "code", "message" } }. Rate limits (per address and per device) answer',
          '429 with Retry-After.',
        ].join(' '),
      },
      components: {
        securitySchemes: {
          deviceId: { type: 'apiKey', in: 'header', name: 'X-Device-Id' },
          timestamp: { type: 'apiKey', in: 'header', name: 'X-Timestamp' },
          signature: { type: 'apiKey', in: 'header', name: 'X-Signature' },
        },
      },
      tags: [
        { name: 'devices', description: 'Anonymous devices and their keys' },
        { name: 'scores', description: 'Session results' },
        { name: 'board', description: 'Leaderboards and percentiles' },
        { name: 'ops', description: 'Health' },
      ],
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: true,
    // Swagger UI sets a few inline styles as it renders; allowing those on the docs page only costs nothing (it
    // shows no user content), while its scripts stay limited to its own files and hashes.
    transformStaticCSP: (header) =>
      header.replace("style-src 'self' https:", "style-src 'self' https: 'unsafe-inline'"),
  });

  const secrets = new SecretCache(options.database.db, now);
  const ctx: RouteContext = {
    database: options.database,
    now,
    writer: writerFor(options.database.db, options.database.dialect),
    secrets,
    signed: signedRequest({
      db: options.database.db,
      secrets,
      now,
      perDevice: limiter(app, limits?.perDevice, (r) => `device:${r.device?.id ?? r.ip}`),
    }),
    registrationLimit: limiter(app, limits?.registrations, (r) => `register:${r.ip}`),
    boards: new TtlCache(options.cacheTtlMs ?? CACHE_TTL_MS, now),
    cohorts: new TtlCache(options.cacheTtlMs ?? CACHE_TTL_MS, now),
    fullAliasWidths: new Map(),
  };
  await app.register(
    async (api) => {
      deviceRoutes(api, ctx);
      scoreRoutes(api, ctx);
      boardRoutes(api, ctx);
    },
    { prefix: API_PREFIX },
  );

  // Seen signatures are only needed while their timestamp is inside the skew window; any replica may sweep.
  const sweep = setInterval(() => {
    options.database.db
      .deleteFrom('seen_signatures')
      .where('expires_at', '<', now())
      .execute()
      .catch((err: unknown) => app.log.warn({ err }, 'could not sweep old signatures'));
  }, 60_000);
  sweep.unref();
  app.addHook('onClose', async () => clearInterval(sweep));

  return app;
}
