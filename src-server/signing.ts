// The request signature every signed endpoint checks. Clients (the app's sync service, the tests, the bench)
// use signRequest; the server uses verifySignature. Kept free of server imports so the app can reuse it.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const DEVICE_HEADER = 'x-device-id';
export const TIMESTAMP_HEADER = 'x-timestamp';
export const SIGNATURE_HEADER = 'x-signature';

/** How far X-Timestamp may be from the server's clock, either way. */
export const MAX_SKEW_MS = 5 * 60 * 1000;

/**
 * The HMAC key is the device secret's 32 random bytes (the base64url string returned at registration, decoded),
 * and the signed message is `${timestamp}.${rawBody}` with the body's exact bytes (empty for GET and DELETE).
 */
export function sign(secret: string, timestamp: number | string, body: string | Buffer = ''): string {
  return createHmac('sha256', Buffer.from(secret, 'base64url'))
    .update(`${timestamp}.`)
    .update(body)
    .digest('hex');
}

/** The three headers for a request with this body: what a client adds to each signed call. */
export function signedHeaders(
  device: { id: string; secret: string },
  body: string = '',
  timestamp: number = Date.now(),
): Record<string, string> {
  return {
    [DEVICE_HEADER]: device.id,
    [TIMESTAMP_HEADER]: String(timestamp),
    [SIGNATURE_HEADER]: sign(device.secret, timestamp, body),
  };
}

/** Constant-time comparison of a claimed hex signature with the expected one. */
export function verifySignature(
  secret: string,
  timestamp: string,
  body: string | Buffer,
  claimedHex: string,
): boolean {
  if (!/^[0-9a-f]{64}$/i.test(claimedHex)) return false;
  const expected = Buffer.from(sign(secret, timestamp, body), 'hex');
  const claimed = Buffer.from(claimedHex, 'hex');
  return claimed.length === expected.length && timingSafeEqual(claimed, expected);
}
