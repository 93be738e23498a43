import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { type ServerDatabase, migrateToLatest, openDatabase } from './db';
import { groupCommit } from './writes';

describe('group commit (SQLite)', () => {
  let database: ServerDatabase | undefined;
  afterEach(async () => {
    await database?.close();
  });
  const open = async () => {
    database = openDatabase({ dialect: 'sqlite', file: ':memory:' });
    await migrateToLatest(database.db);
    return database.db;
  };
  const insert = (signature: string) =>
    sql`INSERT INTO seen_signatures (signature, expires_at) VALUES (${signature}, 1)`;

  it('runs jobs queued together in one transaction, each caller getting its own outcome', async () => {
    const db = await open();
    const writer = groupCommit(db);
    const txids: unknown[] = [];
    const results = await Promise.allSettled(
      ['a', 'b', 'a', 'c'].map((s, i) =>
        writer.run(async (trx) => {
          txids.push(trx);
          await insert(s).execute(trx);
          return i;
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(new Set(txids).size).toBe(1);
    const rows = await db.selectFrom('seen_signatures').select('signature').orderBy('signature').execute();
    // the failing job's statement was undone; the others' writes committed
    expect(rows.map((r) => r.signature)).toEqual(['a', 'b', 'c']);
  });

  it('starts a new group for jobs that arrive while one runs, and caps a group', async () => {
    const db = await open();
    const writer = groupCommit(db, 2);
    const groups: unknown[] = [];
    await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        writer.run(async (trx) => {
          groups.push(trx);
          await insert(`s${i}`).execute(trx);
        }),
      ),
    );
    expect(new Set(groups).size).toBe(3);
    const late = writer.run(async () => 'late');
    expect(await late).toBe('late');
  });
});
