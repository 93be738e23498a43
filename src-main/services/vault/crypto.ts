/**
 * The vault's cryptography, and nothing else: a key from a passphrase (scrypt), and AES-256-GCM sealing with a
 * fresh random IV for every value. Each sealed value is bound (as GCM's additional data) to the column or kind
 * of file it belongs in, so a value moved to another column fails to open rather than being read as that column.
 */
import { createCipheriv, createDecipheriv, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * scrypt at N = 2^17, r = 8, p = 1: 128 MiB of memory and a few hundred milliseconds per try on a laptop,
 * OWASP's recommended minimum for scrypt. Stored with each vault, so raising these later leaves older vaults
 * readable.
 */
export const SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;
export const KEY_BYTES = 32;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface KdfParams {
  name: 'scrypt';
  N: number;
  r: number;
  p: number;
  /** base64 */
  salt: string;
}

export const newKdfParams = (): KdfParams => ({
  name: 'scrypt',
  ...SCRYPT,
  salt: randomBytes(SALT_BYTES).toString('base64'),
});

export const describeKdf = (k: Pick<KdfParams, 'N' | 'r' | 'p'>) => `scrypt (N=${k.N}, r=${k.r}, p=${k.p})`;

/** Derives the 256-bit key on libuv's thread pool, so the host keeps answering while it runs. */
export function deriveKey(passphrase: string, params: KdfParams): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(
      passphrase.normalize('NFC'),
      Buffer.from(params.salt, 'base64'),
      KEY_BYTES,
      // scrypt needs 128 * N * r bytes; Node refuses above maxmem (32 MiB by default)
      { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r },
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  );
}

/** iv | tag | ciphertext */
export function sealBytes(key: Buffer, plain: Uint8Array, context: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export class OpenError extends Error {}

/** Throws OpenError for a wrong key, a different context, or a changed or cut value. */
export function openBytes(key: Buffer, sealed: Uint8Array, context: string): Buffer {
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new OpenError('too short to be a sealed value');
  const buf = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(buf.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(buf.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    throw new OpenError('the key or the value is not the one it was sealed with');
  }
}

/** A sealed text value: a version prefix, then base64. */
export const TEXT_PREFIX = 'rv1:';

export const sealText = (key: Buffer, text: string, context: string) =>
  TEXT_PREFIX + sealBytes(key, Buffer.from(text, 'utf8'), context).toString('base64');

export function openText(key: Buffer, stored: string, context: string): string {
  if (!stored.startsWith(TEXT_PREFIX)) throw new OpenError('not a sealed value');
  return openBytes(key, Buffer.from(stored.slice(TEXT_PREFIX.length), 'base64'), context).toString('utf8');
}

/** A sealed file starts with these bytes, so a plain one (from before the passphrase) is told apart. */
export const FILE_MAGIC = Buffer.from('RHSEAL1\n', 'latin1');

export const sealFileBytes = (key: Buffer, plain: Uint8Array) =>
  Buffer.concat([FILE_MAGIC, sealBytes(key, plain, 'resumes/file')]);

export const isSealedFile = (bytes: Uint8Array) =>
  bytes.length >= FILE_MAGIC.length && FILE_MAGIC.equals(Buffer.from(bytes.subarray(0, FILE_MAGIC.length)));

export function openFileBytes(key: Buffer, bytes: Uint8Array): Buffer {
  if (!isSealedFile(bytes)) throw new OpenError('not a sealed file');
  return openBytes(key, bytes.subarray(FILE_MAGIC.length), 'resumes/file');
}

/** What the check value holds: opening it proves the key is right. */
const CHECK = 'rehearse-vault-check';
export const makeCheck = (key: Buffer) => sealText(key, CHECK, 'vault/check');
export function keyFits(key: Buffer, check: string): boolean {
  try {
    const got = Buffer.from(openText(key, check, 'vault/check'));
    const want = Buffer.from(CHECK);
    return got.length === want.length && timingSafeEqual(got, want);
  } catch {
    return false;
  }
}
