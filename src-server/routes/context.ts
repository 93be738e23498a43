import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TtlCache } from '../cache';
import type { ServerDatabase } from '../db';
import type { SecretCache } from '../http/auth';
import type { Limiter } from '../http/limits';
import type { Writer } from '../writes';
import type { Cohort } from '../stats';

/** What the routes share. Everything here is either the database or a cache that may be stale. */
export interface RouteContext {
  database: ServerDatabase;
  now: () => number;
  /** preValidation hook of signed routes */
  signed: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  registrationLimit: Limiter;
  /** runs score writes: group commit over SQLite, a transaction each over PostgreSQL */
  writer: Writer;
  secrets: SecretCache;
  boards: TtlCache<string>;
  cohorts: TtlCache<Cohort & { generatedAt: number }>;
  /** alias widths found full, until when (see aliases.ts) */
  fullAliasWidths: Map<number, number>;
}

export const SIGNED = [{ deviceId: [], timestamp: [], signature: [] }];
