import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-shared/errors';
import { appPaths } from '../paths';
import { tempDir } from '../../tests/support/runtime';
import { openSqlite } from './connection';
import { loadMigrations, migrate } from './migrator';

const tables = (db: ReturnType<typeof openSqlite>) =>
  (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);

function migrationsDir(files: Record<string, string>): string {
  const dir = join(tempDir(), 'migrations');
  mkdirSync(dir);
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(dir, name), sql);
  return dir;
}

describe('migrator', () => {
  it('builds a fresh database from the shipped migrations, with WAL and foreign keys on', () => {
    const db = openSqlite(join(tempDir(), 'fresh.sqlite'));
    const report = migrate(db, loadMigrations(appPaths().migrations));
    expect(report.applied[0]).toBe('0001_initial');
    expect(tables(db)).toEqual(
      expect.arrayContaining([
        'answers',
        'drafts',
        'profile',
        'schema_migrations',
        'session_questions',
        'sessions',
      ]),
    );
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });

  it('does nothing on the second start', () => {
    const file = join(tempDir(), 'twice.sqlite');
    const first = openSqlite(file);
    migrate(first, loadMigrations(appPaths().migrations));
    first.close();
    const second = openSqlite(file);
    const report = migrate(second, loadMigrations(appPaths().migrations));
    expect(report.applied).toEqual([]);
    expect((second.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get() as { n: number }).n).toBe(
      loadMigrations(appPaths().migrations).length,
    );
    second.close();
  });

  it('rolls a failing migration back completely and reports it', () => {
    const dir = migrationsDir({
      '0001_first.sql': 'CREATE TABLE a (id INTEGER PRIMARY KEY);',
      '0002_broken.sql':
        "CREATE TABLE b (id INTEGER PRIMARY KEY);\nINSERT INTO a (id) VALUES (1);\nINSERT INTO nowhere VALUES ('x');",
    });
    const db = openSqlite(join(tempDir(), 'broken.sqlite'));
    let error: unknown;
    try {
      migrate(db, loadMigrations(dir));
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('MIGRATION_FAILED');
    expect((error as AppError).message).toBe(
      'Could not upgrade your data: migration 0002_broken failed (no such table: nowhere). Nothing was changed by it.',
    );
    // 0001 stays applied; nothing of 0002 survives: no table b, no row in a, no record of 0002.
    expect(tables(db)).not.toContain('b');
    expect(db.prepare('SELECT COUNT(*) AS n FROM a').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT version FROM schema_migrations').all()).toEqual([{ version: 1 }]);
    db.close();
  });

  it('refuses a database written by a newer version', () => {
    const file = join(tempDir(), 'newer.sqlite');
    const db = openSqlite(file);
    migrate(db, loadMigrations(migrationsDir({ '0001_a.sql': 'SELECT 1;', '0002_b.sql': 'SELECT 1;' })));
    expect(() => migrate(db, loadMigrations(migrationsDir({ '0001_a.sql': 'SELECT 1;' })))).toThrow(
      'Your data was saved by a newer version of Rehearse (it has migration 0002_b, which this version does not know). Update Rehearse to open it.',
    );
    db.close();
  });

  it('refuses a migration edited after it was applied, but not one that only changed line endings', () => {
    const db = openSqlite(join(tempDir(), 'edited.sqlite'));
    migrate(db, loadMigrations(migrationsDir({ '0001_a.sql': 'CREATE TABLE t (x);\nSELECT 1;\n' })));
    expect(
      migrate(db, loadMigrations(migrationsDir({ '0001_a.sql': 'CREATE TABLE t (x);\r\nSELECT 1;\r\n' })))
        .applied,
    ).toEqual([]);
    expect(() => migrate(db, loadMigrations(migrationsDir({ '0001_a.sql': 'CREATE TABLE t (y);' })))).toThrow(
      'Migration 0001_a changed after it was applied to your data; refusing to continue.',
    );
    db.close();
  });

  it('rejects badly named and duplicate migration files', () => {
    expect(() => loadMigrations(migrationsDir({ '1_a.sql': '' }))).toThrow(
      'Migration file name 1_a.sql does not match NNNN_name.sql',
    );
    expect(() => loadMigrations(migrationsDir({ '0001_a.sql': '', '0001_b.sql': '' }))).toThrow(
      'Two migrations share version 1',
    );
  });
});
