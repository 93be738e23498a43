/**
 * The candidate's tables, read from the schema itself so export, import and erase follow new migrations
 * without changes here. Left out: SQLite's own tables, virtual tables and their shadow tables, and tables
 * that hold nothing of the candidate's (the migration ledger, caches and their counters).
 */
import type { Sqlite } from '../../db/connection';

/**
 * Tables that belong to this installation rather than to the candidate: sync's device and settings, and the
 * passphrase's salt and wrong tries (an export holds the data itself, readable; an import is encrypted under
 * this installation's passphrase). They are not exported, and an import that replaces the data keeps them.
 */
export const THIS_INSTALL: ReadonlySet<string> = new Set(['sync_settings', 'vault', 'vault_attempts']);

/**
 * Tables that are not the candidate's data: the migration ledger, caches with their counters, sync's queue of
 * work for this device, and this installation's own tables. Add to this when a migration adds a cache or a work
 * queue. A table kept up to date by triggers (progress_sessions) must not be listed: an import loads every
 * table with the triggers off, so it would come back empty.
 */
export const NOT_THE_CANDIDATES: ReadonlySet<string> = new Set([
  'schema_migrations',
  'ai_cache',
  'ai_cache_stats',
  'sync_outbox',
  ...THIS_INSTALL,
]);

const isCache = (name: string) => /(^|_)cache(_|$)/.test(name);

export interface TableInfo {
  name: string;
  columns: string[];
  /** Primary-key columns in key order; empty for a plain rowid table. */
  primaryKey: string[];
  /** Tables this one refers to (other than itself). */
  parents: string[];
  /** Whether a row can clash with another on a primary key or unique index. */
  keyed: boolean;
}

export const quoteId = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The candidate's tables in `schema` ('main' or an attached name), parents before children. */
export function candidateTables(db: Sqlite, schema = 'main'): TableInfo[] {
  const listed = db.prepare(`PRAGMA ${quoteId(schema)}.table_list`).all() as {
    name: string;
    type: string;
  }[];
  const tables = listed
    .filter((t) => t.type === 'table' && !t.name.startsWith('sqlite_'))
    .map((t) => t.name)
    .filter((name) => !NOT_THE_CANDIDATES.has(name) && !isCache(name))
    .sort();
  const infos = tables.map((name): TableInfo => {
    const columns = db.prepare(`PRAGMA ${quoteId(schema)}.table_info(${quoteId(name)})`).all() as {
      name: string;
      pk: number;
    }[];
    const parents = (
      db.prepare(`PRAGMA ${quoteId(schema)}.foreign_key_list(${quoteId(name)})`).all() as { table: string }[]
    )
      .map((fk) => fk.table)
      .filter((t) => t !== name);
    const unique = (
      db.prepare(`PRAGMA ${quoteId(schema)}.index_list(${quoteId(name)})`).all() as { unique: number }[]
    ).some((i) => i.unique === 1);
    const primaryKey = columns
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name);
    return {
      name,
      columns: columns.map((c) => c.name),
      primaryKey,
      parents: [...new Set(parents)],
      keyed: unique || primaryKey.length > 0,
    };
  });
  // Tables that refer to nothing first, then those whose parents are all placed, and so on (by name within a
  // step): a merge inserts a session before its questions, and rows that triggers would otherwise create (a
  // session's progress row) go in before the rows that fire those triggers. Cycles (none today) go last.
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  const known = new Set(infos.map((t) => t.name));
  let pending = infos;
  while (pending.length > 0) {
    const ready = pending.filter((t) => t.parents.every((p) => placed.has(p) || !known.has(p)));
    const step = ready.length > 0 ? ready : pending;
    for (const t of step) placed.add(t.name);
    ordered.push(...step);
    pending = pending.filter((t) => !placed.has(t.name));
  }
  return ordered;
}

/** Rows in a stable order: by primary key, else by rowid. */
export function orderedSelect(table: TableInfo): string {
  const order = table.primaryKey.length > 0 ? table.primaryKey.map(quoteId).join(', ') : 'rowid';
  return `SELECT ${table.columns.map(quoteId).join(', ')} FROM ${quoteId(table.name)} ORDER BY ${order}`;
}

/** The schema version a database is at: its highest applied migration, 0 for a new file. */
export function schemaVersionOf(db: Sqlite, schema = 'main'): number {
  const exists = db
    .prepare(
      `SELECT 1 FROM ${quoteId(schema)}.sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`,
    )
    .get();
  if (!exists) return 0;
  const row = db.prepare(`SELECT MAX(version) AS v FROM ${quoteId(schema)}.schema_migrations`).get() as {
    v: number | null;
  };
  return row.v ?? 0;
}

/** Whether `schema` has the table (an older database may not have a later migration's). */
export const hasTable = (db: Sqlite, table: string, schema = 'main'): boolean =>
  db
    .prepare(`SELECT 1 FROM ${quoteId(schema)}.sqlite_master WHERE type = 'table' AND name = ?`)
    .get(table) !== undefined;

/** The résumé original file names a database refers to (none before the résumés migration). */
export function resumeFileNames(db: Sqlite, schema = 'main'): string[] {
  if (!hasTable(db, 'resumes', schema)) return [];
  return (
    db.prepare(`SELECT file_name FROM ${quoteId(schema)}.resumes ORDER BY file_name`).all() as {
      file_name: string;
    }[]
  ).map((r) => r.file_name);
}

/** A résumé file name as the résumé service makes them: no folders, nothing that could climb out. */
export const SAFE_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,150}$/;
export const isSafeFileName = (name: string) => SAFE_FILE_NAME.test(name) && !name.includes('..');
