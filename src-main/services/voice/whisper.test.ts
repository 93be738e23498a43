// A spoken answer transcribed by the in-app Whisper model: downloaded from a hub on 127.0.0.1 (progress,
// checksum), then run by the real transformers.js pipeline on espeak-ng speech, through voice.transcribe.
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeHub, type FakeHub } from '../../../tests/support/fake-hub';
import { ok, tempDir, testRuntime } from '../../../tests/support/runtime';
import { recordAnswer, requireSpeechTools, speak, type Spoken } from '../../../tests/support/speech';
import { buildTinyWhisperModel, TINY_WHISPER_HEARD } from '../../../tests/support/tiny-whisper-model';
import type { Runtime } from '../../core/runtime';
import { KNOWN_MODELS } from '../ai/models';
import { WHISPER_FILLER_NOTE } from '../ai/whisper';

const spec = KNOWN_MODELS.find((m) => m.task === 'transcribe')!;
const SAID = 'Um, I led the billing migration.';
const NOTHING =
  'No speech-to-text is set up: download a Whisper model in Settings → AI coach → Models inside Rehearse, or switch on a cloud provider that transcribes (OpenAI, Groq or an OpenAI-compatible address).';

let speech: Spoken;
let hub: FakeHub;
const previousHub = process.env.REHEARSE_HF_HUB;

beforeAll(async () => {
  requireSpeechTools();
  speech = speak([{ pause: 0.5 }, SAID, { pause: 2.3 }, 'We moved four million records.']);
  // The offered English model's files on the hub are the tiny model's (the quantized names hold fp32 graphs).
  const { root } = await buildTinyWhisperModel(tempDir(), spec.id);
  hub = await startFakeHub();
  for (const f of spec.files)
    hub.files.set(`${spec.id}/${f.path}`, readFileSync(join(root, f.path.replace('_quantized', ''))));
  process.env.REHEARSE_HF_HUB = hub.url;
});

afterAll(async () => {
  process.env.REHEARSE_HF_HUB = previousHub;
  if (previousHub === undefined) delete process.env.REHEARSE_HF_HUB;
  await hub.close();
});

const recorded = (runtime: Runtime) => recordAnswer(runtime, speech.pcm);

const whisperStatus = async (runtime: Runtime) =>
  (await ok(runtime, 'ai.status', {})).providers.find((p) => p.id === 'whisper');

describe('Whisper in Rehearse for spoken answers', () => {
  it('is downloaded once with progress, then transcribes on this computer with word timings', async () => {
    const runtime = await testRuntime();
    expect(await whisperStatus(runtime)).toMatchObject({
      label: 'In-app speech to text (Whisper)',
      configured: false,
      reason: 'not downloaded — Settings → AI coach → Models inside Rehearse → Download',
    });
    const offered = (await ok(runtime, 'ai.models.list', {})).filter((m) => m.task === 'transcribe');
    expect(offered.map((m) => [m.id, m.state])).toEqual([
      ['onnx-community/whisper-tiny.en_timestamped', 'missing'],
      ['onnx-community/whisper-base_timestamped', 'missing'],
    ]);

    const requestId = randomUUID();
    const fractions: (number | null)[] = [];
    runtime.subscribe((event, payload) => {
      const p = payload as { requestId: string; fraction: number | null };
      if (event === 'ai.progress' && p.requestId === requestId) fractions.push(p.fraction);
    });
    expect(await ok(runtime, 'ai.models.download', { requestId, id: spec.id })).toEqual({
      id: spec.id,
      state: 'downloaded',
    });
    expect(fractions.at(-1)).toBeCloseTo(1, 5);
    expect(await whisperStatus(runtime)).toMatchObject({
      label: `In-app speech to text (${spec.id})`,
      configured: true,
      health: 'ok',
      models: [spec.id],
    });

    const id = await recorded(runtime);
    const statuses: string[] = [];
    const transcribeId = randomUUID();
    runtime.subscribe((event, payload) => {
      const p = payload as { requestId: string; status: string };
      if (event === 'ai.progress' && p.requestId === transcribeId) statuses.push(p.status);
    });
    const result = await ok(runtime, 'voice.transcribe', { recordingId: id, requestId: transcribeId });
    expect(result).toMatchObject({
      transcribed: true,
      provider: { label: 'Whisper in Rehearse', sentAudio: false },
      notes: [],
      recording: { status: 'transcribed', transcript: SAID, transcriber: 'Whisper in Rehearse' },
    });
    expect(statuses.slice(0, 2)).toEqual(['Listening for pauses…', 'Transcribing with Whisper in Rehearse…']);
    expect(result.recording.words).toEqual(TINY_WHISPER_HEARD);
    const delivery = result.recording.delivery!;
    expect(delivery.words).toBe(6);
    expect(delivery.fillers).toEqual([{ word: 'um', at: 0.5 }]);
    expect(delivery.fillerNote).toBe(WHISPER_FILLER_NOTE);
    expect(delivery.figures.find((f) => f.id === 'firstWord')!.value).toBe(0.5);
  }, 60_000);

  it('refuses a download whose checksum does not match: nothing kept, nothing transcribes', async () => {
    const dataDir = tempDir();
    const runtime = await testRuntime({ dataDir });
    hub.corrupt = 'onnx/decoder_model_merged_quantized.onnx';
    try {
      const result = await runtime.invoke('ai.models.download', { requestId: randomUUID(), id: spec.id });
      expect(result).toMatchObject({
        ok: false,
        error: {
          message:
            'The downloaded file onnx/decoder_model_merged_quantized.onnx was damaged (its checksum did not match), so it was discarded. Try again.',
        },
      });
    } finally {
      hub.corrupt = null;
    }
    const root = join(dataDir, 'models', spec.id, 'onnx');
    expect(existsSync(join(root, 'decoder_model_merged_quantized.onnx'))).toBe(false);
    expect(existsSync(join(root, 'decoder_model_merged_quantized.onnx.partial'))).toBe(false);
    expect(await whisperStatus(runtime)).toMatchObject({
      configured: false,
      reason: 'download not finished — Settings → AI coach → Models inside Rehearse → Resume',
    });
    const id = await recorded(runtime);
    const result = await ok(runtime, 'voice.transcribe', { recordingId: id, requestId: randomUUID() });
    expect(result).toMatchObject({
      transcribed: false,
      provider: null,
      notes: [NOTHING],
      recording: { status: 'saved', transcript: null, audioKept: true },
    });
    // Resuming fetches the rest, and the answer saved for later is transcribed.
    await ok(runtime, 'ai.models.download', { requestId: randomUUID(), id: spec.id });
    const later = await ok(runtime, 'voice.transcribe', { recordingId: id, requestId: randomUUID() });
    expect(later).toMatchObject({ transcribed: true, recording: { transcript: SAID } });
  }, 60_000);
});
