import { randomInt } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { ServerDb } from './schema';

const PREFIX = 'User_';
const FIRST_WIDTH = 4;
const LAST_WIDTH = 8;
const RANDOM_TRIES = 8;

export const aliasOf = (n: number, digits: number): string => `${PREFIX}${String(n).padStart(digits, '0')}`;

/**
 * Picks a free alias and stores the device under it, in one insert that the unique index arbitrates (so replicas
 * racing for the same alias cannot both win). Aliases are `User_` and four random digits. A few random tries
 * first; when they all collide, the free four-digit aliases are listed and one is drawn from those; only when all
 * 10,000 are taken does it move to five digits (then six, …): registration keeps working as the service grows,
 * and nobody gets a longer alias while a four-digit one is free. `undefined` only if 10^8 aliases are taken.
 */
export async function insertWithFreeAlias(
  db: Kysely<ServerDb>,
  insert: (alias: string) => Promise<boolean>,
  fullWidths: Map<number, number>,
  now: number,
): Promise<string | undefined> {
  for (let digits = FIRST_WIDTH; digits <= LAST_WIDTH; digits++) {
    // a width seen full within the last minute is skipped (a stale hint only costs a longer alias)
    if ((fullWidths.get(digits) ?? 0) > now) continue;
    const space = 10 ** digits;
    for (let i = 0; i < RANDOM_TRIES; i++) {
      const alias = aliasOf(randomInt(space), digits);
      if (await insert(alias)) return alias;
    }
    if (space <= 100_000) {
      for (let round = 0; round < 3; round++) {
        const taken = new Set(
          (
            await db
              .selectFrom('devices')
              .select('alias')
              .where(sql<number>`length(alias)`, '=', PREFIX.length + digits)
              .execute()
          ).map((r) => r.alias),
        );
        if (taken.size >= space) break;
        const free: number[] = [];
        for (let n = 0; n < space; n++) if (!taken.has(aliasOf(n, digits))) free.push(n);
        const alias = aliasOf(free[randomInt(free.length)]!, digits);
        if (await insert(alias)) return alias;
      }
    }
    fullWidths.set(digits, now + 60_000);
  }
  return undefined;
}
