import { mkdirSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type SqliteDatabase, sql } from 'kysely';
import pg from 'pg';
import { migrations } from './migrations';
import type { ServerDb } from './schema';

export type Dialect = 'sqlite' | 'postgres';

export type DbTarget = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string };

export interface ServerDatabase {
  db: Kysely<ServerDb>;
  dialect: Dialect;
  /** Where it points, without a password: for the start-up log line. */
  description: string;
  close(): Promise<void>;
}

export class DbUrlError extends Error {}

/**
 * `postgres://…` and `postgresql://…` are PostgreSQL; `file:/path`, `file:///path`, `:memory:` and a plain path are
 * SQLite. Anything else with a scheme is refused rather than taken for a file name.
 */
export function parseDbTarget(value: string, cwd = process.cwd()): DbTarget {
  const v = value.trim();
  if (!v) throw new DbUrlError('The database URL is empty.');
  if (/^postgres(ql)?:\/\//i.test(v)) return { dialect: 'postgres', url: v };
  if (v === ':memory:') return { dialect: 'sqlite', file: v };
  if (/^file:\/\//i.test(v)) return { dialect: 'sqlite', file: fileURLToPath(v) };
  if (/^file:/i.test(v)) {
    const path = v.slice(5);
    if (!path) throw new DbUrlError('file: needs a path, e.g. file:/var/lib/rehearse/server.sqlite');
    return { dialect: 'sqlite', file: path === ':memory:' ? path : resolve(cwd, path) };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) {
    throw new DbUrlError(
      `Unsupported database URL ${redact(v)}: use postgres://…, file:/path or a plain path.`,
    );
  }
  return { dialect: 'sqlite', file: isAbsolute(v) ? v : resolve(cwd, v) };
}

/** The URL with any password replaced, safe to log. */
export function redact(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^@/]*@/i, '$1:***@');
}

// PostgreSQL sends bigint (COUNT, our ms timestamps) and numeric (AVG of integers, SUM) as strings so as not to
// lose precision; everything here fits a double, so read them as numbers and keep one result shape for both.
const PG_INT8 = 20;
const PG_NUMERIC = 1700;
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === PG_INT8 || oid === PG_NUMERIC) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

export function openDatabase(target: DbTarget, options: { poolSize?: number } = {}): ServerDatabase {
  if (target.dialect === 'postgres') {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: options.poolSize ?? 10,
      types: pgTypes,
      // a query stuck on a lock or a dead connection fails the request instead of hanging it
      statement_timeout: 10_000,
      connectionTimeoutMillis: 5_000,
    });
    // an idle client losing its connection (a PostgreSQL restart) must not crash the process
    pool.on('error', () => {});
    const db = new Kysely<ServerDb>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', description: redact(target.url), close: () => db.destroy() };
  }
  if (target.file !== ':memory:') mkdirSync(dirname(target.file), { recursive: true });
  const sqlite = new BetterSqlite3(target.file);
  sqlite.pragma('journal_mode = WAL');
  // WAL + NORMAL keeps every committed transaction through a crash of the process; only a power cut can lose the
  // last few, which for practice scores is not worth an fsync per batch.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Checkpoint (and fsync) every ~40 MB of WAL instead of every 4 MB, and keep 64 MB of pages in memory: random
  // keys (signatures, session ids) touch pages all over the indexes.
  sqlite.pragma('wal_autocheckpoint = 10000');
  sqlite.pragma('cache_size = -65536');
  const db = new Kysely<ServerDb>({ dialect: new SqliteDialect({ database: cachedStatements(sqlite) }) });
  return { db, dialect: 'sqlite', description: target.file, close: () => db.destroy() };
}

/**
 * kysely prepares every query afresh; better-sqlite3 statements can be reused, and preparing costs about as much
 * as running one of these small queries. So keep them, by SQL text (kysely's SQL is the same for the same query
 * shape; parameters are bound separately). Bounded: IN lists and multi-row inserts make a few hundred shapes.
 */
function cachedStatements(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare(text: string) {
      let stmt = statements.get(text);
      if (!stmt) {
        if (statements.size >= 2000) statements.clear();
        stmt = sqlite.prepare(text);
        statements.set(text, stmt);
      }
      return stmt;
    },
    close: () => sqlite.close(),
  };
}

/**
 * Applies every pending migration. kysely's migrator takes a lock first (an advisory lock in PostgreSQL), so
 * replicas starting together over one database migrate it once.
 */
export async function migrateToLatest(db: Kysely<ServerDb>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(
      `Migration ${failed ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`.replace(
        '  ',
        ' ',
      ),
    );
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export async function ping(db: Kysely<ServerDb>): Promise<void> {
  await sql`SELECT 1`.execute(db);
}
