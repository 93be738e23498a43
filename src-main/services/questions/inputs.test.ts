import { describe, expect, it } from 'vitest';
import { testRuntime } from '../../../tests/support/runtime';
import { seedSessions, type SeedAnswer } from '../progress/seed';
import { weakCategories } from './inputs';

const at = (i: number) => new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString();

describe('weakCategories', () => {
  it('is empty before any scored answer', async () => {
    const runtime = await testRuntime();
    expect(await weakCategories(runtime.ctx)).toEqual([]);
  });

  it('lists categories averaging below 60 over the last 50 scored answers, with at least 3, weakest first', async () => {
    const runtime = await testRuntime();
    const answers = (list: SeedAnswer[]) => list;
    seedSessions(runtime.connection.sqlite, [
      // Old: 30 Coding answers at 10, pushed out of the window by the 50 newer ones below.
      {
        completedAt: at(0),
        answers: answers(Array.from({ length: 20 }, () => ({ category: 'Coding', overall: 10 }))),
      },
      {
        completedAt: at(1),
        answers: answers(Array.from({ length: 10 }, () => ({ category: 'Coding', overall: 10 }))),
      },
      {
        completedAt: at(2),
        answers: answers([
          // Behavioral: 50, 55, 58 -> 54.3 (weak)
          { category: 'Behavioral', overall: 50 },
          { category: 'Behavioral', overall: 55 },
          { category: 'Behavioral', overall: 58 },
          // System design: 40, 45, then a model's 90 over a builtin 20 -> 58.3 (weak, less so than Situational)
          { category: 'System_Design', overall: 40 },
          { category: 'System_Design', overall: 45 },
          { category: 'System_Design', overall: 20, model: 90 },
          // Situational: 30 and 35 -> too few answers to judge
          { category: 'Situational', overall: 30 },
          { category: 'Situational', overall: 35 },
          // Skipped answers have no score and do not count.
          { category: 'Situational', overall: null },
          { category: 'Domain_Specific', overall: 30 },
          { category: 'Domain_Specific', overall: 35 },
          { category: 'Domain_Specific', overall: 40 },
        ]),
      },
      // 39 Technical answers at 90 fill the rest of the window of 50.
      {
        completedAt: at(3),
        answers: answers(Array.from({ length: 20 }, () => ({ category: 'Technical', overall: 90 }))),
      },
      {
        completedAt: at(4),
        answers: answers(Array.from({ length: 19 }, () => ({ category: 'Technical', overall: 90 }))),
      },
    ]);
    expect(await weakCategories(runtime.ctx)).toEqual(['Domain_Specific', 'Behavioral', 'System_Design']);
  });
});
