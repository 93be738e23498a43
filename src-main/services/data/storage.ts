/** File helpers shared by backups, export and import: durable writes, checksums, and disk errors in words. */
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../../../src-shared/errors';
import type { Sqlite } from '../../db/connection';

/** Writes the whole file (or, with 'a', adds to its end) and flushes it to disk before returning. */
export function writeFileDurably(file: string, data: string | Uint8Array, flags: 'w' | 'a' = 'w'): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const fd = openSync(file, flags, 0o600);
  try {
    let done = 0;
    while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Beside its final name first, then renamed: a crash never leaves half a file under the real name. */
export function replaceFile(
  file: string,
  data: string | Uint8Array,
  write: (file: string, data: string | Uint8Array) => void = writeFileDurably,
): void {
  const partial = `${file}.partial`;
  try {
    write(partial, data);
    renameSync(partial, file);
  } catch (err) {
    quietly(() => rmSync(partial, { force: true }));
    throw err;
  }
}

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** Cleanup that must not hide the error that made it necessary. */
export function quietly(fn: () => void): void {
  try {
    fn();
  } catch {
    // best effort: the caller is already reporting a failure
  }
}

/** Opens a database file directly (not the live connection), with the build the runtime uses. */
export function openFile(file: string, options: { readonly?: boolean; nativeBinding?: string } = {}): Sqlite {
  return new BetterSqlite3(file, {
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
}

const FULL = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL']);
const READ_ONLY = new Set(['EACCES', 'EPERM', 'EROFS', 'SQLITE_READONLY', 'SQLITE_CANTOPEN', 'SQLITE_PERM']);

export function errorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * A disk-full or read-only failure as an AppError saying what could not be written where, or null for any
 * other error. `what` completes "… could not be written", e.g. "the backup".
 */
export function diskError(err: unknown, what: string, where: string): AppError | null {
  const code = errorCode(err);
  if (!code) return null;
  const base = code.replace(/_.*$/, '') === 'SQLITE' ? code.split('_').slice(0, 2).join('_') : code;
  if (FULL.has(base))
    return new AppError(
      'STORAGE_ERROR',
      `The disk holding ${where} is full, so ${what} could not be written. Free some space and try again; your data was not changed.`,
      { reason: 'disk_full', path: where },
    );
  if (READ_ONLY.has(base))
    return new AppError(
      'STORAGE_ERROR',
      `Rehearse cannot write to ${where} (it is read-only, or you do not have permission), so ${what} could not be written. Your data was not changed.`,
      { reason: 'read_only', path: where },
    );
  return null;
}
