// Transcribing a spoken answer through a cloud provider's /audio/transcriptions, against a fake on 127.0.0.1.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AI_SETTINGS, type AiSettings } from '../../../src-shared/ai';
import { startFakeTranscriber, type FakeTranscriber } from '../../../tests/support/fake-transcriber';
import { memorySecrets } from '../../../tests/support/memory-secrets';
import { ok, onExit, testRuntime } from '../../../tests/support/runtime';
import { recordAnswer, requireSpeechTools, speak, type Spoken } from '../../../tests/support/speech';
import type { Runtime } from '../../core/runtime';
import { AiChain } from '../ai/chain';
import { CloudProvider } from '../ai/cloud';
import { transcribeWithProviders } from '../ai/transcribe';
import { wavFromPcm } from './audio-file';
import { NOTHING_HEARD } from './listen';
import { WHISPER_MISSING } from '../ai/whisper';

const KEY = 'sk-test-transcribe-0123456789';
const PHRASES = ['Um, I led the billing migration.', 'We moved four million records without downtime.'];

let speech: Spoken;
beforeAll(() => {
  requireSpeechTools();
  speech = speak([{ pause: 0.7 }, PHRASES[0]!, { pause: 2.4 }, PHRASES[1]!, { pause: 0.4 }]);
});

/** What a provider would answer for the speech: the script's words, spread over each phrase's time. */
function verboseJson(s: Spoken) {
  const words = s.phrases.flatMap((p) => {
    const list = p.text.split(' ');
    const step = (p.end - p.start) / list.length;
    return list.map((w, i) => ({ word: w, start: p.start + i * step, end: p.start + (i + 1) * step }));
  });
  return { task: 'transcribe', text: s.phrases.map((p) => p.text).join(' '), words };
}

const cloud = (url: string, enabled = true): AiSettings['cloud'] => ({
  ...DEFAULT_AI_SETTINGS.cloud,
  enabled,
  preset: 'custom',
  baseUrl: url,
  model: 'gpt-test',
});

async function setup(options: { cloudOn?: boolean } = {}) {
  const server = await startFakeTranscriber(KEY);
  server.behaviour.answer = verboseJson(speech);
  onExit(() => server.close());
  const runtime = await testRuntime({ secrets: memorySecrets() });
  await ok(runtime, 'ai.settings.save', {
    ...DEFAULT_AI_SETTINGS,
    ollama: { ...DEFAULT_AI_SETTINGS.ollama, mode: 'off' },
    cloud: cloud(server.url, options.cloudOn ?? true),
  });
  await ok(runtime, 'ai.cloud.saveKey', { key: KEY });
  return { server, runtime };
}

const recorded = (runtime: Runtime) => recordAnswer(runtime, speech.pcm);

const transcribe = (runtime: Runtime, recordingId: string, requestId = randomUUID()) =>
  runtime.invoke('voice.transcribe', { recordingId, requestId });

describe('transcribing a spoken answer', () => {
  it('sends the recording as WAV, says it left the computer, and stores the transcript with its delivery', async () => {
    const { server, runtime } = await setup();
    const id = await recorded(runtime);
    const progress: string[] = [];
    runtime.subscribe((event, payload) => {
      if (event === 'ai.progress') progress.push((payload as { status: string }).status);
    });
    const result = await ok(runtime, 'voice.transcribe', { recordingId: id, requestId: randomUUID() });
    expect(result).toMatchObject({
      transcribed: true,
      provider: { label: 'Custom (OpenAI-compatible)', sentAudio: true },
      // Local first: the cloud heard it because the in-app Whisper model is not downloaded, and that is said.
      notes: [WHISPER_MISSING],
      recording: {
        status: 'transcribed',
        transcript: PHRASES.join(' '),
        transcriber: 'Custom (OpenAI-compatible)',
      },
    });
    expect(progress).toEqual([
      'Listening for pauses…',
      'Sending your recording to Custom (OpenAI-compatible)…',
    ]);
    const [sent] = server.requests;
    expect(sent).toMatchObject({
      path: '/v1/audio/transcriptions',
      authorization: `Bearer ${KEY}`,
      fields: { model: 'whisper-1', response_format: 'verbose_json', 'timestamp_granularities[]': 'word' },
      file: { name: 'answer.wav', type: 'audio/wav' },
    });
    expect(sent!.file!.bytes).toEqual(wavFromPcm(speech.pcm));
    const delivery = result.recording.delivery!;
    expect(delivery.words).toBe(13);
    expect(delivery.fillers).toEqual([{ word: 'um', at: expect.closeTo(0.7, 1) }]);
    expect(delivery.pauses).toHaveLength(1);
    expect(delivery.figures.find((f) => f.id === 'longPauses')).toMatchObject({ value: 1, within: true });
    expect(delivery.fillerNote).toBe(
      'Custom (OpenAI-compatible) tends to leave out "um" and "uh", so the real count may be higher than shown.',
    );
    // stored, and read back the same
    expect(await ok(runtime, 'voice.get', { recordingId: id })).toEqual(result.recording);
    expect(await ok(runtime, 'voice.pending', {})).toEqual([]);
  });

  it('with nothing to transcribe, keeps the audio for later and still measures pauses and talk time', async () => {
    const { server, runtime } = await setup({ cloudOn: false });
    const id = await recorded(runtime);
    const result = await ok(runtime, 'voice.transcribe', { recordingId: id, requestId: randomUUID() });
    expect(result).toMatchObject({
      transcribed: false,
      provider: null,
      notes: [
        'No speech-to-text is set up: download a Whisper model in Settings → AI coach → Models inside Rehearse, or switch on a cloud provider that transcribes (OpenAI, Groq or an OpenAI-compatible address).',
      ],
      recording: { status: 'saved', transcript: null, audioKept: true },
    });
    expect(server.requests).toEqual([]);
    const figures = result.recording.delivery!.figures;
    expect(figures.find((f) => f.id === 'rate')!.value).toBeNull();
    expect(figures.find((f) => f.id === 'longestPause')!.value).toBeCloseTo(2.4, 0);
    expect((await ok(runtime, 'voice.pending', {})).map((r) => r.id)).toEqual([id]);
  });

  it('sends a recording with no speech in it nowhere, and says so', async () => {
    const { server, runtime } = await setup();
    // Three seconds of a quiet room: the voice-activity detector hears no speech.
    const quiet = Buffer.alloc(3 * 16_000 * 2);
    for (let i = 0; i < quiet.length; i += 2) quiet.writeInt16LE(((i * 7919) % 61) - 30, i);
    const recordingId = await recordAnswer(runtime, quiet);
    const out = await ok(runtime, 'voice.transcribe', { recordingId, requestId: randomUUID() });
    expect(out.transcribed).toBe(false);
    expect(out.notes).toEqual([NOTHING_HEARD]);
    expect(server.requests).toHaveLength(0);
    expect(out.recording.transcript).toBeNull();
  });

  it('a provider that fails or answers nonsense leaves the recording saved, with the reason', async () => {
    const { server, runtime } = await setup();
    const id = await recorded(runtime);
    server.behaviour.answer = 'this is not JSON';
    expect(await ok(runtime, 'voice.transcribe', { recordingId: id, requestId: randomUUID() })).toMatchObject(
      {
        transcribed: false,
        notes: [
          WHISPER_MISSING,
          'Custom (OpenAI-compatible) answered with something that is not a transcript.',
        ],
        recording: { status: 'saved', transcript: null },
      },
    );
    // words that run backwards in time are not a transcript either
    server.behaviour.answer = {
      text: 'two words',
      words: [
        { word: 'two', start: 2, end: 1 },
        { word: 'words', start: 2.1, end: 2.3 },
      ],
    };
    expect(
      (await ok(runtime, 'voice.transcribe', { recordingId: id, requestId: randomUUID() })).notes,
    ).toEqual([
      WHISPER_MISSING,
      'Custom (OpenAI-compatible) answered with something that is not a transcript.',
    ]);
    server.behaviour.status = 401;
    server.behaviour.answer = verboseJson(speech);
    const rejected = await ok(runtime, 'voice.transcribe', { recordingId: id, requestId: randomUUID() });
    expect(rejected.notes).toEqual([
      WHISPER_MISSING,
      'Custom (OpenAI-compatible) rejected the saved key. Check it in Settings, or save a new one.',
    ]);
    expect(JSON.stringify(rejected)).not.toContain(KEY);
    expect(rejected.recording).toMatchObject({ status: 'saved', audioKept: true });
  });

  it('is cancelled on request, leaving the recording as it was', async () => {
    const { server, runtime } = await setup();
    const id = await recorded(runtime);
    server.behaviour.delayMs = 5_000;
    const requestId = randomUUID();
    const pending = transcribe(runtime, id, requestId);
    await new Promise((r) => setTimeout(r, 500));
    expect(await ok(runtime, 'ai.cancel', { requestId })).toEqual({ cancelled: true });
    expect(await pending).toEqual({
      ok: false,
      error: { code: 'UNAVAILABLE', message: 'The request was cancelled.', details: { kind: 'cancelled' } },
    });
    expect(await ok(runtime, 'voice.get', { recordingId: id })).toMatchObject({
      status: 'saved',
      transcript: null,
    });
  });
});

describe('the cloud transcription call', () => {
  let server: FakeTranscriber;
  const provider = (url: string) => {
    const secrets = memorySecrets();
    void secrets.set('cloud:custom', KEY);
    const cloudProvider = new CloudProvider(() => cloud(url), secrets);
    return {
      id: 'cloud',
      label: 'Custom (OpenAI-compatible)',
      sendsAudio: true,
      transcribe: (wav: Buffer, o: { signal?: AbortSignal }) => cloudProvider.transcribe(wav, o),
    };
  };

  it('gives up on a slow provider at the timeout, and retries a busy one before giving up', async () => {
    server = await startFakeTranscriber(KEY);
    onExit(() => server.close());
    server.behaviour.answer = verboseJson(speech);
    server.behaviour.delayMs = 2_000;
    const chain = new AiChain(() => []);
    const slow = await transcribeWithProviders([provider(server.url)], wavFromPcm(speech.pcm), chain, {
      timeoutMs: 300,
      retryDelays: [],
    });
    expect(slow).toEqual({ notes: ['Custom (OpenAI-compatible) did not answer within 0.3 seconds.'] });

    server.behaviour.delayMs = 0;
    server.behaviour.status = 503;
    const before = server.requests.length;
    const busy = await transcribeWithProviders([provider(server.url)], wavFromPcm(speech.pcm), chain, {
      retryDelays: [10, 10],
    });
    expect(busy).toEqual({ notes: ['Custom (OpenAI-compatible) is busy right now (HTTP 503).'] });
    expect(server.requests.length - before).toBe(3);

    server.behaviour.status = 200;
    const fine = await transcribeWithProviders([provider(server.url)], wavFromPcm(speech.pcm), chain, {
      retryDelays: [],
    });
    expect(fine).toMatchObject({ provider: 'cloud', text: PHRASES.join(' ') });
  });
});
