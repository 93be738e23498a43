import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { PLAIN, type Codec } from '../vault/columns';

export type CacheKind = 'questions' | 'evaluation';

/** Question sets are reusable for a month; evaluations for a week (rubrics and models move faster). */
export const CACHE_TTL_MS: Record<CacheKind, number> = {
  questions: 30 * 24 * 3600 * 1000,
  evaluation: 7 * 24 * 3600 * 1000,
};

/** Answers that differ only in spacing, case or punctuation are the same answer. */
export const normaliseAnswer = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export const fingerprint = (text: string): string =>
  createHash('sha256').update(text).digest('hex').slice(0, 32);

/** What makes two question-set requests the same: role, difficulty, count, categories (sorted), résumé, job, model. */
export function questionSetKey(k: {
  role: string;
  difficulty: string;
  count: number;
  categories: string[];
  resumeFingerprint: string | null;
  jobFingerprint: string | null;
  provider: string;
  model: string | null;
}): string {
  return fingerprint(
    JSON.stringify([
      k.role,
      k.difficulty,
      k.count,
      [...k.categories].sort(),
      k.resumeFingerprint,
      k.jobFingerprint,
      k.provider,
      k.model,
    ]),
  );
}

/** What makes two evaluations the same: the normalised answer, the question, the rubric version and the model. */
export function evaluationKey(k: {
  answer: string;
  question: string;
  rubricVersion: string;
  provider: string;
  model: string | null;
}): string {
  return fingerprint(
    JSON.stringify([normaliseAnswer(k.answer), k.question, k.rubricVersion, k.provider, k.model]),
  );
}

/** A SQLite cache of generated question sets and evaluations, with hit and miss counters and expiry. */
export class AiCache {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
    private readonly codec: Codec = PLAIN,
  ) {}

  async get<T>(kind: CacheKind, key: string): Promise<T | null> {
    const row = await this.db
      .selectFrom('ai_cache')
      .select(['value', 'expires_at'])
      .where('kind', '=', kind)
      .where('key', '=', key)
      .executeTakeFirst();
    const hit = row !== undefined && row.expires_at > this.now().toISOString();
    await this.db
      .updateTable('ai_cache_stats')
      .set((eb) => (hit ? { hits: eb('hits', '+', 1) } : { misses: eb('misses', '+', 1) }))
      .where('kind', '=', kind)
      .execute();
    return hit ? (JSON.parse(this.codec.open('ai_cache.value', row.value)) as T) : null;
  }

  async put(
    kind: CacheKind,
    key: string,
    value: unknown,
    provider: string,
    model: string | null,
  ): Promise<void> {
    const now = this.now();
    const row = {
      value: this.codec.seal('ai_cache.value', JSON.stringify(value)),
      provider,
      model,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + CACHE_TTL_MS[kind]).toISOString(),
    };
    await this.db
      .insertInto('ai_cache')
      .values({ kind, key, ...row })
      .onConflict((oc) => oc.columns(['kind', 'key']).doUpdateSet(row))
      .execute();
  }

  /** The cached value, or `compute()`'s, stored when it came from a model (builtin answers are instant anyway). */
  async getOrCompute<T>(
    kind: CacheKind,
    key: string,
    compute: () => Promise<{ value: T; provider: string; model: string | null }>,
  ): Promise<{ value: T; provider: string; model: string | null; cached: boolean }> {
    const hit = await this.get<{ value: T; provider: string; model: string | null }>(kind, key);
    if (hit) return { ...hit, cached: true };
    const fresh = await compute();
    if (fresh.provider !== 'builtin') await this.put(kind, key, fresh, fresh.provider, fresh.model);
    return { ...fresh, cached: false };
  }

  async purgeExpired(): Promise<number> {
    const res = await this.db
      .deleteFrom('ai_cache')
      .where('expires_at', '<=', this.now().toISOString())
      .executeTakeFirst();
    return Number(res.numDeletedRows);
  }
}
