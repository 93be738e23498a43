import { CATEGORIES, type Category } from '../../../src-shared/domain';
import type { PlannedQuestion } from '../../../src-shared/questions';

export type Random = () => number;

/** Questions from this many recent sessions are not asked again, so practice stays fresh. */
export const NO_REPEAT_SESSIONS = 5;

/** A question that may be chosen, whatever wrote it; `weight` multiplies its chance inside its category. */
export interface Candidate extends PlannedQuestion {
  weight: number;
}

/**
 * How a set without chosen categories is mixed: mostly technical, then behavioural and situational. Roles
 * whose bank has no coding or system design questions simply get none; their share goes to the rest.
 */
export const DEFAULT_MIX: Record<Category, number> = {
  Technical: 3,
  Behavioral: 2,
  Situational: 2,
  Domain_Specific: 1,
  System_Design: 1,
  Coding: 1,
};

/** Weak categories get this much more of the set. */
export const WEAK_BOOST = 1.75;

/**
 * Splits `count` slots between categories in proportion to `weights` (largest remainder, ties broken at
 * random), never giving a category more slots than it has candidates; unfillable slots move to the others.
 */
export function allocate(
  weights: Partial<Record<Category, number>>,
  available: Partial<Record<Category, number>>,
  count: number,
  random: Random,
): Map<Category, number> {
  const quota = new Map<Category, number>();
  let left = count;
  let open = CATEGORIES.filter((c) => (weights[c] ?? 0) > 0 && (available[c] ?? 0) > 0);
  while (left > 0 && open.length > 0) {
    const total = open.reduce((s, c) => s + weights[c]!, 0);
    const shares = open.map((c) => ({ c, exact: (weights[c]! / total) * left }));
    const round = new Map<Category, number>(shares.map((s) => [s.c, Math.floor(s.exact)]));
    let rest = left - [...round.values()].reduce((a, b) => a + b, 0);
    // Remainders are drawn in proportion to their fractions, so small weights still win a slot sometimes.
    const fractions = shares.map((s) => ({ c: s.c, f: s.exact - Math.floor(s.exact) }));
    while (rest > 0) {
      const total = fractions.reduce((s, x) => s + x.f, 0);
      let pick = fractions[0]!;
      if (total > 0) {
        let r = random() * total;
        for (const x of fractions) {
          pick = x;
          if ((r -= x.f) < 0) break;
        }
      }
      round.set(pick.c, round.get(pick.c)! + 1);
      pick.f = 0;
      rest--;
      if (fractions.every((x) => x.f === 0)) for (const x of fractions) x.f = 1;
    }
    left = 0;
    for (const c of open) {
      const room = (available[c] ?? 0) - (quota.get(c) ?? 0);
      const take = Math.min(room, round.get(c)!);
      quota.set(c, (quota.get(c) ?? 0) + take);
      left += round.get(c)! - take;
    }
    open = open.filter((c) => (available[c] ?? 0) > (quota.get(c) ?? 0));
  }
  return quota;
}

/** Weighted sampling without replacement (Efraimidis–Spirakis): each item's key is u^(1/w); highest keys win. */
export function weightedSample<T extends { weight: number }>(
  items: readonly T[],
  n: number,
  random: Random,
): T[] {
  return items
    .filter((i) => i.weight > 0)
    .map((item) => ({ item, key: Math.pow(random(), 1 / item.weight) }))
    .sort((a, b) => b.key - a.key)
    .slice(0, n)
    .map((x) => x.item);
}

const TECHNICAL_GROUP: Category[] = ['Technical', 'Coding', 'System_Design', 'Domain_Specific'];

/**
 * Orders a set like an interview: technical, then behavioural, then situational, round and round. When the
 * candidate picked categories, their order is kept instead.
 */
export function orderForInterview<T extends { category: Category }>(
  items: readonly T[],
  picked: Category[],
): T[] {
  const groups: Category[][] =
    picked.length > 0 ? picked.map((c) => [c]) : [TECHNICAL_GROUP, ['Behavioral'], ['Situational']];
  const queues = groups.map((g) =>
    items.filter((q) => g.includes(q.category)).sort((a, b) => g.indexOf(a.category) - g.indexOf(b.category)),
  );
  const out: T[] = [];
  while (queues.some((q) => q.length > 0)) for (const q of queues) if (q.length > 0) out.push(q.shift()!);
  // Anything in a category outside the groups (only possible with picked categories) keeps its place at the end.
  return [...out, ...items.filter((q) => !out.includes(q))];
}
