/**
 * The export archive, version 1:
 *
 *   manifest.json           what is inside, with a SHA-256 and size for every other entry
 *   tables/<name>.json      one per candidate table: {format, formatVersion, table, columns, rows: [[…], …]}
 *   resumes/<file name>     the résumé originals the résumés table refers to
 *   audio/<id>.wav          recorded answers whose audio is kept (16 kHz mono 16-bit PCM)
 *
 * Values are JSON null, numbers and strings as SQLite stores them; a BLOB is {"$base64": "…"}.
 */
import { z } from 'zod';

export const ARCHIVE_FORMAT = 'rehearse-export';
export const ARCHIVE_FORMAT_VERSION = 1;
export const TABLE_FORMAT = 'rehearse-table';
export const MANIFEST_ENTRY = 'manifest.json';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const ArchiveManifest = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  formatVersion: z.number().int().min(1),
  createdAt: z.string(),
  app: z.object({ name: z.string(), version: z.string() }),
  schema: z.object({ version: z.number().int().min(0), migrations: z.array(z.string()) }),
  tables: z.array(
    z.object({
      name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/),
      file: z.string(),
      rows: z.number().int().min(0),
      sha256,
      sizeBytes: z.number().int().min(0),
    }),
  ),
  files: z.array(z.object({ path: z.string(), sha256, sizeBytes: z.number().int().min(0) })),
});
export type ArchiveManifest = z.infer<typeof ArchiveManifest>;

export type SqlValue = null | number | string | Buffer;
export type JsonValue = null | number | string | { $base64: string };

export function encodeValue(value: unknown): JsonValue {
  if (value === null || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return Number(value);
  if (Buffer.isBuffer(value)) return { $base64: value.toString('base64') };
  throw new Error(`unexpected value of type ${typeof value}`);
}

/** The SQLite value for a JSON one, or undefined when it is not one a table file can hold. */
export function decodeValue(value: unknown): SqlValue | undefined {
  if (value === null || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    const b64 = (value as { $base64?: unknown }).$base64;
    if (keys.length === 1 && typeof b64 === 'string' && /^[A-Za-z0-9+/]*={0,2}$/.test(b64))
      return Buffer.from(b64, 'base64');
  }
  return undefined;
}

export const tableEntry = (name: string) => `tables/${name}.json`;
export const resumeEntry = (name: string) => `resumes/${name}`;
