/**
 * Backups in <data dir>/backups: each a SQLite online backup of the database (<id>.sqlite), verified after it
 * is written (integrity_check on the copy, SHA-256 recorded in manifest.json beside it), plus the résumé
 * originals and the recordings' audio it refers to, kept once each by content in files/<sha256>. Both are
 * copied as they are stored, so with a passphrase set they stay sealed under it, like the database's columns.
 * A backup that fails at any step is removed, never enters the manifest and so never counts towards the
 * rotation.
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { BACKUP_ID, BACKUP_KINDS, type BackupInfo, type BackupKind } from '../../../src-shared/data';
import { AppError } from '../../../src-shared/errors';
import type { Sqlite } from '../../db/connection';
import type { Migration } from '../../db/migrator';
import type { Logger } from '../../logging/logger';
import { AUDIO_DIR, recordingFileNames } from '../voice/audio-file';
import { keptIds } from './rotation';
import { diskError, openFile, quietly, replaceFile, sha256File, writeFileDurably } from './storage';
import { isSafeFileName, resumeFileNames, schemaVersionOf } from './tables';

export const BACKUPS_DIR = 'backups';
export const MANIFEST_FILE = 'manifest.json';
const FILES_DIR = 'files';

const SavedFile = z.object({
  name: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  sizeBytes: z.number().int(),
});
type SavedFile = z.infer<typeof SavedFile>;

const ManifestEntry = z.object({
  id: z.string().regex(BACKUP_ID),
  file: z.string().regex(/^[0-9a-z-]+\.sqlite$/),
  kind: z.enum(BACKUP_KINDS),
  createdAt: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  schemaVersion: z.number().int(),
  appVersion: z.string(),
  resumes: z.array(SavedFile),
  /** The recordings' audio files (none in backups made before audio was backed up). */
  audio: z.array(SavedFile).default([]),
});
export type ManifestEntry = z.infer<typeof ManifestEntry>;

const Manifest = z.object({
  format: z.literal('rehearse-backups'),
  formatVersion: z.literal(1),
  backups: z.array(ManifestEntry),
});
type Manifest = z.infer<typeof Manifest>;

/** The writes a backup makes, replaceable so tests can fail them like a full disk would. */
export interface BackupIo {
  /** Copies the live database into `dest` with SQLite's online backup. */
  copyDatabase(sqlite: Sqlite, dest: string): Promise<void>;
  /** Writes a whole file (the manifest) durably. */
  writeFile(file: string, data: string | Uint8Array): void;
  copyFile(from: string, to: string): void;
}

export const realIo: BackupIo = {
  async copyDatabase(sqlite, dest) {
    await sqlite.backup(dest);
  },
  writeFile: writeFileDurably,
  copyFile: (from, to) => copyFileSync(from, to),
};

export interface BackupStoreOptions {
  dataDir: string;
  logger: Logger;
  now(): Date;
  version: string;
  migrations: readonly Migration[];
  nativeBinding?: string;
  io?: BackupIo;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const stampOf = (d: Date) =>
  `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;

export const infoOf = (e: ManifestEntry): BackupInfo => ({
  id: e.id,
  kind: e.kind,
  createdAt: e.createdAt,
  sizeBytes: e.sizeBytes,
  sha256: e.sha256,
  schemaVersion: e.schemaVersion,
  appVersion: e.appVersion,
  resumeFiles: e.resumes.length,
  audioFiles: e.audio.length,
});

export class BackupStore {
  readonly dir: string;
  io: BackupIo;

  constructor(private readonly options: BackupStoreOptions) {
    this.dir = join(options.dataDir, BACKUPS_DIR);
    this.io = options.io ?? realIo;
  }

  private get manifestFile() {
    return join(this.dir, MANIFEST_FILE);
  }

  /** The recorded backups; an unreadable manifest counts as none (the files stay where they are). */
  read(): Manifest {
    const empty: Manifest = { format: 'rehearse-backups', formatVersion: 1, backups: [] };
    if (!existsSync(this.manifestFile)) return empty;
    try {
      return Manifest.parse(JSON.parse(readFileSync(this.manifestFile, 'utf8')));
    } catch (err) {
      this.options.logger.warn(
        { err: (err as Error).message },
        'backup manifest unreadable; treating as empty',
      );
      return empty;
    }
  }

  private write(manifest: Manifest): void {
    replaceFile(this.manifestFile, `${JSON.stringify(manifest, null, 2)}\n`, (f, d) =>
      this.io.writeFile(f, d),
    );
  }

  /** Newest first. */
  list(): ManifestEntry[] {
    return [...this.read().backups].sort(
      (a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id),
    );
  }

  find(id: string): ManifestEntry | undefined {
    return this.read().backups.find((b) => b.id === id);
  }

  fileOf(entry: ManifestEntry): string {
    return join(this.dir, entry.file);
  }

  blobOf(sha256: string): string {
    return join(this.dir, FILES_DIR, sha256);
  }

  private newId(at: Date, kind: BackupKind, taken: Set<string>): string {
    const base = stampOf(at);
    for (let n = 1; ; n++) {
      const id = n === 1 ? `${base}-${kind}` : `${base}-${n}-${kind}`;
      if (!taken.has(id) && !existsSync(join(this.dir, `${id}.sqlite`))) return id;
    }
  }

  /**
   * Copies the database, verifies the copy, saves the résumé files it refers to, and records it. Any failure
   * removes what this attempt wrote and throws: a STORAGE_ERROR for a full or read-only disk, else an
   * AppError naming the step.
   */
  async create(sqlite: Sqlite, kind: BackupKind): Promise<ManifestEntry> {
    const at = this.options.now();
    const wrote: string[] = [];
    try {
      mkdirSync(join(this.dir, FILES_DIR), { recursive: true });
      const manifest = this.read();
      const id = this.newId(at, kind, new Set(manifest.backups.map((b) => b.id)));
      const file = `${id}.sqlite`;
      const final = join(this.dir, file);
      const partial = `${final}.partial`;
      wrote.push(partial);
      await this.io.copyDatabase(sqlite, partial);
      const { schemaVersion, names, audioNames } = this.verifyCopy(partial);
      const resumes = this.saveResumeFiles(names, wrote);
      const audio = this.saveAudioFiles(audioNames, wrote);
      const sha256 = await sha256File(partial);
      const sizeBytes = statSync(partial).size;
      wrote.push(final);
      renameSync(partial, final);
      const entry: ManifestEntry = {
        id,
        file,
        kind,
        createdAt: at.toISOString(),
        sizeBytes,
        sha256,
        schemaVersion,
        appVersion: this.options.version,
        resumes,
        audio,
      };
      manifest.backups.push(entry);
      this.write(manifest);
      this.options.logger.info(
        { backup: id, bytes: sizeBytes, resumes: resumes.length, audio: audio.length },
        'backup made',
      );
      return entry;
    } catch (err) {
      for (const f of wrote.reverse()) quietly(() => rmSync(f, { force: true }));
      this.options.logger.error({ err, kind }, 'backup failed');
      throw (
        diskError(err, 'the backup', this.dir) ??
        (err instanceof AppError
          ? err
          : new AppError('STORAGE_ERROR', `The backup could not be made: ${(err as Error).message}.`, {
              reason: 'backup_failed',
            }))
      );
    }
  }

  /** The copy is a whole database on its own (no WAL) and passes integrity_check. */
  private verifyCopy(file: string): { schemaVersion: number; names: string[]; audioNames: string[] } {
    const copy = openFile(file, { nativeBinding: this.options.nativeBinding });
    try {
      copy.pragma('journal_mode = DELETE');
      const integrity = copy.pragma('integrity_check', { simple: true }) as string;
      if (integrity !== 'ok')
        throw new AppError('STORAGE_ERROR', `The backup failed its integrity check (${integrity}).`, {
          reason: 'integrity',
        });
      return {
        schemaVersion: schemaVersionOf(copy),
        names: resumeFileNames(copy),
        audioNames: recordingFileNames(copy),
      };
    } finally {
      copy.close();
    }
  }

  private saveResumeFiles(names: string[], wrote: string[]): SavedFile[] {
    const saved: SavedFile[] = [];
    const source = join(this.options.dataDir, 'resumes');
    for (const name of names) {
      const from = join(source, name);
      if (!isSafeFileName(name) || !existsSync(from)) {
        this.options.logger.warn({ file: name }, 'résumé original missing; backed up without it');
        continue;
      }
      const bytes = readFileSync(from);
      const sha256 = sha256Hex(bytes);
      const blob = this.blobOf(sha256);
      if (!existsSync(blob)) {
        wrote.push(`${blob}.partial`, blob);
        this.io.copyFile(from, `${blob}.partial`);
        if (sha256Hex(readFileSync(`${blob}.partial`)) !== sha256)
          throw new AppError('STORAGE_ERROR', 'A résumé file changed while it was being backed up.', {
            reason: 'resume_changed',
          });
        renameSync(`${blob}.partial`, blob);
      }
      saved.push({ name, sha256, sizeBytes: bytes.length });
    }
    return saved;
  }

  /**
   * The audio files the copy's recordings refer to, each read once and stored from what was read: a recording
   * still being made keeps growing, and its copy is simply cut at a frame (which the reader expects).
   */
  private saveAudioFiles(names: string[], wrote: string[]): SavedFile[] {
    const saved: SavedFile[] = [];
    const source = join(this.options.dataDir, AUDIO_DIR);
    for (const name of names) {
      const from = join(source, name);
      // its audio pruned after the copy was taken, or lost: the recording's text and figures are in the copy
      if (!existsSync(from)) continue;
      const bytes = readFileSync(from);
      const sha256 = sha256Hex(bytes);
      const blob = this.blobOf(sha256);
      if (!existsSync(blob)) {
        wrote.push(`${blob}.partial`, blob);
        this.io.writeFile(`${blob}.partial`, bytes);
        renameSync(`${blob}.partial`, blob);
      }
      saved.push({ name, sha256, sizeBytes: bytes.length });
    }
    return saved;
  }

  /**
   * Everything a restore relies on, checked before anything changes: the file is there, its checksum matches
   * the manifest, it passes integrity_check, this version can read its schema, and every résumé file is intact.
   */
  async verify(entry: ManifestEntry): Promise<void> {
    const file = this.fileOf(entry);
    const broken = (why: string) =>
      new AppError('CONFLICT', `Backup ${entry.id} cannot be restored: ${why}. Nothing was changed.`, {
        reason: 'backup_damaged',
      });
    if (!existsSync(file)) throw broken('its file is missing');
    if ((await sha256File(file)) !== entry.sha256)
      throw broken('its checksum does not match (the file is damaged)');
    const copy = openFile(file, { readonly: true, nativeBinding: this.options.nativeBinding });
    try {
      const integrity = copy.pragma('integrity_check', { simple: true }) as string;
      if (integrity !== 'ok') throw broken(`it fails the integrity check (${integrity})`);
      const known = new Set(this.options.migrations.map((m) => m.name));
      const unknown = (copy.prepare('SELECT name FROM schema_migrations').all() as { name: string }[]).find(
        (m) => !known.has(m.name),
      );
      if (unknown)
        throw broken(
          `it was made by a newer version of Rehearse (it has migration ${unknown.name}); update Rehearse`,
        );
    } finally {
      copy.close();
    }
    const saved = [
      ...entry.resumes.map((f) => ({ ...f, what: 'résumé file' })),
      ...entry.audio.map((f) => ({ ...f, what: 'recording' })),
    ];
    for (const f of saved) {
      const blob = this.blobOf(f.sha256);
      if (!existsSync(blob) || sha256Hex(readFileSync(blob)) !== f.sha256)
        throw broken(`the saved copy of ${f.what} ${f.name} is missing or damaged`);
    }
  }

  /**
   * Copies a backup over the database at `target` with SQLite's backup API: one transaction, so a failure
   * part-way (a full disk) leaves the target as it was, and other processes holding it open stay safe.
   */
  async copyInto(entry: ManifestEntry, target: string): Promise<void> {
    const source = openFile(this.fileOf(entry), {
      readonly: true,
      nativeBinding: this.options.nativeBinding,
    });
    try {
      await source.backup(target, { progress: () => 0x7fffffff });
    } finally {
      source.close();
    }
  }

  /**
   * Puts the backup's résumé files and recordings in place, and removes those only `previous` had (they are
   * saved in it).
   */
  placeFiles(entry: ManifestEntry, previous: ManifestEntry | null): void {
    this.place('resumes', entry.resumes, previous?.resumes ?? []);
    this.place(AUDIO_DIR, entry.audio, previous?.audio ?? []);
  }

  private place(folder: string, files: SavedFile[], previous: SavedFile[]): void {
    const dir = join(this.options.dataDir, folder);
    mkdirSync(dir, { recursive: true });
    const wanted = new Set(files.map((r) => r.name));
    for (const r of files) {
      if (!isSafeFileName(r.name)) continue;
      const target = join(dir, r.name);
      if (existsSync(target) && sha256Hex(readFileSync(target)) === r.sha256) continue;
      replaceFile(target, readFileSync(this.blobOf(r.sha256)));
    }
    for (const r of previous)
      if (!wanted.has(r.name) && isSafeFileName(r.name)) rmSync(join(dir, r.name), { force: true });
  }

  /**
   * Drops what the policy no longer keeps, then résumé files no backup refers to and leftovers of failed
   * attempts. A file that cannot be removed is logged and tried again next time.
   */
  rotate(): ManifestEntry[] {
    const manifest = this.read();
    const kept = keptIds(manifest.backups);
    const dropped = manifest.backups.filter((b) => !kept.has(b.id));
    if (dropped.length > 0) {
      this.write({ ...manifest, backups: manifest.backups.filter((b) => kept.has(b.id)) });
      for (const b of dropped) quietly(() => rmSync(this.fileOf(b), { force: true }));
      this.options.logger.info({ dropped: dropped.map((b) => b.id) }, 'old backups removed');
    }
    const referenced = new Set(
      manifest.backups
        .filter((b) => kept.has(b.id))
        .flatMap((b) => [...b.resumes, ...b.audio].map((r) => r.sha256)),
    );
    const blobs = join(this.dir, FILES_DIR);
    if (existsSync(blobs))
      for (const name of readdirSync(blobs))
        if (!referenced.has(name)) quietly(() => rmSync(join(blobs, name), { force: true }));
    if (existsSync(this.dir))
      for (const name of readdirSync(this.dir))
        if (name.endsWith('.partial')) quietly(() => rmSync(join(this.dir, name), { force: true }));
    return dropped;
  }

  /** Removes every backup but `keep` (and the résumé files only they referred to). */
  dropAllBut(keep: string): ManifestEntry[] {
    const manifest = this.read();
    const dropped = manifest.backups.filter((b) => b.id !== keep);
    this.write({ ...manifest, backups: manifest.backups.filter((b) => b.id === keep) });
    for (const b of dropped) quietly(() => rmSync(this.fileOf(b), { force: true }));
    this.rotate();
    return dropped;
  }

  /** Total bytes of the recorded backups and their résumé and audio files. */
  sizeBytes(): number {
    const manifest = this.read();
    const blobs = new Map(
      manifest.backups.flatMap((b) =>
        [...b.resumes, ...b.audio].map((r) => [r.sha256, r.sizeBytes] as const),
      ),
    );
    return (
      manifest.backups.reduce((n, b) => n + b.sizeBytes, 0) + [...blobs.values()].reduce((n, s) => n + s, 0)
    );
  }
}

const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
