import type { Kysely, Transaction } from 'kysely';
import type { Dialect } from './db';
import type { ServerDb } from './schema';

/** A unit of writes. It must not throw for an expected refusal (return it instead) so its writes so far commit. */
export type Job<T> = (trx: Transaction<ServerDb>) => Promise<T>;

export interface Writer {
  run<T>(job: Job<T>): Promise<T>;
}

/** PostgreSQL: each job in its own transaction, many at once over the pool. */
export function transactionPerJob(db: Kysely<ServerDb>): Writer {
  return { run: (job) => db.transaction().execute(job) };
}

/**
 * SQLite has one writer and pays per commit (a WAL append of every page touched). So jobs that arrive together
 * (queued within the same turn of the event loop, up to `maxBatch`) run one after another in one transaction and
 * share its commit: group commit. Each caller still gets its own job's result or error. SQLite undoes only the
 * failing statement of a job that throws, so the others' writes stand; a failed COMMIT fails the whole group.
 */
export function groupCommit(db: Kysely<ServerDb>, maxBatch = 64): Writer {
  type Pending = { job: Job<unknown>; resolve: (v: unknown) => void; reject: (e: unknown) => void };
  const queue: Pending[] = [];
  let scheduled = false;
  let active = false;

  const runBatch = async (batch: Pending[]) => {
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      await db.transaction().execute(async (trx) => {
        for (const p of batch) {
          try {
            outcomes.push({ ok: true, value: await p.job(trx) });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    batch.forEach((p, i) => {
      const o = outcomes[i]!;
      if (o.ok) p.resolve(o.value);
      else p.reject(o.error);
    });
  };
  // One group at a time; whatever queued while it ran makes the next group.
  const drain = async () => {
    active = true;
    try {
      while (queue.length) await runBatch(queue.splice(0, maxBatch));
    } finally {
      active = false;
    }
  };
  return {
    run<T>(job: Job<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ job, resolve: resolve as (v: unknown) => void, reject });
        if (active || scheduled) return;
        scheduled = true;
        setImmediate(() => {
          scheduled = false;
          if (!active) void drain();
        });
      });
    },
  };
}

export function writerFor(db: Kysely<ServerDb>, dialect: Dialect): Writer {
  return dialect === 'sqlite' ? groupCommit(db) : transactionPerJob(db);
}
