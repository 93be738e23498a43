import { type Kysely } from 'kysely';

// Written with kysely's schema builder and portable column types: `bigint` and `double precision` are real
// types in PostgreSQL and get INTEGER and REAL affinity in SQLite.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('devices')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('secret', 'varchar(64)', (c) => c.notNull())
    .addColumn('alias', 'varchar(16)', (c) => c.notNull().unique())
    .addColumn('public', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('scores')
    .addColumn('device_id', 'varchar(36)', (c) => c.notNull().references('devices.id').onDelete('cascade'))
    .addColumn('client_session_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('role', 'varchar(80)', (c) => c.notNull())
    .addColumn('difficulty', 'varchar(16)', (c) => c.notNull())
    .addColumn('overall_score', 'double precision', (c) => c.notNull())
    .addColumn('content_quality', 'double precision', (c) => c.notNull())
    .addColumn('clarity', 'double precision', (c) => c.notNull())
    .addColumn('confidence', 'double precision', (c) => c.notNull())
    .addColumn('technical_accuracy', 'double precision', (c) => c.notNull())
    .addColumn('question_count', 'integer', (c) => c.notNull())
    .addColumn('duration_sec', 'integer')
    .addColumn('completed_at', 'bigint', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('scores_pk', ['device_id', 'client_session_id'])
    .execute();
  // Few indexes, as each one is written on every insert. The board, the cohort and the top 10%'s practice read
  // one role's rows, often since a time, by device and score: one covering index serves them all. The 50-a-day
  // check counts one device's rows by completion time.
  await db.schema
    .createIndex('scores_role_completed')
    .on('scores')
    .columns(['role', 'completed_at', 'device_id', 'overall_score'])
    .execute();
  await db.schema
    .createIndex('scores_device_completed')
    .on('scores')
    .columns(['device_id', 'completed_at'])
    .execute();

  // Keyed by expiry first: a replay carries the same X-Timestamp (the signature covers it), so the pair identifies
  // it exactly, while new rows land at the end of the index instead of at random places in it (fewer pages written
  // per commit), and the sweep of expired rows reads the index from its start.
  await db.schema
    .createTable('seen_signatures')
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('signature', 'varchar(64)', (c) => c.notNull())
    .addPrimaryKeyConstraint('seen_signatures_pk', ['expires_at', 'signature'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('seen_signatures').execute();
  await db.schema.dropTable('scores').execute();
  await db.schema.dropTable('devices').execute();
}
