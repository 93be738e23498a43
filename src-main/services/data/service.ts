/**
 * "Your data": backups (daily, before migrations, on request), restore, export, import and deleting
 * everything. One DataService per runtime; it outlives the database connection, which the runtime closes and
 * reopens around anything that replaces the data (`DataHost.exclusive`), so every service starts again on the
 * new data with nothing cached from the old.
 */
import { randomUUID } from 'node:crypto';
import {
  appendFileSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import type { Handlers } from '../../../src-shared/contract';
import {
  BACKUP_POLICY,
  MAX_ARCHIVE_BYTES,
  TRANSFER_CHUNK_BYTES,
  type BackupInfo,
  type BackupKind,
  type DataStatus,
  type ErasePreview,
  type EraseReport,
  type ExportSummary,
  type ImportMode,
  type ImportReport,
} from '../../../src-shared/data';
import { AppError } from '../../../src-shared/errors';
import type { ServiceContext } from '../../core/context';
import { DB_FILE_NAME, openSqlite, type Sqlite } from '../../db/connection';
import { migrate, type Migration } from '../../db/migrator';
import type { Logger } from '../../logging/logger';
import type { SecretStore } from '../ai/keychain';
import type { Vault } from '../vault/vault';
import { BackupStore, infoOf, type BackupIo, type ManifestEntry } from './backup';
import { audioFiles } from '../voice/audio-file';
import { deleteKeys, deleteLocalData, describeData, resumeFiles, storedKeys } from './erase';
import { exportArchive, type ExportResult } from './export';
import { mergeInto, prepareImport, replaceWith, type PreparedImport } from './import';
import { dayKey } from './rotation';
import { quietly } from './storage';
import { candidateTables, quoteId, resumeFileNames, schemaVersionOf } from './tables';
import { eraseServerData, syncState } from './sync-hook';

export interface DataHost {
  dataDir: string;
  logger: Logger;
  now(): Date;
  version: string;
  migrations: readonly Migration[];
  secrets: SecretStore;
  nativeBinding?: string;
  emit: ServiceContext['emit'];
  /** The live connection. */
  sqlite(): Sqlite;
  /** The passphrase's codec: exports leave readable, imports come in sealed under this installation's key. */
  vault?(): Vault;
  /**
   * Runs `work` with every other request held and the live connection closed, then reopens the database
   * (migrating it) and rebuilds the services on it, whether `work` succeeded or not.
   */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
}

const WORDS: Record<BackupKind, string> = {
  daily: 'Today’s automatic backup',
  manual: 'The backup',
  'pre-migration': 'The backup before upgrading your data',
  'pre-restore': 'The backup of your current data',
  'pre-import': 'The backup of your current data',
};

interface Transfer {
  file: string;
  kind: 'export' | 'upload';
  size: number;
}

const MAX_TRANSFERS = 8;
export const TRANSFERS_DIR = 'transfers';

const bound = new WeakMap<ServiceContext, DataService>();

/** Called by the runtime for each service context it builds. */
export function bindDataService(ctx: ServiceContext, service: DataService): void {
  bound.set(ctx, service);
  service.ctx = ctx;
}

export function dataServiceOf(ctx: ServiceContext): DataService {
  const service = bound.get(ctx);
  if (!service)
    throw new AppError('UNAVAILABLE', 'Backups and export are not set up in this part of Rehearse.');
  return service;
}

export class DataService {
  readonly backups: BackupStore;
  /** The context of the runtime's current services (for the sync hook). */
  ctx: ServiceContext | null = null;
  private running: string | null = null;
  private lastFailure: { at: string; message: string } | null = null;
  private daily: Promise<unknown> | null = null;
  private readonly transfers = new Map<string, Transfer>();

  constructor(
    private readonly host: DataHost,
    io?: BackupIo,
  ) {
    this.backups = new BackupStore({ ...host, io });
    this.pruneTransfers();
  }

  get dbFile(): string {
    return join(this.host.dataDir, DB_FILE_NAME);
  }

  /** One whole-data operation at a time; a second is refused at once rather than queued behind the first. */
  private async op<T>(what: string, fn: () => Promise<T>): Promise<T> {
    if (this.running)
      throw new AppError('CONFLICT', `Rehearse is ${this.running}; try again when it has finished.`);
    this.running = what;
    try {
      return await fn();
    } finally {
      this.running = null;
    }
  }

  /** Makes, verifies and records a backup, then rotates; a failure is logged, announced and remembered. */
  private async backupNow(kind: BackupKind, sqlite: Sqlite = this.host.sqlite()): Promise<ManifestEntry> {
    try {
      const entry = await this.backups.create(sqlite, kind);
      this.lastFailure = null;
      try {
        this.backups.rotate();
      } catch (err) {
        this.host.logger.warn({ err }, 'backup rotation failed; will retry after the next backup');
      }
      return entry;
    } catch (err) {
      const message = `${WORDS[kind]} could not be made. ${(err as Error).message}`;
      this.lastFailure = { at: this.host.now().toISOString(), message };
      this.host.emit('app.notice', { level: 'error', message });
      throw err instanceof AppError ? new AppError(err.code, message, err.details) : err;
    }
  }

  /** A safety backup before replacing data; without it the operation does not go ahead. */
  private async safetyBackup(kind: 'pre-restore' | 'pre-import', what: string): Promise<ManifestEntry> {
    try {
      return await this.backupNow(kind);
    } catch (err) {
      throw new AppError(
        'STORAGE_ERROR',
        `Your current data could not be backed up first, so nothing was ${what}. ${(err as Error).message}`,
        { reason: 'no_safety_backup' },
      );
    }
  }

  async createBackup(): Promise<BackupInfo> {
    return infoOf(await this.op('making a backup', () => this.backupNow('manual')));
  }

  /** The first start of each day makes a backup; returns it, or null when there already is one (or it failed). */
  async ensureDaily(): Promise<BackupInfo | null> {
    const today = dayKey(this.host.now());
    if (this.backups.list().some((b) => b.kind === 'daily' && dayKey(new Date(b.createdAt)) === today))
      return null;
    try {
      return infoOf(await this.op('making the daily backup', () => this.backupNow('daily')));
    } catch {
      return null; // reported by backupNow; tried again at the next start
    }
  }

  /** In the background, so the window is not kept waiting; close() waits for it. */
  startDaily(): void {
    this.daily = this.ensureDaily();
  }

  /**
   * Before the runtime migrates: a backup of a database that has data and migrations still to apply. A failure
   * is reported and the start goes on (each migration is a transaction of its own).
   */
  async backupBeforeMigrations(sqlite: Sqlite): Promise<BackupInfo | null> {
    const version = schemaVersionOf(sqlite);
    if (version === 0) return null;
    const applied = new Set(
      (sqlite.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map(
        (r) => r.version,
      ),
    );
    if (!this.host.migrations.some((m) => !applied.has(m.version))) return null;
    try {
      const entry = await this.backupNow('pre-migration', sqlite);
      this.host.logger.info({ backup: entry.id, from: version }, 'backed up before migrating');
      return infoOf(entry);
    } catch {
      return null;
    }
  }

  list(): BackupInfo[] {
    return this.backups.list().map(infoOf);
  }

  async status(): Promise<DataStatus> {
    return {
      dataDir: this.host.dataDir,
      backupsDir: this.backups.dir,
      schemaVersion: schemaVersionOf(this.host.sqlite()),
      backups: this.list(),
      lastFailure: this.lastFailure,
      policy: { ...BACKUP_POLICY },
      sync: { on: (await syncState(this.ctx)).on },
    };
  }

  private hasData(): boolean {
    const db = this.host.sqlite();
    return candidateTables(db).some((t) => db.prepare(`SELECT 1 FROM ${quoteId(t.name)} LIMIT 1`).get());
  }

  /** Verifies the backup, backs up the current data (the undo), then swaps the backup in with the database closed. */
  async restore(id: string): Promise<{ restored: BackupInfo; undo: BackupInfo }> {
    return this.op('restoring a backup', async () => {
      const entry = this.backups.find(id);
      if (!entry) throw new AppError('NOT_FOUND', `There is no backup called ${id}.`);
      await this.backups.verify(entry);
      const undo = await this.safetyBackup('pre-restore', 'restored');
      await this.host.exclusive(async () => {
        await this.backups.copyInto(entry, this.dbFile);
        try {
          this.migrateFile(this.dbFile);
        } catch (err) {
          // A backup this version cannot upgrade: put the data back as it was.
          await this.backups.copyInto(undo, this.dbFile);
          throw err;
        }
        this.backups.placeFiles(entry, undo);
      });
      this.host.logger.info({ backup: id, undo: undo.id }, 'backup restored');
      return { restored: infoOf(entry), undo: infoOf(undo) };
    });
  }

  /**
   * After the passphrase is set: a backup of the data as it now is (encrypted), then every older backup and
   * staged export removed, since those hold the data unencrypted.
   */
  async replaceBackups(): Promise<BackupInfo> {
    // The day's first backup may still be running from the start.
    await this.daily?.catch(() => {});
    return this.op('replacing your backups', async () => {
      const fresh = await this.backupNow('manual');
      const dropped = this.backups.dropAllBut(fresh.id);
      this.clearTransfers();
      this.host.logger.info({ kept: fresh.id, dropped: dropped.length }, 'unencrypted backups removed');
      return infoOf(fresh);
    });
  }

  /**
   * A validated import, sealed under this installation's passphrase (if one is set) just before it goes in:
   * checks and dry runs compare keys and count rows, which are never sealed.
   */
  private sealPrepared({ dbFile, resumesDir, audioDir }: PreparedImport): void {
    const vault = this.host.vault?.();
    if (!vault?.enabled) return;
    const db = openSqlite(dbFile, this.host.nativeBinding);
    try {
      vault.sealImport(db, resumesDir, audioDir);
    } finally {
      db.close();
    }
  }

  private migrateFile(file: string): void {
    const db = openSqlite(file, this.host.nativeBinding);
    try {
      migrate(db, this.host.migrations as Migration[]);
    } finally {
      db.close();
    }
  }

  async exportTo(out: string): Promise<ExportResult> {
    return this.op('exporting your data', () =>
      exportArchive({
        dbFile: this.dbFile,
        dataDir: this.host.dataDir,
        out: resolve(out),
        now: this.host.now(),
        appVersion: this.host.version,
        migrations: this.host.migrations,
        nativeBinding: this.host.nativeBinding,
        vault: this.host.vault?.(),
      }),
    );
  }

  /** Validates everything first; `check` stops there and reports what an import would do. */
  async importFrom(file: string, mode: ImportMode, check = false): Promise<ImportReport> {
    return this.op('importing data', async () => {
      const prepared = await prepareImport({
        file,
        migrations: this.host.migrations,
        nativeBinding: this.host.nativeBinding,
      });
      try {
        const m = prepared.manifest;
        const base = {
          mode,
          createdAt: m.createdAt,
          appVersion: m.app.version,
          schemaVersion: m.schema.version,
          migratedFrom: prepared.migratedFrom,
        };
        const options = { nativeBinding: this.host.nativeBinding };
        if (mode === 'merge') {
          // A dry run first: it reports a check, and a merge that would add nothing writes nothing at all.
          const dry = mergeInto(prepared, this.dbFile, this.host.dataDir, { ...options, dryRun: true });
          if (check || (dry.tables.every((t) => t.added === 0) && dry.filesAdded === 0))
            return {
              ...base,
              applied: !check,
              tables: dry.tables,
              files: { total: m.files.length, added: dry.filesAdded },
              backup: null,
            };
          const backup = this.hasData() ? await this.safetyBackup('pre-import', 'imported') : null;
          this.sealPrepared(prepared);
          const counts = await this.host.exclusive(async () =>
            mergeInto(prepared, this.dbFile, this.host.dataDir, { ...options, dryRun: false }),
          );
          this.host.logger.info(
            { mode, added: counts.tables.reduce((n, t) => n + t.added, 0) },
            'data imported',
          );
          return {
            ...base,
            applied: true,
            tables: counts.tables,
            files: { total: m.files.length, added: counts.filesAdded },
            backup: backup && infoOf(backup),
          };
        }
        const tables = m.tables.map((t) => ({ name: t.name, rows: t.rows, added: t.rows }));
        if (check)
          return {
            ...base,
            applied: false,
            tables,
            files: { total: m.files.length, added: m.files.length },
            backup: null,
          };
        const backup = this.hasData() ? await this.safetyBackup('pre-import', 'imported') : null;
        this.sealPrepared(prepared);
        const previous = resumeFileNames(this.host.sqlite());
        const placed = await this.host.exclusive(() =>
          replaceWith(prepared, this.dbFile, this.host.dataDir, previous, this.host.nativeBinding),
        );
        this.host.logger.info({ mode, rows: tables.reduce((n, t) => n + t.rows, 0) }, 'data imported');
        return {
          ...base,
          applied: true,
          tables,
          files: { total: m.files.length, added: placed },
          backup: backup && infoOf(backup),
        };
      } finally {
        prepared.dispose();
      }
    });
  }

  async erasePreview(): Promise<ErasePreview> {
    const rows = describeData(this.host.sqlite());
    const files = resumeFiles(this.host.dataDir);
    const keys = await storedKeys(this.host.secrets);
    const sync = await syncState(this.ctx);
    const items: ErasePreview['items'] = [
      {
        id: 'database',
        label: 'Your practice data',
        detail: rows.length > 0 ? `${rows.join(', ')}.` : 'Nothing has been saved yet.',
      },
    ];
    if (files.length > 0)
      items.push({
        id: 'resume-files',
        label: 'Résumé files',
        detail: `${files.length} original ${files.length === 1 ? 'file' : 'files'} you added.`,
      });
    const audio = audioFiles(this.host.dataDir).length;
    if (audio > 0)
      items.push({
        id: 'audio-files',
        label: 'Recorded answers',
        detail: `The audio of ${audio} spoken ${audio === 1 ? 'answer' : 'answers'}.`,
      });
    for (const key of keys.keys)
      items.push({
        id: `keychain:${key.account}`,
        label: 'Keychain entry',
        detail: `${key.label}, saved in the system keychain.`,
      });
    if (keys.problem)
      items.push({
        id: 'keychain',
        label: 'Keychain entries',
        detail: `Any key Rehearse saved in the system keychain (it could not check just now: ${keys.problem})`,
      });
    if (sync.on)
      items.push({
        id: 'sync',
        label: 'Your data on the leaderboard server',
        detail: 'Your anonymised scores there; sync is turned off first.',
      });
    const backups = this.backups.list();
    return {
      items,
      backups: { count: backups.length, sizeBytes: this.backups.sizeBytes() },
      kept: this.keptWords(),
    };
  }

  private keptWords(): string[] {
    return [
      'Downloaded AI models (models/): shared model files with nothing of yours in them.',
      'The log file (logs/): it never holds your answers, résumé or keys.',
    ];
  }

  async erase(options: { includeBackups: boolean }): Promise<EraseReport> {
    return this.op('deleting your data', async () => {
      const server = await eraseServerData(this.ctx);
      if (server.attempted && !server.ok)
        throw new AppError(
          'UNAVAILABLE',
          `${server.message} Nothing on this computer was deleted; try again when you are online.`,
        );
      const rows = describeData(this.host.sqlite());
      const files = resumeFiles(this.host.dataDir);
      const audio = audioFiles(this.host.dataDir).length;
      const backups = this.backups.list().length;
      const keys = await deleteKeys(this.host.secrets);
      await this.host.exclusive(async () => deleteLocalData(this.host.dataDir, options.includeBackups));
      this.clearTransfers();
      this.lastFailure = null;
      const removed = [
        ...(server.attempted ? ['Your data on the leaderboard server'] : []),
        `The database${rows.length > 0 ? ` (${rows.join(', ')})` : ''}`,
        ...(files.length > 0 ? [`${files.length} résumé ${files.length === 1 ? 'file' : 'files'}`] : []),
        ...(audio > 0 ? [`${audio} recorded ${audio === 1 ? 'answer' : 'answers'}`] : []),
        ...keys.removed,
        ...(options.includeBackups && backups > 0
          ? [`${backups} ${backups === 1 ? 'backup' : 'backups'}`]
          : []),
      ];
      const kept = [
        ...(!options.includeBackups && backups > 0
          ? [
              `${backups} ${backups === 1 ? 'backup' : 'backups'} in ${this.backups.dir}; restore or delete them from Settings → Your data.`,
            ]
          : []),
        ...this.keptWords(),
      ];
      const problems = keys.problems.map((p) => `A key may still be in your system keychain: ${p}`);
      this.host.logger.info(
        { includeBackups: options.includeBackups, problems: problems.length },
        'everything deleted',
      );
      return { removed, kept, problems };
    });
  }

  // Transfers: the UI's way to move an archive through a host whose requests are size-limited. They are staged
  // in <data dir>/transfers (private like the rest of the data, and gone with it on "Delete everything"),
  // found again by id after a restart, and removed once read, imported, or a day old.

  private get transfersDir(): string {
    return join(this.host.dataDir, TRANSFERS_DIR);
  }

  private staging(): string {
    mkdirSync(this.transfersDir, { recursive: true, mode: 0o700 });
    return this.transfersDir;
  }

  private transfer(id: string): Transfer | undefined {
    const known = this.transfers.get(id);
    if (known) return existsSync(known.file) ? known : undefined;
    for (const kind of ['export', 'upload'] as const) {
      const file = join(this.transfersDir, `${id}.${kind === 'export' ? 'zip' : 'upload'}`);
      if (existsSync(file)) {
        const found = { file, kind, size: statSync(file).size };
        this.remember(id, found);
        return found;
      }
    }
    return undefined;
  }

  private remember(id: string, transfer: Transfer): void {
    this.transfers.set(id, transfer);
    while (this.transfers.size > MAX_TRANSFERS) this.forget(this.transfers.keys().next().value!);
  }

  private forget(id: string): void {
    const t = this.transfers.get(id);
    if (t) quietly(() => rmSync(t.file, { force: true }));
    this.transfers.delete(id);
  }

  private clearTransfers(): void {
    for (const id of [...this.transfers.keys()]) this.forget(id);
  }

  /** Removes staged files older than a day: downloads or uploads that were never finished. */
  private pruneTransfers(): void {
    if (!existsSync(this.transfersDir)) return;
    const cutoff = Date.now() - 86_400_000;
    for (const name of readdirSync(this.transfersDir)) {
      const file = join(this.transfersDir, name);
      quietly(() => {
        if (statSync(file).mtimeMs < cutoff) rmSync(file, { force: true });
      });
    }
  }

  async exportForDownload(): Promise<ExportSummary> {
    const transferId = randomUUID();
    const file = join(this.staging(), `${transferId}.zip`);
    const result = await this.exportTo(file);
    this.remember(transferId, { file, kind: 'export', size: result.sizeBytes });
    return {
      transferId,
      fileName: `rehearse-export-${dayKey(this.host.now())}.zip`,
      sizeBytes: result.sizeBytes,
      sha256: result.sha256,
      schemaVersion: result.schemaVersion,
      tables: result.tables,
      files: result.files,
    };
  }

  download(
    transferId: string,
    offset: number,
    chunkBytes: number,
  ): { dataBase64: string; sizeBytes: number; nextOffset: number | null } {
    const t = this.transfer(transferId);
    if (!t) throw new AppError('NOT_FOUND', 'That export is no longer available; export again.');
    if (offset > t.size)
      throw new AppError('VALIDATION_ERROR', 'That is past the end of the export.', {
        field: 'offset',
        reason: 'past_end',
      });
    const length = Math.min(chunkBytes, t.size - offset);
    const buffer = Buffer.alloc(length);
    const fd = openSync(t.file, 'r');
    try {
      let done = 0;
      while (done < length) {
        const n = readSync(fd, buffer, done, length - done, offset + done);
        if (n === 0) break;
        done += n;
      }
    } finally {
      closeSync(fd);
    }
    const next = offset + length < t.size ? offset + length : null;
    if (next === null) this.forget(transferId);
    return { dataBase64: buffer.toString('base64'), sizeBytes: t.size, nextOffset: next };
  }

  upload(transferId: string, offset: number, dataBase64: string): { receivedBytes: number } {
    const bytes = Buffer.from(dataBase64, 'base64');
    let t = this.transfer(transferId);
    if (!t) {
      if (offset !== 0)
        throw new AppError('NOT_FOUND', 'That upload is no longer available; choose the file again.');
      t = { file: join(this.staging(), `${transferId}.upload`), kind: 'upload', size: 0 };
      writeFileSync(t.file, new Uint8Array(0), { mode: 0o600 });
      this.remember(transferId, t);
    }
    if (t.kind !== 'upload') throw new AppError('CONFLICT', 'That id belongs to an export, not an upload.');
    if (offset !== t.size)
      throw new AppError('CONFLICT', 'The file arrived out of order; choose it again.', { expected: t.size });
    if (t.size + bytes.length > MAX_ARCHIVE_BYTES) {
      this.forget(transferId);
      throw new AppError('VALIDATION_ERROR', 'This file is larger than any Rehearse export (1 GB).', {
        field: 'dataBase64',
        reason: 'too_large',
      });
    }
    appendFileSync(t.file, bytes);
    t.size += bytes.length;
    return { receivedBytes: t.size };
  }

  async importTransfer(transferId: string, mode: ImportMode, check: boolean): Promise<ImportReport> {
    const t = this.transfer(transferId);
    if (!t) throw new AppError('NOT_FOUND', 'That file is no longer available; choose it again.');
    if (statSync(t.file).size !== t.size)
      throw new AppError('CONFLICT', 'That file changed while it was uploaded; choose it again.');
    const report = await this.importFrom(t.file, mode, check);
    if (!check) this.forget(transferId);
    return report;
  }

  /** Waits for a background backup. */
  async close(): Promise<void> {
    await this.daily;
    this.transfers.clear();
  }
}

type DataChannel = Extract<keyof Handlers, `data.${string}`>;

export function dataHandlers(ctx: ServiceContext): Pick<Handlers, DataChannel> {
  const data = () => dataServiceOf(ctx);
  return {
    'data.status': () => data().status(),
    'data.backups.list': () => data().list(),
    'data.backups.create': () => data().createBackup(),
    'data.backups.restore': ({ id }) => data().restore(id),
    'data.export': () => data().exportForDownload(),
    'data.download': ({ transferId, offset }) => data().download(transferId, offset, TRANSFER_CHUNK_BYTES),
    'data.upload': ({ transferId, offset, dataBase64 }) => data().upload(transferId, offset, dataBase64),
    'data.import': ({ transferId, mode, check }) => data().importTransfer(transferId, mode, check),
    'data.erase.preview': () => data().erasePreview(),
    'data.erase': ({ includeBackups }) => data().erase({ includeBackups }),
  };
}
