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
