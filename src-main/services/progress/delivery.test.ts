// Delivery trends through the real runtime: recordings heard, answers submitted, typed and skipped ones left out.
import { describe, expect, it } from 'vitest';
import { ok, testRuntime } from '../../../tests/support/runtime';
import type { Runtime } from '../../core/runtime';
import { analyseDelivery } from '../voice/delivery';
import { Recordings } from '../voice/recordings';

const ANSWER = 'I led the billing migration: we moved four million records without downtime in three months.';

/** A spoken answer to question `index`: a second of audio, then a transcript of `words` words over `seconds`. */
async function speakAnswer(
  runtime: Runtime,
  sessionQuestionId: string,
  words: number,
  seconds: number,
  pauses: number,
) {
  const { recordingId } = await ok(runtime, 'voice.start', { sessionQuestionId });
  await ok(runtime, 'voice.append', { recordingId, seq: 0, pcm: Buffer.alloc(32_000).toString('base64') });
  await ok(runtime, 'voice.stop', { recordingId });
  const text = Array.from({ length: words }, (_, i) => (i % 10 === 0 ? 'um,' : 'word')).join(' ');
  // speech in stretches of a second with `pauses` silences of 2.5 s between them
  const segments = Array.from({ length: pauses + 1 }, (_, i) => ({ start: i * 3.5, end: i * 3.5 + 1 }));
  const delivery = analyseDelivery({
    durationSec: seconds,
    segments,
    transcript: { text, words: [], transcriber: 'test' },
    limitSec: 120,
  });
  await new Recordings(runtime.ctx).saveTranscript(recordingId, {
    text,
    words: [],
    transcriber: 'test',
    delivery,
  });
}

describe('delivery trends', () => {
  it('has a point per spoken answer, oldest first, and none for typed or skipped answers', async () => {
    const runtime = await testRuntime();
    expect(await ok(runtime, 'progress.delivery', {})).toEqual({ answers: [] });
    const s = await ok(runtime, 'sessions.create', { role: 'Sales', difficulty: 'Easy', questionCount: 4 });
    const [q1, q2, q3, q4] = s.questions.map((q) => q.id);
    await speakAnswer(runtime, q1!, 120, 60, 2);
    await ok(runtime, 'sessions.submitAnswer', { sessionQuestionId: q1!, text: ANSWER, elapsedMs: 60_000 });
    // typed
    await ok(runtime, 'sessions.submitAnswer', { sessionQuestionId: q2!, text: ANSWER, elapsedMs: 60_000 });
    // recorded, then skipped
    await speakAnswer(runtime, q3!, 50, 30, 0);
    await ok(runtime, 'sessions.skipQuestion', { sessionQuestionId: q3!, elapsedMs: 30_000 });
    await speakAnswer(runtime, q4!, 90, 30, 0);
    await ok(runtime, 'sessions.submitAnswer', { sessionQuestionId: q4!, text: ANSWER, elapsedMs: 30_000 });

    const { answers } = await ok(runtime, 'progress.delivery', {});
    expect(answers).toEqual([
      {
        sessionId: s.id,
        at: expect.any(String),
        question: s.questions[0]!.text,
        rate: 120,
        fillersPerMinute: 12,
        longPauses: 2,
      },
      {
        sessionId: s.id,
        at: expect.any(String),
        question: s.questions[3]!.text,
        rate: 180,
        fillersPerMinute: 18,
        longPauses: 0,
      },
    ]);
    expect(answers[0]!.at <= answers[1]!.at).toBe(true);
  });

  it('reads sealed figures under the passphrase', async () => {
    const runtime = await testRuntime();
    await ok(runtime, 'vault.enable', { passphrase: 'Correct-Horse-9', confirm: 'Correct-Horse-9' });
    const s = await ok(runtime, 'sessions.create', { role: 'Sales', difficulty: 'Easy', questionCount: 1 });
    await speakAnswer(runtime, s.questions[0]!.id, 60, 30, 1);
    await ok(runtime, 'sessions.submitAnswer', {
      sessionQuestionId: s.questions[0]!.id,
      text: ANSWER,
      elapsedMs: 1,
    });
    expect((await ok(runtime, 'progress.delivery', {})).answers).toMatchObject([
      { rate: 120, fillersPerMinute: 12, longPauses: 1 },
    ]);
  });
});
