import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../src-shared/errors';
import type { Sqlite } from './connection';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export function loadMigrations(dir: string): Migration[] {
  const migrations = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .map((file) => {
      const match = FILE_PATTERN.exec(file);
      if (!match) throw new Error(`Migration file name ${file} does not match NNNN_name.sql`);
      // Line endings are normalised so a checkout with CRLF does not look like an edited migration.
      const sql = readFileSync(join(dir, file), 'utf8').replace(/\r\n/g, '\n');
      return {
        version: Number(match[1]),
        name: `${match[1]}_${match[2]}`,
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    })
    .sort((a, b) => a.version - b.version);
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i]!.version === migrations[i - 1]!.version) {
      throw new Error(`Two migrations share version ${migrations[i]!.version}`);
    }
  }
  return migrations;
}

export interface MigrationReport {
  applied: string[];
  current: number;
}

const failed = (message: string, details?: Record<string, unknown>) =>
  new AppError('MIGRATION_FAILED', message, details);

/**
 * Brings the database up to the newest migration, each in its own transaction. A failing migration rolls back
 * whole and stops the start: the app reports it rather than run on a half-migrated schema.
 */
export function migrate(sqlite: Sqlite, migrations: Migration[]): MigrationReport {
  sqlite.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    checksum TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const applied = new Map(
    (sqlite.prepare('SELECT version, name, checksum FROM schema_migrations').all() as Migration[]).map(
      (m) => [m.version, m],
    ),
  );
  const known = new Map(migrations.map((m) => [m.version, m]));
  for (const row of applied.values()) {
    const file = known.get(row.version);
    if (!file) {
      throw failed(
        `Your data was saved by a newer version of Rehearse (it has migration ${row.name}, which this version does not know). Update Rehearse to open it.`,
        { migration: row.name },
      );
    }
    if (file.checksum !== row.checksum) {
      throw failed(`Migration ${row.name} changed after it was applied to your data; refusing to continue.`, {
        migration: row.name,
      });
    }
  }

  const record = sqlite.prepare(
    'INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)',
  );
  const done: string[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    const apply = sqlite.transaction(() => {
      sqlite.exec(migration.sql);
      record.run(migration.version, migration.name, migration.checksum, new Date().toISOString());
    });
    try {
      apply();
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw failed(
        `Could not upgrade your data: migration ${migration.name} failed (${reason}). Nothing was changed by it.`,
        { migration: migration.name, reason },
      );
    }
    done.push(migration.name);
  }
  const last = migrations.at(-1);
  return { applied: done, current: last ? last.version : 0 };
}
