import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from './errors';

export interface Limit {
  max: number;
  windowMs: number;
}

/**
 * Request budgets. They are counted in each process's memory (@fastify/rate-limit's local store): with N replicas
 * behind a load balancer a client can get up to N times these numbers. That is accepted here; a shared store
 * (Redis) would make them exact.
 */
export interface RateLimits {
  /** every request from one client address */
  perIp: Limit;
  /** signed requests from one device, counted once its signature verified */
  perDevice: Limit;
  /** device registrations from one client address */
  registrations: Limit;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  perIp: { max: 600, windowMs: 60_000 },
  perDevice: { max: 60, windowMs: 60_000 },
  registrations: { max: 20, windowMs: 60 * 60_000 },
};

export type Limiter = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

const noLimit: Limiter = async () => {};

/** A hook that answers 429 with Retry-After once `keyOf`'s budget is spent. */
export function limiter(
  app: FastifyInstance,
  limit: Limit | undefined,
  keyOf: (request: FastifyRequest) => string,
): Limiter {
  if (!limit) return noLimit;
  const check = app.createRateLimit({
    max: limit.max,
    timeWindow: limit.windowMs,
    keyGenerator: keyOf,
    // enough keys that a crowd of addresses cannot evict a busy one and reset its count
    cache: 100_000,
  } as Parameters<FastifyInstance['createRateLimit']>[0]);
  return async (request, reply) => {
    const state = await check(request);
    if (state.isAllowed || !state.isExceeded) return;
    const retryAfter = Math.max(1, state.ttlInSeconds);
    void reply.header('retry-after', String(retryAfter));
    void reply.header('x-ratelimit-limit', String(state.max));
    void reply.header('x-ratelimit-remaining', '0');
    throw new ApiError(429, 'RATE_LIMITED', `Too many requests; retry in ${retryAfter} s.`);
  };
}
