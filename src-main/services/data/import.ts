/**
 * Reading an export back. `prepareImport` checks the whole archive and builds the database it describes in a
 * scratch folder: the ZIP's structure, every name, the manifest, every checksum, every row (loaded into a
 * database at the archive's schema version, so SQLite's own constraints and foreign keys check them), then
 * upgrades it to this version's schema. Only then do `replaceWith` or `mergeInto` touch the candidate's data.
 * A damaged, foreign or newer archive is refused with the reason, and nothing changes.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { crc32, createInflateRaw } from 'node:zlib';
import { MAX_ARCHIVE_BYTES } from '../../../src-shared/data';
import { AppError } from '../../../src-shared/errors';
import type { Sqlite } from '../../db/connection';
import { migrate, type Migration } from '../../db/migrator';
import { ArchiveError, extractEntry, readZip, sha256Of, shownName, type ZipEntry } from './archive';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  ArchiveManifest,
  decodeValue,
  MANIFEST_ENTRY,
  resumeEntry,
  TABLE_FORMAT,
  tableEntry,
  type SqlValue,
} from './format';
import {
  AUDIO_DIR,
  audioFileOfEntry,
  audioFiles,
  audioFromPcm,
  pcmFromWav,
  recordingFileNames,
} from '../voice/audio-file';
import { openFile, quietly, replaceFile } from './storage';
import {
  candidateTables,
  isSafeFileName,
  quoteId,
  resumeFileNames,
  THIS_INSTALL,
  type TableInfo,
} from './tables';

const LIMITS = {
  maxEntryBytes: 512 * 1024 * 1024,
  maxTotalBytes: 2 * 1024 * 1024 * 1024,
  maxEntries: 10_000,
};
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

/** The archive is refused: the message says why and that nothing changed. */
export function refused(reason: string): AppError {
  return new AppError('VALIDATION_ERROR', `This file cannot be imported: ${reason} Nothing was changed.`, {
    field: 'file',
    reason,
  });
}

const sentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);

export interface PreparedImport {
  manifest: ArchiveManifest;
  /** The validated database at this version's schema, in the scratch folder. */
  dbFile: string;
  /** Résumé originals from the archive, checked, by file name. */
  resumesDir: string;
  /** Recorded answers from the archive, checked, as plain recording files by the name the database uses. */
  audioDir: string;
  migratedFrom: number | null;
  dispose(): void;
}

export interface PrepareOptions {
  file: string;
  migrations: readonly Migration[];
  nativeBinding?: string;
}

export async function prepareImport(o: PrepareOptions): Promise<PreparedImport> {
  const work = mkdtempSync(join(tmpdir(), 'rehearse-import-'));
  const dispose = () => quietly(() => rmSync(work, { recursive: true, force: true }));
  try {
    return await prepare(o, work, dispose);
  } catch (err) {
    dispose();
    if (err instanceof ArchiveError)
      throw new AppError('VALIDATION_ERROR', `${sentence(err.message)} Nothing was changed.`, {
        field: 'file',
        reason: err.message,
      });
    throw err;
  }
}

async function prepare(o: PrepareOptions, work: string, dispose: () => void): Promise<PreparedImport> {
  if (!existsSync(o.file)) throw new AppError('NOT_FOUND', `There is no file at ${o.file}.`);
  const size = statSync(o.file).size;
  if (size > MAX_ARCHIVE_BYTES) throw refused('it is larger than any Rehearse export (1 GB).');
  const bytes = readFileSync(o.file);
  const entries = readZip(bytes, LIMITS);
  const byName = new Map(entries.map((e) => [e.name, e]));

  const manifestEntry = byName.get(MANIFEST_ENTRY);
  if (!manifestEntry) throw refused('it is not a Rehearse export (it has no manifest.json).');
  if (manifestEntry.size > MAX_MANIFEST_BYTES)
    throw refused('its manifest is far larger than a Rehearse export’s.');
  let raw: unknown;
  try {
    raw = JSON.parse(extractEntry(bytes, manifestEntry).toString('utf8'));
  } catch (err) {
    if (err instanceof ArchiveError) throw err;
    throw refused('its manifest.json is not valid JSON.');
  }
  if ((raw as { format?: unknown } | null)?.format !== ARCHIVE_FORMAT)
    throw refused('it is not a Rehearse export (its manifest is for something else).');
  const version = (raw as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && version > ARCHIVE_FORMAT_VERSION)
    throw refused(
      `it was made by a newer version of Rehearse (export format ${version}). Update Rehearse to import it.`,
    );
  const parsed = ArchiveManifest.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw refused(`its manifest is not valid (${issue.path.join('.') || 'manifest'}: ${issue.message}).`);
  }
  const manifest = parsed.data;

  const latest = o.migrations.at(-1)?.version ?? 0;
  if (manifest.schema.version > latest)
    throw refused(
      `it was made by a newer version of Rehearse (${manifest.app.version}, data schema ${manifest.schema.version}; this version reads up to ${latest}). Update Rehearse to import it.`,
    );
  const ours = o.migrations.filter((m) => m.version <= manifest.schema.version).map((m) => m.name);
  if (
    ours.length !== manifest.schema.migrations.length ||
    ours.some((n, i) => manifest.schema.migrations[i] !== n)
  )
    throw refused(
      'its schema history does not match any version of Rehearse, so it was not made by Rehearse or was changed.',
    );

  // Exactly the entries the manifest lists: nothing more, nothing missing, each named as Rehearse names them.
  const expected = new Map<string, { sha256: string; sizeBytes: number }>();
  for (const t of manifest.tables) {
    if (t.file !== tableEntry(t.name))
      throw refused(`its manifest lists table ${t.name} under an unexpected name.`);
    if (expected.has(t.file)) throw refused(`its manifest lists table ${t.name} twice.`);
    expected.set(t.file, t);
  }
  for (const f of manifest.files) {
    const name = f.path.slice('resumes/'.length);
    if (audioFileOfEntry(f.path) === null && (f.path !== resumeEntry(name) || !isSafeFileName(name)))
      throw refused(`its manifest lists a file named ${shownName(f.path)}, which Rehearse never writes.`);
    if (expected.has(f.path)) throw refused(`its manifest lists ${shownName(f.path)} twice.`);
    expected.set(f.path, f);
  }
  const extra = entries
    .filter((e) => e.name !== MANIFEST_ENTRY && !expected.has(e.name))
    .map((e) => shownName(e.name));
  if (extra.length > 0)
    throw refused(
      `it holds files its manifest does not list (${extra.slice(0, 3).join(', ')}${extra.length > 3 ? ', …' : ''}).`,
    );
  for (const name of expected.keys())
    if (!byName.has(name)) throw refused(`${shownName(name)} is listed in its manifest but missing.`);

  const checked = (entry: ZipEntry): Buffer => {
    const data = extractEntry(bytes, entry);
    const want = expected.get(entry.name)!;
    if (data.length !== want.sizeBytes || sha256Of(data) !== want.sha256)
      throw refused(
        `${shownName(entry.name)} does not match its checksum (the file was changed or damaged).`,
      );
    return data;
  };

  // Every file is checked before the database is built, so a damaged résumé refuses the archive as surely as a
  // damaged table.
  const resumesDir = join(work, 'resumes');
  mkdirSync(resumesDir);
  const audioDir = join(work, AUDIO_DIR);
  mkdirSync(audioDir);
  for (const f of manifest.files) {
    const audio = audioFileOfEntry(f.path);
    if (audio === null) {
      writeFileSync(join(resumesDir, f.path.slice('resumes/'.length)), checked(byName.get(f.path)!));
      continue;
    }
    const pcm = pcmFromWav(checked(byName.get(f.path)!));
    if (!pcm)
      throw refused(`${shownName(f.path)} is not a recording as Rehearse saves them (16 kHz mono WAV).`);
    writeFileSync(join(audioDir, audio), audioFromPcm(pcm));
  }

  const dbFile = join(work, 'import.sqlite');
  const db = openFile(dbFile, { nativeBinding: o.nativeBinding });
  try {
    db.pragma('journal_mode = DELETE');
    db.pragma('foreign_keys = OFF');
    try {
      migrate(db, o.migrations.filter((m) => m.version <= manifest.schema.version) as Migration[]);
    } catch (err) {
      throw refused(`its schema could not be set up (${(err as Error).message}).`);
    }
    const known = new Map(candidateTables(db).map((t) => [t.name, t]));
    // The archive holds every table as it was, derived ones too, so triggers stay off while it goes in (they
    // would only recompute what is already there, at many times the cost); migrations after it run with them.
    const triggers = db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql IS NOT NULL")
      .all() as { name: string; sql: string }[];
    for (const t of triggers) db.exec(`DROP TRIGGER ${quoteId(t.name)}`);
    db.exec('BEGIN');
    try {
      for (const t of manifest.tables) {
        const table = known.get(t.name);
        if (!table)
          throw refused(
            `it has a table (${t.name}) that Rehearse at schema ${manifest.schema.version} does not have.`,
          );
        await loadTable(db, table, t, bytes, byName.get(t.file)!);
      }
      db.exec('COMMIT');
    } finally {
      if (db.inTransaction) db.exec('ROLLBACK');
    }
    for (const t of triggers) db.exec(t.sql);
    const broken = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
    if (broken.length > 0) {
      const b = broken[0]!;
      throw refused(
        `a row of ${b.table} refers to a row of ${b.parent} that is not in the file (${broken.length} such rows).`,
      );
    }
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    if (integrity !== 'ok') throw refused(`its data fails SQLite's integrity check (${integrity}).`);
    try {
      migrate(db, o.migrations as Migration[]);
    } catch (err) {
      throw refused(`its data could not be upgraded to this version (${(err as Error).message}).`);
    }
  } finally {
    db.close();
  }
  return {
    manifest,
    dbFile,
    resumesDir,
    audioDir,
    migratedFrom: manifest.schema.version < latest ? manifest.schema.version : null,
    dispose,
  };
}

interface Declared {
  rows: number;
  sha256: string;
  sizeBytes: number;
}

/**
 * An entry's text, line by line, inflated as it is read (a large table never sits in memory whole), with its
 * size, CRC and SHA-256 checked once it has all been read.
 */
async function* entryLines(bytes: Buffer, entry: ZipEntry, declared: Declared): AsyncGenerator<string> {
  const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  const hash = createHash('sha256');
  let crc = 0;
  let size = 0;
  const decoder = new StringDecoder('utf8');
  let rest = '';
  const chunks: AsyncIterable<Buffer> =
    entry.method === 0 ? Readable.from([data]) : createInflateRaw().end(data);
  try {
    for await (const chunk of chunks) {
      size += chunk.length;
      if (size > entry.size)
        throw new ArchiveError(
          `${shownName(entry.name)} is damaged or holds more than its declared size; it is refused.`,
        );
      hash.update(chunk);
      crc = crc32(chunk, crc);
      rest += decoder.write(chunk);
      let start = 0;
      for (let end = rest.indexOf('\n'); end >= 0; end = rest.indexOf('\n', start)) {
        yield rest.slice(start, end);
        start = end + 1;
      }
      rest = rest.slice(start);
    }
  } catch (err) {
    if (err instanceof ArchiveError) throw err;
    throw new ArchiveError(`${shownName(entry.name)} is damaged and cannot be read.`);
  }
  rest += decoder.end();
  if (rest.length > 0) yield rest;
  if (size !== entry.size || crc >>> 0 !== entry.crc32)
    throw new ArchiveError(`${shownName(entry.name)} is damaged (its size or CRC does not match).`);
  if (size !== declared.sizeBytes || hash.digest('hex') !== declared.sha256)
    throw refused(`${shownName(entry.name)} does not match its checksum (the file was changed or damaged).`);
}

/** Whether the entry matches its checksum: asked after a failure, to report the cause rather than a symptom. */
function matchesChecksum(bytes: Buffer, entry: ZipEntry, declared: Declared): boolean {
  try {
    const data = extractEntry(bytes, entry);
    return data.length === declared.sizeBytes && sha256Of(data) === declared.sha256;
  } catch {
    return false;
  }
}

const HEADER_END = '"rows":[';

/**
 * Loads one table file into the scratch database. The exporter writes one row per line, which is read as it
 * streams; any other layout of the same JSON is parsed whole (up to the entry size limit).
 */
async function loadTable(
  db: Sqlite,
  table: TableInfo,
  declared: Declared,
  bytes: Buffer,
  entry: ZipEntry,
): Promise<void> {
  const bad = (why: string) => refused(`the data for ${table.name} is not valid (${why}).`);
  let insert: ((row: unknown, n: number) => void) | null = null;
  const begin = (doc: unknown) => {
    const d = doc as { format?: unknown; formatVersion?: unknown; table?: unknown; columns?: unknown };
    if (typeof doc !== 'object' || doc === null || d.format !== TABLE_FORMAT || d.table !== table.name)
      throw bad('it is not a Rehearse table file');
    if (d.formatVersion !== 1)
      throw bad(`table format ${String(d.formatVersion)} is not one this version reads`);
    if (!Array.isArray(d.columns) || !d.columns.every((c) => typeof c === 'string') || d.columns.length === 0)
      throw bad('its columns are missing');
    const columns = d.columns as string[];
    const known = new Set(table.columns);
    const unknown = columns.find((c) => !known.has(c));
    if (unknown !== undefined) throw bad(`it has a column ${shownName(unknown)} the table does not`);
    if (new Set(columns).size !== columns.length) throw bad('a column is listed twice');
    // Rows the migrations seeded make way for the archive's: it holds the whole table.
    db.prepare(`DELETE FROM ${quoteId(table.name)}`).run();
    const statement = db.prepare(
      `INSERT INTO ${quoteId(table.name)} (${columns.map(quoteId).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    );
    insert = (row, n) => {
      if (!Array.isArray(row) || row.length !== columns.length)
        throw bad(`row ${n} has the wrong number of values`);
      const values: SqlValue[] = [];
      for (const v of row) {
        const decoded = decodeValue(v);
        if (decoded === undefined) throw bad(`row ${n} holds a value SQLite cannot store`);
        values.push(decoded);
      }
      try {
        statement.run(values);
      } catch (err) {
        throw bad(`row ${n}: ${(err as Error).message}`);
      }
    };
  };
  const json = (text: string) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw bad('not JSON');
    }
  };

  let rows = 0;
  try {
    let whole: string[] | null = null;
    let state: 'header' | 'rows' | 'end' = 'header';
    let comma = false;
    for await (const line of entryLines(bytes, entry, declared)) {
      if (whole) whole.push(line);
      else if (state === 'header') {
        if (line.endsWith(HEADER_END)) {
          begin(json(`${line}]}`));
          state = 'rows';
        } else whole = [line];
      } else if (state === 'rows') {
        if (line === ']}') {
          if (comma) throw bad('not JSON');
          state = 'end';
        } else {
          if (rows > 0 && !comma) throw bad('not JSON');
          comma = line.endsWith(',');
          insert!(json(comma ? line.slice(0, -1) : line), ++rows);
        }
      } else if (line.trim() !== '') throw bad('there is more after its rows');
    }
    if (whole) {
      const doc = json(whole.join('\n'));
      begin(doc);
      const all = (doc as { rows?: unknown }).rows;
      if (!Array.isArray(all)) throw bad('its rows are missing');
      for (const row of all) insert!(row, ++rows);
    } else if (state !== 'end') throw bad('it is cut short');
  } catch (err) {
    // A row that fails because the file was changed is reported as the changed file.
    if (!(err instanceof ArchiveError) && !matchesChecksum(bytes, entry, declared))
      throw refused(
        `${shownName(entry.name)} does not match its checksum (the file was changed or damaged).`,
      );
    throw err;
  }
  if (rows !== declared.rows) throw bad(`it holds ${rows} rows where the manifest says ${declared.rows}`);
}

/** Copies the résumé originals the database at `dbFile` refers to into the data folder. */
function placeResumeFiles(
  prepared: PreparedImport,
  names: readonly string[],
  dataDir: string,
  only?: Set<string>,
): number {
  const dir = join(dataDir, 'resumes');
  mkdirSync(dir, { recursive: true });
  let placed = 0;
  for (const name of names) {
    if (only && !only.has(name)) continue;
    const from = join(prepared.resumesDir, name);
    if (!isSafeFileName(name) || !existsSync(from)) continue;
    replaceFile(join(dir, name), readFileSync(from));
    placed++;
  }
  return placed;
}

/** Copies the recordings the imported database refers to into the data folder. */
function placeAudioFiles(prepared: PreparedImport, names: readonly string[], dataDir: string): number {
  const dir = join(dataDir, AUDIO_DIR);
  mkdirSync(dir, { recursive: true });
  let placed = 0;
  for (const name of names) {
    const from = join(prepared.audioDir, name);
    if (!existsSync(from)) continue;
    replaceFile(join(dir, name), readFileSync(from));
    placed++;
  }
  return placed;
}

/**
 * Replaces the database at `target` with the prepared one through SQLite's backup API (one transaction), then
 * puts its résumé files in place and removes the ones only the old data referred to (saved in the backup made
 * before). Run with the live connection closed.
 */
export async function replaceWith(
  prepared: PreparedImport,
  target: string,
  dataDir: string,
  previousFiles: readonly string[],
  nativeBinding?: string,
): Promise<number> {
  // This installation's own tables (sync's device) stay as they are: they were never the archive's to replace.
  const own = openFile(prepared.dbFile, { nativeBinding });
  try {
    own.prepare('ATTACH DATABASE ? AS current').run(target);
    const here = new Set(
      (
        own.prepare("SELECT name FROM current.sqlite_master WHERE type = 'table'").all() as { name: string }[]
      ).map((t) => t.name),
    );
    own.transaction(() => {
      for (const name of THIS_INSTALL) {
        if (!here.has(name)) continue;
        own.prepare(`DELETE FROM main.${quoteId(name)}`).run();
        own.prepare(`INSERT INTO main.${quoteId(name)} SELECT * FROM current.${quoteId(name)}`).run();
      }
    })();
    own.exec('DETACH DATABASE current');
  } finally {
    own.close();
  }
  const source = openFile(prepared.dbFile, { readonly: true, nativeBinding });
  let names: string[];
  let audio: string[];
  try {
    names = resumeFileNames(source);
    audio = recordingFileNames(source);
    await source.backup(target, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  const placed = placeResumeFiles(prepared, names, dataDir) + placeAudioFiles(prepared, audio, dataDir);
  // recordings of the data replaced go with it (they are in the backup's database, not its files)
  const heard = new Set(audio);
  for (const name of audioFiles(dataDir))
    if (!heard.has(name)) quietly(() => rmSync(join(dataDir, AUDIO_DIR, name), { force: true }));
  const keep = new Set(names);
  for (const name of previousFiles)
    if (!keep.has(name) && isSafeFileName(name))
      quietly(() => rmSync(join(dataDir, 'resumes', name), { force: true }));
  return placed;
}

export interface MergeCounts {
  tables: { name: string; rows: number; added: number }[];
  filesAdded: number;
}

class DryRun extends Error {}

/**
 * Adds the prepared rows the database at `target` does not have, in one transaction: rows whose key (primary or
 * unique) is already there are skipped, and tables without a key skip rows identical to one already there, so
 * merging the same archive twice adds nothing the second time. A merged résumé never displaces the active one.
 */
export function mergeInto(
  prepared: PreparedImport,
  target: string,
  dataDir: string,
  options: { dryRun: boolean; nativeBinding?: string },
): MergeCounts {
  const db = openFile(target, { nativeBinding: options.nativeBinding });
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    db.prepare('ATTACH DATABASE ? AS incoming').run(prepared.dbFile);
    const tables = candidateTables(db, 'incoming');
    const mainTables = new Set(candidateTables(db).map((t) => t.name));
    const counts: MergeCounts['tables'] = [];
    let addedFiles: string[] = [];
    let addedAudio: string[] = [];
    const run = db.transaction(() => {
      db.pragma('defer_foreign_keys = ON');
      if (mainTables.has('resumes'))
        db.prepare(
          'UPDATE incoming.resumes SET is_active = 0 WHERE EXISTS (SELECT 1 FROM main.resumes WHERE is_active = 1)',
        ).run();
      const before = new Set(resumeFileNames(db));
      const heardBefore = new Set(recordingFileNames(db));
      for (const t of tables) {
        if (!mainTables.has(t.name)) continue;
        const cols = t.columns.map(quoteId).join(', ');
        const name = quoteId(t.name);
        const rows = (db.prepare(`SELECT COUNT(*) AS n FROM incoming.${name}`).get() as { n: number }).n;
        const sql = t.keyed
          ? `INSERT OR IGNORE INTO main.${name} (${cols}) SELECT ${cols} FROM incoming.${name}`
          : `INSERT INTO main.${name} (${cols}) SELECT ${cols} FROM incoming.${name} EXCEPT SELECT ${cols} FROM main.${name}`;
        counts.push({ name: t.name, rows, added: db.prepare(sql).run().changes });
      }
      addedFiles = resumeFileNames(db).filter((n) => !before.has(n));
      addedAudio = recordingFileNames(db).filter((n) => !heardBefore.has(n));
      if (options.dryRun) throw new DryRun();
    });
    try {
      run();
    } catch (err) {
      if (!(err instanceof DryRun)) throw err;
    }
    const filesAdded = options.dryRun
      ? addedFiles.length + addedAudio.filter((n) => existsSync(join(prepared.audioDir, n))).length
      : placeResumeFiles(prepared, addedFiles, dataDir, new Set(addedFiles)) +
        placeAudioFiles(prepared, addedAudio, dataDir);
    return { tables: counts, filesAdded };
  } finally {
    db.close();
  }
}
