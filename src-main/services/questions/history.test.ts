import { describe, expect, it } from 'vitest';
import { ok, testRuntime } from '../../../tests/support/runtime';
import { recentQuestionIds } from './inputs';

describe('no repeats across sessions', () => {
  it('never asks a question from the last 5 sessions, and forgets the sixth-oldest', async () => {
    let clock = Date.parse('2026-11-01T09:00:00Z');
    const runtime = await testRuntime({ now: () => new Date((clock += 60_000)) });
    const sessions: string[][] = [];
    for (let i = 0; i < 8; i++) {
      const recent = new Set(sessions.slice(-5).flat());
      const s = await ok(runtime, 'sessions.create', {
        role: 'Sales',
        difficulty: 'Easy',
        questionCount: 10,
      });
      const ids = s.questions.map((q) => q.questionId);
      for (const id of ids) expect(recent.has(id), `session ${i + 1} repeated ${id}`).toBe(false);
      sessions.push(ids);
    }
    expect(await recentQuestionIds(runtime.ctx)).toEqual(new Set(sessions.slice(-5).flat()));
  });

  it('records where each question came from and why', async () => {
    const runtime = await testRuntime();
    const s = await ok(runtime, 'sessions.create', {
      role: 'Backend Engineer',
      difficulty: 'Medium',
      questionCount: 5,
      companyId: 'gitlab',
    });
    expect(s.questions.some((q) => q.source === 'company' && q.reason.startsWith('GitLab states'))).toBe(
      true,
    );
    for (const q of s.questions) expect(q.reason).not.toBe('');
    const again = await ok(runtime, 'sessions.get', { sessionId: s.id });
    expect(again.questions.map((q) => [q.source, q.reason])).toEqual(
      s.questions.map((q) => [q.source, q.reason]),
    );
  });
  it('tells the setup screen when recent sessions leave the bank short, and allows repeats on request', async () => {
    const runtime = await testRuntime();
    const plan = {
      role: 'Sales',
      difficulty: 'Expert' as const,
      questionCount: 12,
      categories: ['Domain_Specific' as const],
    };
    const first = await ok(runtime, 'questions.plan', plan);
    const atLevel = first.questions.filter((q) => q.difficulty === 'Expert').length;
    const session = await ok(runtime, 'sessions.create', plan);
    const seen = session.questions.filter((q) => q.difficulty === 'Expert').length;
    expect(seen).toBe(atLevel);
    const after = await ok(runtime, 'questions.plan', plan);
    expect(after.notice?.message).toMatch(
      /^(No|Only \d+) Expert domain specific questions for Sales left that you have not seen in your last 5 sessions; /,
    );
    expect(after.notice?.repeatable).toBe(seen);
    const repeats = await ok(runtime, 'questions.plan', { ...plan, allowRepeats: true });
    expect(repeats.questions.filter((q) => q.difficulty === 'Expert').length).toBe(atLevel);
    expect(repeats.notice?.repeatable ?? 0).toBe(0);
  });
});
