import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { ServerDb } from '../schema';
import { DEVICE_HEADER, MAX_SKEW_MS, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignature } from '../signing';
import { ApiError } from './errors';
import type { Limiter } from './limits';

declare module 'fastify' {
  interface FastifyRequest {
    /** The body's exact bytes, as signed. */
    rawBody?: Buffer;
    /** The device whose signature verified (signed routes only). */
    device?: { id: string; alias: string; public: boolean };
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
    const device = await deps.db
      .selectFrom('devices')
      .select(['id', 'secret', 'alias', 'public'])
      .where('id', '=', deviceId.toLowerCase())
      .executeTakeFirst();
    if (!device) {
      throw new ApiError(
        401,
        'UNKNOWN_DEVICE',
        'This device is not registered (or was erased); register again.',
      );
    }
    if (!verifySignature(device.secret, timestamp, request.rawBody ?? '', signature)) {
      throw new ApiError(401, 'BAD_SIGNATURE', 'The signature does not match this request.');
    }
    const recorded = await deps.db
      .insertInto('seen_signatures')
      .values({ signature: signature.toLowerCase(), expires_at: ts + MAX_SKEW_MS })
      .onConflict((oc) => oc.column('signature').doNothing())
      .executeTakeFirst();
    if (Number(recorded.numInsertedOrUpdatedRows ?? 0) === 0) {
      throw new ApiError(
        409,
        'REPLAYED',
        'This signed request was already received; sign each request afresh.',
      );
    }
    request.device = { id: device.id, alias: device.alias, public: device.public === 1 };
    await deps.perDevice(request, reply);
  };
}
