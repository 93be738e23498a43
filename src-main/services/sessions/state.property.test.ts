import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SessionStatus } from '../../../src-shared/domain';
import { ok, snapshot, testRuntime } from '../../../tests/support/runtime';

type Action =
  | { kind: 'submit'; text: string; wrongTurn: boolean }
  | { kind: 'skip' }
  | { kind: 'draft'; text: string }
  | { kind: 'pause' }
  | { kind: 'resume' }
  | { kind: 'end' };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    kind: fc.constant('submit' as const),
    text: fc.string({ minLength: 0, maxLength: 40 }),
    wrongTurn: fc.boolean(),
  }),
  fc.constant({ kind: 'skip' as const }),
  fc.record({ kind: fc.constant('draft' as const), text: fc.string({ maxLength: 30 }) }),
  fc.constant({ kind: 'pause' as const }),
  fc.constant({ kind: 'resume' as const }),
  fc.constant({ kind: 'end' as const }),
);

const LEGAL: Record<SessionStatus, SessionStatus[]> = {
  setup: ['active', 'abandoned'],
  active: ['active', 'paused', 'completed', 'abandoned'],
  paused: ['active', 'paused', 'completed', 'abandoned'],
  completed: ['completed'],
  abandoned: ['abandoned'],
};

describe('the session state machine', () => {
  it('never reaches an illegal state or loses an answer, whatever the candidate does', async () => {
    const runtime = await testRuntime();
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 14 }), async (actions) => {
        const created = await ok(runtime, 'sessions.create', {
          role: 'Sales',
          difficulty: 'Easy',
          questionCount: 4,
        });
        const kept = new Map<string, string>();
        let status: SessionStatus = created.status;
        for (const a of actions) {
          const s = await ok(runtime, 'sessions.get', { sessionId: created.id });
          const current = s.questions[s.currentPosition]!;
          const target =
            a.kind === 'submit' && a.wrongTurn ? s.questions[(s.currentPosition + 1) % 4]! : current;
          const before = snapshot(runtime);
          const result =
            a.kind === 'submit'
              ? await runtime.invoke('sessions.submitAnswer', {
                  sessionQuestionId: target.id,
                  text: a.text,
                  elapsedMs: 100,
                })
              : a.kind === 'skip'
                ? await runtime.invoke('sessions.skipQuestion', {
                    sessionQuestionId: current.id,
                    elapsedMs: 100,
                  })
                : a.kind === 'draft'
                  ? await runtime.invoke('sessions.saveDraft', {
                      sessionQuestionId: current.id,
                      text: a.text,
                      elapsedMs: 100,
                    })
                  : await runtime.invoke(`sessions.${a.kind}`, { sessionId: created.id });
          if (result.ok) {
            if (a.kind === 'submit') kept.set(target.id, a.text);
          } else {
            // A refusal is a known, typed error, and it changed nothing.
            expect(['CONFLICT', 'VALIDATION_ERROR']).toContain(result.error.code);
            expect(snapshot(runtime)).toBe(before);
          }
          const after = await ok(runtime, 'sessions.get', { sessionId: created.id });
          expect(LEGAL[status]).toContain(after.status);
          status = after.status;
          for (const [questionId, text] of kept)
            expect(after.questions.find((q) => q.id === questionId)?.answer?.text).toBe(text);
          expect(after.answeredCount).toBe(kept.size);
        }
      }),
      { numRuns: 60 },
    );
  });
});
