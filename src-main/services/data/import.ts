/**
 * Reading an export back. `prepareImport` checks the whole archive and builds the database it describes in a
 * scratch folder: the ZIP's structure, every name, the manifest, every checksum, every row (loaded into a
 * database at the archive's schema version, so SQLite's own constraints and foreign keys check them), then
 * upgrades it to this version's schema. Only then do `replaceWith` or `mergeInto` touch the candidate's data.
 * A damaged, foreign or newer archive is refused with the reason, and nothing changes.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
import { openFile, quietly, replaceFile } from './storage';
import { candidateTables, isSafeFileName, quoteId, resumeFileNames, type TableInfo } from './tables';

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
    if (f.path !== resumeEntry(name) || !isSafeFileName(name))
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
  for (const f of manifest.files)
    writeFileSync(join(resumesDir, f.path.slice('resumes/'.length)), checked(byName.get(f.path)!));

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
    const load = db.transaction(() => {
      for (const t of manifest.tables) {
        const table = known.get(t.name);
        if (!table)
          throw refused(
            `it has a table (${t.name}) that Rehearse at schema ${manifest.schema.version} does not have.`,
          );
        loadTable(db, table, t.rows, checked(byName.get(t.file)!));
      }
    });
    load();
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
    migratedFrom: manifest.schema.version < latest ? manifest.schema.version : null,
    dispose,
  };
}

function loadTable(db: Sqlite, table: TableInfo, declaredRows: number, data: Buffer): void {
  const bad = (why: string) => refused(`the data for ${table.name} is not valid (${why}).`);
  let doc: unknown;
  try {
    doc = JSON.parse(data.toString('utf8'));
  } catch {
    throw bad('not JSON');
  }
  const d = doc as {
    format?: unknown;
    formatVersion?: unknown;
    table?: unknown;
    columns?: unknown;
    rows?: unknown;
  };
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
  if (!Array.isArray(d.rows)) throw bad('its rows are missing');
  if (d.rows.length !== declaredRows)
    throw bad(`it holds ${d.rows.length} rows where the manifest says ${declaredRows}`);

  // Rows the migrations seeded make way for the archive's: it holds the whole table.
  db.prepare(`DELETE FROM ${quoteId(table.name)}`).run();
  const insert = db.prepare(
    `INSERT INTO ${quoteId(table.name)} (${columns.map(quoteId).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  d.rows.forEach((row: unknown, i: number) => {
    if (!Array.isArray(row) || row.length !== columns.length)
      throw bad(`row ${i + 1} has the wrong number of values`);
    const values: SqlValue[] = [];
    for (const v of row) {
      const decoded = decodeValue(v);
      if (decoded === undefined) throw bad(`row ${i + 1} holds a value SQLite cannot store`);
      values.push(decoded);
    }
    try {
      insert.run(values);
    } catch (err) {
      throw bad(`row ${i + 1}: ${(err as Error).message}`);
    }
  });
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
  const source = openFile(prepared.dbFile, { readonly: true, nativeBinding });
  let names: string[];
  try {
    names = resumeFileNames(source);
    await source.backup(target, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  const placed = placeResumeFiles(prepared, names, dataDir);
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
    const run = db.transaction(() => {
      db.pragma('defer_foreign_keys = ON');
      if (mainTables.has('resumes'))
        db.prepare(
          'UPDATE incoming.resumes SET is_active = 0 WHERE EXISTS (SELECT 1 FROM main.resumes WHERE is_active = 1)',
        ).run();
      const before = new Set(resumeFileNames(db));
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
      if (options.dryRun) throw new DryRun();
    });
    try {
      run();
    } catch (err) {
      if (!(err instanceof DryRun)) throw err;
    }
    const filesAdded = options.dryRun
      ? addedFiles.length
      : placeResumeFiles(prepared, addedFiles, dataDir, new Set(addedFiles));
    return { tables: counts, filesAdded };
  } finally {
    db.close();
  }
}
