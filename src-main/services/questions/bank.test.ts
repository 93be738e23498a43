import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, DIFFICULTIES, GENERAL_ROLE, ROLES } from '../../../src-shared/domain';
import { appPaths } from '../../paths';
import { loadBank, selectQuestions } from './bank';

const bank = loadBank(join(appPaths().resources, 'questions'));
const seeded = (seed: number) => () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const normalise = (t: string) =>
  t
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

describe('the shipped question bank', () => {
  it('holds at least 800 valid questions with unique ids and texts', () => {
    expect(bank.all.length).toBeGreaterThanOrEqual(800);
    expect(new Set(bank.all.map((q) => q.id)).size).toBe(bank.all.length);
    expect(new Set(bank.all.map((q) => normalise(q.text))).size).toBe(bank.all.length);
  });

  it('covers every role in the catalogue plus the general set, each at every difficulty', () => {
    expect([...bank.roles].sort()).toEqual([...ROLES, GENERAL_ROLE].sort());
    for (const role of ROLES) {
      const own = bank.all.filter((q) => q.role === role);
      expect(new Set(own.map((q) => q.difficulty)), role).toEqual(new Set(DIFFICULTIES));
    }
  });

  it('asks every kind of question, with a general behavioural set for every role', () => {
    expect(new Set(bank.all.map((q) => q.category))).toEqual(new Set(CATEGORIES));
    const general = bank.all.filter((q) => q.role === GENERAL_ROLE);
    expect(
      general.filter((q) => q.category === 'Behavioral' || q.category === 'Situational').length,
    ).toBeGreaterThanOrEqual(50);
  });

  it('uses only known categories and ids prefixed by their role file', () => {
    for (const q of bank.all) {
      expect(CATEGORIES).toContain(q.category);
      const slug = q.role
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
      expect(q.id.startsWith(`${slug}-`), q.id).toBe(true);
    }
  });
});

describe('choosing questions', () => {
  it('gives the number asked for, from the role and the general set, nearest the difficulty first', () => {
    const picked = selectQuestions(bank, {
      role: 'Backend Engineer',
      difficulty: 'Hard',
      count: 6,
      random: seeded(1),
    });
    expect(picked).toHaveLength(6);
    expect(new Set(picked.map((q) => q.id)).size).toBe(6);
    for (const q of picked) expect(['Backend Engineer', GENERAL_ROLE]).toContain(q.role);
    const pool = bank.all.filter(
      (q) => (q.role === 'Backend Engineer' || q.role === GENERAL_ROLE) && q.difficulty === 'Hard',
    );
    if (pool.length >= 6) for (const q of picked) expect(q.difficulty).toBe('Hard');
  });

  it('interleaves categories instead of grouping them', () => {
    const picked = selectQuestions(bank, {
      role: 'Software Engineer',
      difficulty: 'Medium',
      count: 8,
      random: seeded(7),
    });
    const repeats = picked.filter((q, i) => i > 0 && picked[i - 1]!.category === q.category).length;
    const tally = new Map<string, number>();
    for (const q of picked) tally.set(q.category, (tally.get(q.category) ?? 0) + 1);
    const counts = [...tally.values()].sort((a, b) => b - a);
    expect(counts.length).toBeGreaterThan(1);
    // Neighbours repeat a category only once every other category has run out.
    expect(repeats).toBeLessThanOrEqual(Math.max(0, counts[0]! - (counts[1] ?? 0)));
  });

  it('serves a role the bank does not know from the general set first', () => {
    const picked = selectQuestions(bank, {
      role: 'Lighthouse keeper',
      difficulty: 'Easy',
      count: 3,
      random: seeded(3),
    });
    expect(picked).toHaveLength(3);
    for (const q of picked) expect(q.role).toBe(GENERAL_ROLE);
  });

  it('stops at the size of the bank', () => {
    expect(selectQuestions(bank, { role: 'Sales', difficulty: 'Easy', count: 100_000 })).toHaveLength(
      bank.all.length,
    );
  });
});
