import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/support/runtime';
import { openSqlite } from './connection';

const nodeBuild = join(
  dirname(createRequire(__filename).resolve('better-sqlite3/package.json')),
  'build',
  'Release',
  'better_sqlite3.node',
);

describe('opening the database', () => {
  it('can load better-sqlite3 from a given native build (how the Electron shell loads its own)', () => {
    const db = openSqlite(join(tempDir(), 'a.sqlite'), nodeBuild);
    expect(db.prepare('SELECT 41 + 1 AS n').get()).toEqual({ n: 42 });
    db.close();
  });

  it('fails loudly on a native build that is not one', () => {
    expect(() => openSqlite(join(tempDir(), 'b.sqlite'), join(tempDir(), 'nothing.node'))).toThrow();
  });
});
