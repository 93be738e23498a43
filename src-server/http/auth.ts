import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Kysely, sql } from 'kysely';
import type { ServerDb } from '../schema';
import { DEVICE_HEADER, MAX_SKEW_MS, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignature } from '../signing';
import { ApiError } from './errors';
import type { Limiter } from './limits';

declare module 'fastify' {
  interface FastifyRequest {
    /** The body's exact bytes, as signed. */
    rawBody?: Buffer;
    /** The device whose signature verified (signed routes only). */
    device?: { id: string };
    /** A verified signature the route records itself, in its own transaction (see `deferSignature`). */
    signature?: SeenSignature;
  }
  interface FastifyContextConfig {
    /** The route records the signature (with recordSignature) in the same transaction as its writes. */
    deferSignature?: boolean;
  }
}

export interface SeenSignature {
  signature: string;
  expires_at: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const unknownDevice = () =>
  new ApiError(401, 'UNKNOWN_DEVICE', 'This device is not registered (or was erased); register again.');

export const replayed = () =>
  new ApiError(409, 'REPLAYED', 'This signed request was already received; sign each request afresh.');

/** Records a signature as seen; false when it already was (a replay). Shared by every replica via the database. */
export async function recordSignature(db: Kysely<ServerDb>, seen: SeenSignature): Promise<boolean> {
  // Written as SQL (valid in SQLite and PostgreSQL alike) rather than with the query builder: it runs on every
  // signed request, and building and compiling the query cost more than running it.
  const r = await sql`INSERT INTO seen_signatures (signature, expires_at)
    VALUES (${seen.signature}, ${seen.expires_at}) ON CONFLICT (expires_at, signature) DO NOTHING`.execute(
    db,
  );
  return Number(r.numAffectedRows ?? 0) === 1;
}

/**
 * Device secrets, cached in this process for a minute (a device's secret never changes). A stale entry for a
 * device erased through another replica lets its signature verify here for up to a minute, but never more: every
 * signed route then reads or writes the device's own rows, finds none and answers 401 UNKNOWN_DEVICE.
 */
export class SecretCache {
  private readonly entries = new Map<string, { secret: string; expires: number }>();

  constructor(
    private readonly db: Kysely<ServerDb>,
    private readonly now: () => number,
    private readonly ttlMs = 60_000,
    private readonly max = 50_000,
  ) {}

  async get(id: string): Promise<string | undefined> {
    const hit = this.entries.get(id);
    const t = this.now();
    if (hit && hit.expires > t) return hit.secret;
    const row = await this.db.selectFrom('devices').select('secret').where('id', '=', id).executeTakeFirst();
    if (!row) {
      this.entries.delete(id);
      return undefined;
    }
    if (this.entries.size >= this.max) this.entries.clear();
    this.entries.set(id, { secret: row.secret, expires: t + this.ttlMs });
    return row.secret;
  }

  forget(id: string): void {
    this.entries.delete(id);
  }
}

function header(request: FastifyRequest, name: string): string | undefined {
  const v = request.headers[name];
  return typeof v === 'string' ? v : undefined;
}

/**
 * The preValidation hook of every signed route: X-Device-Id, X-Timestamp (ms) and X-Signature, the hex
 * HMAC-SHA256 of `${timestamp}.${rawBody}` under the device's secret. It runs before the body is validated, so an
 * unsigned caller learns nothing about what a valid body looks like. A signature is accepted once: it is recorded
 * in the database (shared by every replica) until its timestamp leaves the skew window.
 */
export function signedRequest(deps: {
  db: Kysely<ServerDb>;
  secrets: SecretCache;
  now: () => number;
  perDevice: Limiter;
}): (request: FastifyRequest, reply: FastifyReply) => Promise<void> {
  return async (request, reply) => {
    const deviceId = header(request, DEVICE_HEADER);
    const timestamp = header(request, TIMESTAMP_HEADER);
    const signature = header(request, SIGNATURE_HEADER);
    if (!deviceId || !timestamp || !signature) {
      throw new ApiError(
        401,
        'UNAUTHENTICATED',
        'Sign this request: X-Device-Id, X-Timestamp and X-Signature headers are required.',
      );
    }
    if (!UUID.test(deviceId)) throw new ApiError(401, 'UNAUTHENTICATED', 'X-Device-Id is not a device id.');
    const ts = /^\d{1,15}$/.test(timestamp) ? Number(timestamp) : Number.NaN;
    if (!Number.isSafeInteger(ts)) {
      throw new ApiError(401, 'UNAUTHENTICATED', 'X-Timestamp must be milliseconds since the epoch.');
    }
    const now = deps.now();
    if (Math.abs(now - ts) > MAX_SKEW_MS) {
      throw new ApiError(
        401,
        'STALE_TIMESTAMP',
        'X-Timestamp is more than 5 minutes from the server clock; check the clock and sign again.',
        { serverTime: now },
      );
    }
    const id = deviceId.toLowerCase();
    const secret = await deps.secrets.get(id);
    if (!secret) throw unknownDevice();
    if (!verifySignature(secret, timestamp, request.rawBody ?? '', signature)) {
      throw new ApiError(401, 'BAD_SIGNATURE', 'The signature does not match this request.');
    }
    const seen = { signature: signature.toLowerCase(), expires_at: ts + MAX_SKEW_MS };
    if (request.routeOptions.config.deferSignature) request.signature = seen;
    else if (!(await recordSignature(deps.db, seen))) throw replayed();
    request.device = { id };
    await deps.perDevice(request, reply);
  };
}
