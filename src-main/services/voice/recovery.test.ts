// A recording cut short by a crash, found again after its question moved on (the session ended, or the question
// was answered by typing): offered on the next start, transcribed into that session's review, or discarded, and
// never dropped on the way. Real runtime, real files, the cloud transcriber faked on 127.0.0.1.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { offeredOutsideRoom, recoveredText, recoveryText, type Recording } from '../../../src-shared/voice';
import { fakeTranscriberSettings, startFakeTranscriber } from '../../../tests/support/fake-transcriber';
import { memorySecrets } from '../../../tests/support/memory-secrets';
import { ok, onExit, tempDir, testRuntime } from '../../../tests/support/runtime';
import { requireSpeechTools, speak, type Spoken } from '../../../tests/support/speech';
import type { Runtime } from '../../core/runtime';
import { AUDIO_DIR, audioFileName } from './audio-file';

const KEY = 'sk-test-recovery-0123456789';
const SAID = 'I led the billing migration and we moved four million records without downtime.';

// Speech, not a tone: a recording in which the voice-activity detector hears nobody is not transcribed.
let speech: Spoken;
beforeAll(() => {
  requireSpeechTools();
  speech = speak([SAID]);
});

/** A session of two questions whose first is being recorded (3 seconds) when the host dies. */
async function cutShort(dataDir: string) {
  const first = await testRuntime({ dataDir });
  const s = await ok(first, 'sessions.create', {
    role: 'Backend Engineer',
    difficulty: 'Medium',
    questionCount: 2,
  });
  const q = s.questions[0]!.id;
  const { recordingId } = await ok(first, 'voice.start', { sessionQuestionId: q });
  for (let seq = 0; seq < 3; seq++)
    await ok(first, 'voice.append', {
      recordingId,
      seq,
      pcm: speech.pcm.subarray(seq * 32_000, (seq + 1) * 32_000).toString('base64'),
    });
  // no stop: the host is gone
  await first.close();
  return { sessionId: s.id, sessionQuestionId: q, recordingId };
}

async function withTranscriber(dataDir: string) {
  const fake = await startFakeTranscriber(KEY);
  fake.behaviour.answer = { text: SAID, words: [] };
  onExit(() => fake.close());
  const runtime = await testRuntime({ dataDir, secrets: memorySecrets() });
  await ok(runtime, 'ai.settings.save', fakeTranscriberSettings(fake.url));
  await ok(runtime, 'ai.cloud.saveKey', { key: KEY });
  return runtime;
}

const pendingOf = async (runtime: Runtime): Promise<Recording[]> => ok(runtime, 'voice.pending', {});

describe('a recording cut short by a crash, after its question moved on', () => {
  it('is offered on the next start when its session has ended, kept through pruning, and transcribed into the review', async () => {
    const dataDir = tempDir();
    const cut = await cutShort(dataDir);
    const runtime = await withTranscriber(dataDir);
    // the candidate ended the session without going back to the recording
    await ok(runtime, 'sessions.end', { sessionId: cut.sessionId });

    const [offered, ...others] = await pendingOf(runtime);
    expect(others).toEqual([]);
    expect(offered).toMatchObject({
      id: cut.recordingId,
      status: 'saved',
      durationMs: 3000,
      sessionOpen: false,
      answered: false,
      questionPosition: 0,
    });
    expect(offeredOutsideRoom(offered!)).toBe(true);
    expect(recoveryText(offered!)).toBe(
      "Saved when Rehearse closed: 0:03 of your spoken answer to question 1 of a Backend Engineer session that has ended since. Transcribe it to add what you said and how you sounded to that session's review, or discard it.",
    );

    // keeping no audio after transcription does not touch audio that was never transcribed
    await ok(runtime, 'voice.settings.save', {
      keepAudio: 0,
      readAloud: 'mock',
      voiceName: '',
      speechRate: 1,
    });
    expect((await pendingOf(runtime)).map((r) => r.id)).toEqual([cut.recordingId]);
    expect(existsSync(join(dataDir, AUDIO_DIR, audioFileName(cut.recordingId)))).toBe(true);

    const result = await ok(runtime, 'voice.transcribe', {
      recordingId: cut.recordingId,
      requestId: randomUUID(),
    });
    expect(result.transcribed).toBe(true);
    expect(recoveredText(result.recording, result.notes)).toBe(
      "Transcribed. What you said and how you sounded are now with question 1 in that session's review.",
    );
    expect(await pendingOf(runtime)).toEqual([]);
    // the review has it on its question, which stays unanswered: the ended session's scores are not changed
    const review = await ok(runtime, 'sessions.get', { sessionId: cut.sessionId });
    expect(review.status).toBe('abandoned');
    expect(review.questions[0]!.answer).toBeNull();
    expect(review.questions[0]!.spoken).toMatchObject({ recordingId: cut.recordingId, transcript: SAID });
    expect(review.questions[0]!.spoken!.delivery!.figures.map((f) => f.id)).toContain('rate');
    expect(review.questions[1]!.spoken).toBeNull();
  });

  it('is offered when its question was answered by typing instead, and can be discarded with its audio', async () => {
    const dataDir = tempDir();
    const cut = await cutShort(dataDir);
    const runtime = await testRuntime({ dataDir });
    await ok(runtime, 'sessions.submitAnswer', {
      sessionQuestionId: cut.sessionQuestionId,
      text: 'I typed this answer after Rehearse restarted, about the billing migration I led.',
      elapsedMs: 60_000,
    });
    const [offered] = await pendingOf(runtime);
    expect(offered).toMatchObject({ id: cut.recordingId, sessionOpen: true, answered: true });
    expect(offeredOutsideRoom(offered!)).toBe(true);
    expect(recoveryText(offered!)).toBe(
      "Saved when Rehearse closed: 0:03 of your spoken answer to question 1 of your Backend Engineer session, which you have answered since. Transcribe it to add what you said and how you sounded to that session's review, or discard it.",
    );

    // with nothing set up to transcribe, it stays, and the screen says why
    const untried = await ok(runtime, 'voice.transcribe', {
      recordingId: cut.recordingId,
      requestId: randomUUID(),
    });
    expect(untried.transcribed).toBe(false);
    // (the note names the providers the AI runtime knows; it changes when one is added)
    expect(recoveredText(untried.recording, untried.notes)).toBe(
      'Not transcribed yet. No speech-to-text is set up: download a Whisper model in Settings → AI coach → Models inside Rehearse, or switch on a cloud provider that transcribes (OpenAI, Groq or an OpenAI-compatible address). The recording is kept here until you transcribe or discard it.',
    );
    expect((await pendingOf(runtime)).map((r) => r.id)).toEqual([cut.recordingId]);

    expect(await ok(runtime, 'voice.discard', { recordingId: cut.recordingId })).toEqual({ deleted: true });
    expect(await pendingOf(runtime)).toEqual([]);
    expect(existsSync(join(dataDir, AUDIO_DIR, audioFileName(cut.recordingId)))).toBe(false);
  });

  it('is left to the practice room while its question still waits for an answer', async () => {
    const dataDir = tempDir();
    const cut = await cutShort(dataDir);
    const runtime = await testRuntime({ dataDir });
    const [offered] = await pendingOf(runtime);
    expect(offered).toMatchObject({ id: cut.recordingId, sessionOpen: true, answered: false });
    expect(offeredOutsideRoom(offered!)).toBe(false);
  });
});
