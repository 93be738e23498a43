import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, DIFFICULTIES, GENERAL_ROLE, ROLES } from '../../../src-shared/domain';
import { appPaths } from '../../paths';
import { loadBank } from './bank';

const bank = loadBank(join(appPaths().resources, 'questions'));
const normalise = (t: string) =>
  t
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

describe('the shipped question bank', () => {
  it('holds at least 1,150 valid questions with unique ids and texts', () => {
    expect(bank.all.length).toBeGreaterThanOrEqual(1150);
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

  it('gives every role at least 20 of its own questions at Medium, Hard and Expert', () => {
    // A daily practiser at one difficulty sees up to 5 sessions' worth before repeats are allowed again.
    const counts = Object.fromEntries(
      ROLES.map((role) => [
        role,
        Object.fromEntries(
          DIFFICULTIES.map((d) => [d, bank.all.filter((q) => q.role === role && q.difficulty === d).length]),
        ),
      ]),
    );
    const short = Object.entries(counts).flatMap(([role, byLevel]) =>
      (['Medium', 'Hard', 'Expert'] as const)
        .filter((d) => byLevel[d]! < 20)
        .map((d) => `${role} ${d}: ${byLevel[d]}`),
    );
    expect(short).toEqual([]);
    for (const role of ROLES) expect(counts[role]!.Easy, role).toBeGreaterThanOrEqual(6);
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
