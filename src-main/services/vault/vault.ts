/**
 * The optional passphrase. While it is off every value passes through unchanged; while it is on, the columns in
 * SEALED_COLUMNS and the résumé originals are AES-256-GCM sealed under a key derived from the passphrase, which
 * lives only in this object's memory from unlock to lock or quit. Turning it on or off and changing it rewrite
 * every sealed value in one transaction; the résumé files, which cannot join a SQLite transaction, are written
 * beside themselves first and renamed into place once it has committed (and settled at the next unlock if a
 * crash came in between).
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../src-shared/errors';
import { LOCKOUT_MS, type VaultStatus } from '../../../src-shared/vault';
import type { Sqlite } from '../../db/connection';
import type { Logger } from '../../logging/logger';
import { quoteId, resumeFileNames } from '../data/tables';
import { SEALED_FILES_DIR, sealedColumnList, type SealedColumn } from './columns';
import { AUDIO_DIR, audioFiles, audioFits, recodeAudio } from '../voice/audio-file';
import {
  deriveKey,
  describeKdf,
  isSealedFile,
  keyFits,
  makeCheck,
  newKdfParams,
  openFileBytes,
  openBytes,
  OpenError,
  openText,
  SCRYPT,
  sealBytes,
  sealFileBytes,
  sealText,
  type KdfParams,
} from './crypto';
import { FORGET_AFTER_MS, lockoutAt } from './lockout';

interface Meta {
  kdf: KdfParams;
  check: string;
}

export interface VaultOptions {
  dataDir: string;
  logger: Logger;
  now(): Date;
  emitChanged(status: VaultStatus): void;
  /** After the data was first encrypted: replace the backups, which hold it unencrypted. */
  afterEncrypt(): Promise<unknown>;
}

/** How long a change of passphrase waits for a request's transaction to finish. */
const IDLE_WAIT_MS = 15_000;
const LOCKED_MESSAGE = 'Rehearse is locked. Enter your passphrase to open your data.';
const NEXT = '.next';

export const lockedError = () => new AppError('LOCKED', LOCKED_MESSAGE);

/** HH:MM in the machine's time zone, where the candidate is. */
const clock = (d: Date) =>
  `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;

export class Vault {
  private meta: Meta | null = null;
  private key: Buffer | null = null;
  private sqlite: Sqlite | null = null;
  /** One change of state at a time (each derives a key, which takes a moment). */
  private busy = false;

  constructor(private readonly options: VaultOptions) {}

  /** Called for each connection the runtime opens: the data may have been replaced (restore, import, erase). */
  attach(sqlite: Sqlite): void {
    this.sqlite = sqlite;
    this.meta = readMeta(sqlite);
    if (this.key && (!this.meta || !keyFits(this.key, this.meta.check))) this.key = null;
    if (this.key) this.settleFiles();
  }

  get enabled(): boolean {
    return this.meta !== null;
  }

  get locked(): boolean {
    return this.meta !== null && this.key === null;
  }

  status(): VaultStatus {
    const lockout = lockoutAt(this.failures(), this.options.now());
    return {
      enabled: this.enabled,
      locked: this.locked,
      lockedUntil: lockout.lockedUntil?.toISOString() ?? null,
      triesLeft: lockout.triesLeft,
      kdf: describeKdf(this.meta?.kdf ?? SCRYPT),
    };
  }

  // The codec the services use. With the passphrase off, values pass through as they are.

  seal(column: SealedColumn, text: string): string {
    if (!this.meta) return text;
    return sealText(this.requireKey(), text, column);
  }

  open(column: SealedColumn, stored: string): string {
    if (!this.meta) return stored;
    try {
      return openText(this.requireKey(), stored, column);
    } catch (err) {
      if (err instanceof OpenError)
        throw new AppError(
          'INTERNAL_ERROR',
          `A stored value (${column}) could not be decrypted: ${err.message}.`,
        );
      throw err;
    }
  }

  openNullable(column: SealedColumn, stored: string | null): string | null {
    return stored === null ? null : this.open(column, stored);
  }

  sealFile(bytes: Uint8Array): Buffer {
    return this.meta ? sealFileBytes(this.requireKey(), bytes) : Buffer.from(bytes);
  }

  openFile(bytes: Uint8Array): Buffer {
    if (!this.meta) return Buffer.from(bytes);
    return openFileBytes(this.requireKey(), bytes);
  }

  /** One piece of a file written as it arrives (a recording's chunks), sealed when a passphrase is set. */
  sealChunk(bytes: Uint8Array, context: string): Buffer {
    return this.meta ? sealBytes(this.requireKey(), bytes, context) : Buffer.from(bytes);
  }

  openChunk(bytes: Uint8Array, context: string): Buffer {
    if (!this.meta) return Buffer.from(bytes);
    return openBytes(this.requireKey(), bytes, context);
  }

  private requireKey(): Buffer {
    if (!this.key) throw lockedError();
    return this.key;
  }

  // Changes of state.

  async unlock(passphrase: string): Promise<VaultStatus> {
    const meta = this.meta;
    if (!meta) return this.status();
    if (this.key) return this.status();
    this.key = await this.tryPassphrase(meta, passphrase);
    this.settleFiles();
    this.options.logger.info('vault unlocked');
    return this.changed();
  }

  lock(): VaultStatus {
    if (this.key) {
      this.key.fill(0);
      this.key = null;
      this.options.logger.info('vault locked');
    }
    return this.changed();
  }

  async enable(passphrase: string): Promise<VaultStatus> {
    return this.exclusively(async () => {
      if (this.meta) throw new AppError('CONFLICT', 'A passphrase is already set. Change it instead.');
      const kdf = newKdfParams();
      const key = await deriveKey(passphrase, kdf);
      const now = this.options.now().toISOString();
      await this.idle();
      this.rewrite(null, key, (db) => {
        db.prepare(
          'INSERT INTO vault (id, kdf, check_value, created_at, updated_at) VALUES (1, ?, ?, ?, ?)',
        ).run(JSON.stringify(kdf), makeCheck(key), now, now);
        db.prepare('DELETE FROM vault_attempts').run();
      });
      this.meta = readMeta(this.db());
      this.key = key;
      this.purge();
      await this.options.afterEncrypt();
      this.options.logger.info({ kdf: describeKdf(kdf) }, 'vault enabled');
      return this.changed();
    });
  }

  async change(current: string, passphrase: string): Promise<VaultStatus> {
    return this.exclusively(async () => {
      const meta = this.requireMeta();
      const old = await this.tryPassphrase(meta, current);
      const kdf = newKdfParams();
      const key = await deriveKey(passphrase, kdf);
      await this.idle();
      this.rewrite(old, key, (db) => {
        db.prepare('UPDATE vault SET kdf = ?, check_value = ?, updated_at = ? WHERE id = 1').run(
          JSON.stringify(kdf),
          makeCheck(key),
          this.options.now().toISOString(),
        );
      });
      this.meta = readMeta(this.db());
      this.key = key;
      // values sealed under the old key go from the file, as they do when it is first set
      this.purge();
      this.options.logger.info('vault passphrase changed');
      return this.changed();
    });
  }

  async disable(passphrase: string): Promise<VaultStatus> {
    return this.exclusively(async () => {
      const meta = this.requireMeta();
      const key = await this.tryPassphrase(meta, passphrase);
      await this.idle();
      this.rewrite(key, null, (db) => {
        db.prepare('DELETE FROM vault').run();
        db.prepare('DELETE FROM vault_attempts').run();
      });
      this.meta = null;
      this.key = null;
      this.options.logger.info('vault disabled');
      return this.changed();
    });
  }

  // For export and import: the data leaves readable, and comes in sealed under this installation's key.

  /** Opens a value read from `table.column` if that column is sealed; other values pass through. */
  openColumn(table: string, column: string, value: unknown): unknown {
    if (!this.meta || typeof value !== 'string') return value;
    const name = `${table}.${column}`;
    return SEALED_NAMES.has(name) ? this.open(name as SealedColumn, value) : value;
  }

  /**
   * Seals the sealed columns of a database file (a validated import), the résumé files in `filesDir` and the
   * plain recordings in `audioDir`.
   */
  sealImport(db: Sqlite, filesDir: string, audioDir?: string): void {
    if (!this.meta) return;
    const key = this.requireKey();
    db.transaction(() => rewriteColumns(db, null, key))();
    if (existsSync(filesDir))
      for (const name of readdirSync(filesDir)) {
        const file = join(filesDir, name);
        writeFileSync(file, sealFileBytes(key, readFileSync(file)));
      }
    if (audioDir && existsSync(audioDir))
      for (const name of readdirSync(audioDir)) {
        const file = join(audioDir, name);
        writeFileSync(file, recodeAudio(readFileSync(file), null, key));
      }
  }

  // Internals.

  private db(): Sqlite {
    if (!this.sqlite) throw new AppError('UNAVAILABLE', 'The data is not open.');
    return this.sqlite;
  }

  /**
   * The connection once no request's transaction is open on it. The rewrite and the wrong-try record run
   * synchronously from here, so nothing interleaves; inside another transaction they would be a savepoint of
   * it, undone if that one were.
   */
  private async idle(): Promise<Sqlite> {
    const deadline = Date.now() + IDLE_WAIT_MS;
    while (this.db().inTransaction) {
      if (Date.now() > deadline)
        throw new AppError('CONFLICT', 'Rehearse is busy saving something else; try again in a moment.');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return this.db();
  }

  private requireMeta(): Meta {
    if (!this.meta) throw new AppError('CONFLICT', 'No passphrase is set.');
    return this.meta;
  }

  private async exclusively<T>(work: () => Promise<T>): Promise<T> {
    if (this.busy)
      throw new AppError('CONFLICT', 'Rehearse is already changing your passphrase; wait a moment.');
    this.busy = true;
    try {
      return await work();
    } finally {
      this.busy = false;
    }
  }

  private changed(): VaultStatus {
    const status = this.status();
    this.options.emitChanged(status);
    return status;
  }

  private failures(): Date[] {
    if (!this.sqlite || !this.meta) return [];
    return (this.sqlite.prepare('SELECT at FROM vault_attempts').all() as { at: string }[]).map(
      (r) => new Date(r.at),
    );
  }

  /** The key for this passphrase, or a refusal that counts as a wrong try. */
  private async tryPassphrase(meta: Meta, passphrase: string): Promise<Buffer> {
    const before = lockoutAt(this.failures(), this.options.now());
    if (before.lockedUntil) throw pausedError(before.lockedUntil);
    const key = await deriveKey(passphrase, meta.kdf);
    const db = await this.idle();
    if (keyFits(key, meta.check)) {
      db.prepare('DELETE FROM vault_attempts').run();
      return key;
    }
    const now = this.options.now();
    db.transaction(() => {
      db.prepare('DELETE FROM vault_attempts WHERE at < ?').run(
        new Date(now.getTime() - FORGET_AFTER_MS).toISOString(),
      );
      db.prepare('INSERT INTO vault_attempts (at) VALUES (?)').run(now.toISOString());
    })();
    const after = lockoutAt(this.failures(), now);
    this.options.logger.warn({ triesLeft: after.triesLeft }, 'wrong passphrase');
    if (after.lockedUntil) throw pausedError(after.lockedUntil);
    throw new AppError(
      'WRONG_PASSPHRASE',
      `That passphrase is not right. ${after.triesLeft} more ${after.triesLeft === 1 ? 'try' : 'tries'} before unlocking pauses for ${LOCKOUT_MS / 60_000} minutes.`,
      { triesLeft: after.triesLeft },
    );
  }

  /**
   * Every sealed value from `from` to `to` (null: plain) and `meta` in one transaction; the résumé files are
   * written beside themselves first and put in place after it commits.
   */
  private rewrite(from: Buffer | null, to: Buffer | null, meta: (db: Sqlite) => void): void {
    const db = this.db();
    const dir = join(this.options.dataDir, SEALED_FILES_DIR);
    const recodeResume = (bytes: Buffer) => {
      const plain = from ? openFileBytes(from, bytes) : bytes;
      return to ? sealFileBytes(to, plain) : plain;
    };
    const files = [
      ...resumeFileNames(db).map((name) => ({ file: join(dir, name), recode: recodeResume })),
      ...audioFiles(this.options.dataDir).map((name) => ({
        file: join(this.options.dataDir, AUDIO_DIR, name),
        recode: (bytes: Buffer) => recodeAudio(bytes, from, to),
      })),
    ].filter((f) => existsSync(f.file));
    const written: string[] = [];
    try {
      for (const { file, recode } of files) {
        writeFileSync(file + NEXT, recode(readFileSync(file)));
        written.push(file + NEXT);
      }
      db.transaction(() => {
        rewriteColumns(db, from, to);
        meta(db);
      })();
    } catch (err) {
      for (const f of written) rmSync(f, { force: true });
      throw err;
    }
    for (const f of written) renameSync(f, f.slice(0, -NEXT.length));
  }

  /** Files a crash left written but not yet renamed: put in place if they fit the current key, else dropped. */
  private settleFiles(): void {
    this.settleAudio();
    const dir = join(this.options.dataDir, SEALED_FILES_DIR);
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir).filter((n) => n.endsWith(NEXT))) {
      const file = join(dir, name);
      const bytes = readFileSync(file);
      let fits: boolean;
      try {
        if (this.key) openFileBytes(this.key, bytes);
        fits = this.key ? true : !isSealedFile(bytes);
      } catch {
        fits = false;
      }
      if (fits) renameSync(file, file.slice(0, -NEXT.length));
      else rmSync(file, { force: true });
    }
  }

  private settleAudio(): void {
    const dir = join(this.options.dataDir, AUDIO_DIR);
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir).filter((n) => n.endsWith(NEXT))) {
      const file = join(dir, name);
      if (audioFits(readFileSync(file), this.key)) renameSync(file, file.slice(0, -NEXT.length));
      else rmSync(file, { force: true });
    }
  }

  /**
   * Plain copies of what was just sealed can linger in the write-ahead log and in free pages of the file: the log
   * is emptied and the file rebuilt.
   */
  private purge(): void {
    const db = this.db();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.exec('VACUUM');
    db.pragma('wal_checkpoint(TRUNCATE)');
  }
}

const SEALED_NAMES = new Set<string>(sealedColumnList().map((c) => c.name));

function pausedError(until: Date): AppError {
  return new AppError(
    'WRONG_PASSPHRASE',
    `Too many wrong passphrases: unlocking is paused until ${clock(until)}.`,
    { lockedUntil: until.toISOString() },
  );
}

function readMeta(sqlite: Sqlite): Meta | null {
  const hasTable = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'vault'")
    .get();
  if (!hasTable) return null;
  const row = sqlite.prepare('SELECT kdf, check_value FROM vault WHERE id = 1').get() as
    { kdf: string; check_value: string } | undefined;
  return row ? { kdf: JSON.parse(row.kdf) as KdfParams, check: row.check_value } : null;
}

/**
 * Rewrites every sealed column of `db` from `from` to `to` (null: plain). Run inside a transaction: the
 * triggers on these tables are dropped and made again within it, since a rewrite changes no score and they would
 * otherwise recompute a session's progress once per answer and once per evaluation (a third of the time).
 */
function rewriteColumns(db: Sqlite, from: Buffer | null, to: Buffer | null): void {
  const sealed = new Set(sealedColumnList().map((c) => c.table));
  const triggers = (
    db.prepare("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'").all() as {
      name: string;
      tbl_name: string;
      sql: string;
    }[]
  ).filter((t) => sealed.has(t.tbl_name));
  for (const t of triggers) db.exec(`DROP TRIGGER ${quoteId(t.name)}`);
  for (const { table, column, name } of sealedColumnList()) {
    const t = quoteId(table);
    const c = quoteId(column);
    const rows = db.prepare(`SELECT rowid AS id, ${c} AS v FROM ${t} WHERE ${c} IS NOT NULL`).all() as {
      id: number;
      v: string;
    }[];
    const update = db.prepare(`UPDATE ${t} SET ${c} = ? WHERE rowid = ?`);
    for (const r of rows) {
      const plain = from ? openText(from, r.v, name) : r.v;
      update.run(to ? sealText(to, plain, name) : plain, r.id);
    }
  }
  for (const t of triggers) db.exec(t.sql);
}
