/** The candidate's own questions: written, saved from a session, or imported. */
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../../src-shared/errors';
import type { Category, Difficulty } from '../../../src-shared/domain';
import type { PrivateQuestion } from '../../../src-shared/questions';
import type { ServiceContext } from '../../core/context';
import type { Database, PrivateQuestionsTable } from '../../db/schema';
import type { ParsedRow } from './exchange';

type Db = Kysely<Database> | Transaction<Database>;

/** Two questions are the same when they differ only in case, spacing and punctuation. */
export const textKey = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export function privateOf(row: PrivateQuestionsTable): PrivateQuestion {
  return {
    id: row.id,
    text: row.text,
    category: row.category as Category,
    difficulty: row.difficulty as Difficulty,
    expectedPoints: JSON.parse(row.expected_points) as string[],
    timeLimitSec: row.time_limit_sec,
    skills: JSON.parse(row.skills) as string[],
    tags: JSON.parse(row.tags) as string[],
    role: row.role,
    origin: row.origin as PrivateQuestion['origin'],
    writtenBy: row.written_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const columns = (q: ParsedRow) => ({
  text: q.text,
  category: q.category,
  difficulty: q.difficulty,
  expected_points: JSON.stringify(q.expectedPoints),
  time_limit_sec: q.timeLimitSec,
  skills: JSON.stringify(q.skills),
  tags: JSON.stringify([...new Set(q.tags)]),
  role: q.role,
  text_key: textKey(q.text),
});

export async function listPrivate(
  ctx: ServiceContext,
  filter: { tag?: string; search?: string },
): Promise<PrivateQuestion[]> {
  let query = ctx.db.selectFrom('private_questions').selectAll().orderBy('created_at', 'desc').orderBy('id');
  if (filter.search)
    query = query.where('text_key', 'like', `%${textKey(filter.search).replace(/[%_]/g, '')}%`);
  const all = (await query.execute()).map(privateOf);
  return filter.tag ? all.filter((q) => q.tags.includes(filter.tag!)) : all;
}

async function existingKey(db: Db, key: string, exceptId?: string) {
  let q = db.selectFrom('private_questions').select('id').where('text_key', '=', key);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return q.executeTakeFirst();
}

export async function savePrivate(
  ctx: ServiceContext,
  input: { id?: string; question: ParsedRow; origin?: PrivateQuestion['origin'] },
): Promise<PrivateQuestion> {
  const now = ctx.now().toISOString();
  const cols = columns(input.question);
  if (await existingKey(ctx.db, cols.text_key, input.id))
    throw new AppError('CONFLICT', 'You already have this question in your bank.', { field: 'text' });
  if (input.id) {
    const result = await ctx.db
      .updateTable('private_questions')
      .set({ ...cols, updated_at: now })
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n)
      throw new AppError('NOT_FOUND', 'That question is no longer in your bank.');
    return getPrivate(ctx.db, input.id);
  }
  const id = ctx.newId();
  await ctx.db
    .insertInto('private_questions')
    .values({ id, ...cols, origin: input.origin ?? 'written', created_at: now, updated_at: now })
    .execute();
  return getPrivate(ctx.db, id);
}

export async function getPrivate(db: Db, id: string): Promise<PrivateQuestion> {
  const row = await db.selectFrom('private_questions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'That question is no longer in your bank.');
  return privateOf(row);
}

class Cancelled extends Error {}

/**
 * All rows or none: questions already in the bank (same text) are skipped and counted, not duplicated. Used for
 * imports and for the questions a model wrote; `keep` runs inside the transaction, last, and can still refuse
 * the whole batch (a cancelled generation writes nothing).
 */
export async function importRows(
  ctx: ServiceContext,
  rows: ParsedRow[],
  {
    origin = 'imported',
    writtenBy = null,
    keep = () => true,
  }: { origin?: 'imported' | 'generated'; writtenBy?: string | null; keep?: () => boolean } = {},
): Promise<{ imported: number; skipped: number }> {
  const now = ctx.now().toISOString();
  let imported = 0;
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      const seen = new Set(
        (await trx.selectFrom('private_questions').select('text_key').execute()).map((r) => r.text_key),
      );
      for (const row of rows) {
        const cols = columns(row);
        if (seen.has(cols.text_key)) continue;
        seen.add(cols.text_key);
        await trx
          .insertInto('private_questions')
          .values({
            id: ctx.newId(),
            ...cols,
            origin,
            written_by: writtenBy,
            created_at: now,
            updated_at: now,
          })
          .execute();
        imported++;
      }
      if (!keep()) throw new Cancelled();
    })
    .catch((err: unknown) => {
      if (!(err instanceof Cancelled)) throw err;
      imported = 0;
    });
  return { imported, skipped: rows.length - imported };
}
