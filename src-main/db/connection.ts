import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema';

export type Sqlite = BetterSqlite3.Database;

export interface Connection {
  sqlite: Sqlite;
  db: Kysely<Database>;
  close(): Promise<void>;
}

export const DB_FILE_NAME = 'rehearse.sqlite';

/** Opens (creating if needed) the database with the pragmas every host relies on. */
/** `nativeBinding`: a better-sqlite3 build for another ABI (the Electron shell's, when run unpackaged). */
export function openSqlite(file: string, nativeBinding?: string): Sqlite {
  mkdirSync(dirname(file), { recursive: true });
  const sqlite = new BetterSqlite3(file, nativeBinding ? { nativeBinding } : {});
  sqlite.pragma('journal_mode = WAL');
  // WAL + NORMAL survives a crash or kill -9 of the app without losing committed transactions; only a power
  // cut can lose the last few, and FULL's fsync per draft save is not worth that.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}

export function connect(sqlite: Sqlite): Connection {
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  let closed = false;
  return {
    sqlite,
    db,
    async close() {
      if (closed) return;
      closed = true;
      // kysely's destroy closes the better-sqlite3 handle, which checkpoints the WAL
      await db.destroy();
    },
  };
}
