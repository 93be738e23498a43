// The in-app Whisper provider running transformers.js's real automatic-speech-recognition pipeline offline, in
// its worker, on espeak-ng speech, with a tiny Whisper model the test builds.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireSpeechTools, speak, type Spoken } from '../../../tests/support/speech';
import {
  buildTinyWhisperModel,
  TINY_WHISPER_HEARD,
  TINY_WHISPER_TEXT,
} from '../../../tests/support/tiny-whisper-model';
import { AiChain } from './chain';
import { ProviderError } from './errors';
import { transcribeWithProviders } from './transcribe';
import {
  WHISPER_DAMAGED,
  WHISPER_FILLER_NOTE,
  WHISPER_MISSING,
  WHISPER_NOT_WAV,
  WhisperTranscriber,
} from './whisper';

const SAID = TINY_WHISPER_TEXT.trim();
const WORDS = TINY_WHISPER_HEARD;

let dir: string;
let speech: Spoken;
const providers: WhisperTranscriber[] = [];
const whisper = (modelId = 'rehearse-tests/tiny-whisper.en') => {
  const w = new WhisperTranscriber({ modelsDir: dir, modelId });
  providers.push(w);
  return w;
};

beforeAll(async () => {
  requireSpeechTools();
  dir = mkdtempSync(join(tmpdir(), 'rehearse-whisper-'));
  await buildTinyWhisperModel(dir);
  speech = speak([{ pause: 0.5 }, SAID, { pause: 0.6 }]);
});

afterAll(async () => {
  await Promise.all(providers.map((p) => p.close()));
  rmSync(dir, { recursive: true, force: true });
});

describe('Whisper in Rehearse, through the real transformers.js pipeline', () => {
  it('transcribes a WAV file in its worker, with word timings and progress', async () => {
    const w = whisper();
    expect(w).toMatchObject({ id: 'whisper', label: 'Whisper in Rehearse', sendsAudio: false });
    expect(await w.available()).toEqual({ ok: true });
    const progress: [string, number | null][] = [];
    const transcript = await w.transcribe(speech.wav, {
      onProgress: (status, fraction) => progress.push([status, fraction]),
    });
    expect(transcript).toEqual({ text: SAID, words: WORDS });
    // From the timestamps the model writes: its closing one is at 2.9 s of a 3.1 s recording.
    expect(progress.length).toBeGreaterThan(0);
    const fraction = Math.round((2.9 / speech.durationSec) * 100) / 100;
    expect(progress.at(-1)).toEqual([
      `Transcribing with Whisper in Rehearse… ${Math.round(fraction * 100)}%`,
      fraction,
    ]);
    // The model stays loaded; a second recording gives the same answer.
    expect(await w.transcribe(speech.wav, {})).toEqual({ text: SAID, words: WORDS });
  });

  it('gives the text with no words when the export cannot time words', async () => {
    const { modelId } = await buildTinyWhisperModel(dir, 'rehearse-tests/untimed', { wordTimings: false });
    const w = whisper(modelId);
    expect(await w.transcribe(speech.wav, {})).toEqual({ text: SAID, words: [] });
    expect(await w.transcribe(speech.wav, {})).toEqual({ text: SAID, words: [] });
  });

  it('lets a multilingual model say which language it hears, and transcribes in that language', async () => {
    const { modelId } = await buildTinyWhisperModel(dir, 'rehearse-tests/tiny-whisper', { hears: 'fr' });
    const heard = await whisper(modelId).transcribe(speech.wav, {});
    expect(heard).toMatchObject({ text: SAID, language: 'fr' });
    // The same words at the same starts (transformers.js may give the closing full stop no time of its own).
    expect(heard.words.map((w) => [w.text, w.start])).toEqual(WORDS.map((w) => [w.text, w.start]));
  });

  it('hears a long answer in overlapping 30-second windows, with progress across them', async () => {
    const long = speak([{ pause: 0.5 }, SAID, { pause: 40 }, SAID, { pause: 0.5 }]);
    const fractions: (number | null)[] = [];
    const transcript = await whisper().transcribe(long.wav, { onProgress: (_, f) => fractions.push(f) });
    // The tiny model says its sentence in each of the three windows (0, 20 and 40 s); transformers.js stitches
    // the overlaps into one sentence with times that only go forward.
    expect(transcript.text).toBe(SAID);
    expect(transcript.words.map((w) => w.text)).toEqual(WORDS.map((w) => w.text));
    const starts = transcript.words.map((w) => w.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(fractions).toEqual([...fractions].sort((a, b) => a! - b!));
    expect(fractions.at(-1)).toBeGreaterThan(0.4);
  });

  it('says the model is not downloaded, before starting any worker', async () => {
    const w = whisper('rehearse-tests/absent');
    const err = await w.transcribe(speech.wav, {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect(err).toMatchObject({
      message: WHISPER_MISSING,
      transient: false,
      details: { kind: 'model_missing' },
    });
    expect(await w.available()).toEqual({ ok: false, reason: WHISPER_MISSING });
  });

  it('says damaged files are damaged, and refuses audio that is not 16 kHz mono WAV', async () => {
    const { modelId, root } = await buildTinyWhisperModel(dir, 'rehearse-tests/damaged');
    writeFileSync(join(root, 'onnx', 'decoder_model_merged.onnx'), 'not a model');
    await expect(whisper(modelId).transcribe(speech.wav, {})).rejects.toThrow(WHISPER_DAMAGED);
    await expect(whisper().transcribe(Buffer.from('RIFF....WAVEjunk'), {})).rejects.toThrow(WHISPER_NOT_WAV);
  });

  it('stops when cancelled, and the next recording is heard by a fresh worker', async () => {
    const w = whisper();
    const controller = new AbortController();
    const started = performance.now();
    const pending = w.transcribe(speech.wav, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toThrow('The request was cancelled.');
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(await w.transcribe(speech.wav, {})).toEqual({ text: SAID, words: WORDS });
  });

  it('is asked first in the provider chain, and its transcript carries its filler note', async () => {
    const cloud = {
      id: 'cloud',
      label: 'OpenAI',
      sendsAudio: true,
      transcribe: () => Promise.reject(new Error('the cloud must not be asked')),
    };
    const result = await transcribeWithProviders([whisper(), cloud], speech.wav, new AiChain(() => []));
    expect(result).toEqual({
      text: SAID,
      words: WORDS,
      provider: 'whisper',
      label: 'Whisper in Rehearse',
      fillerNote: WHISPER_FILLER_NOTE,
      notes: [],
    });
  });

  it('is given longer for a longer recording, and is not retried when it runs out of time', async () => {
    const w = whisper();
    // 180 s, plus the recording's own length
    expect(w.timeoutFor(speech.wav)).toBe(180_000 + speech.durationSec * 1000);
    const cloud = {
      id: 'cloud',
      label: 'OpenAI',
      sendsAudio: true,
      transcribe: () => Promise.resolve({ text: 'From the cloud.', words: [] }),
    };
    const started = performance.now();
    const result = await transcribeWithProviders([w, cloud], speech.wav, new AiChain(() => []), {
      timeoutMs: 100,
    });
    expect(result).toMatchObject({
      provider: 'cloud',
      notes: ['Whisper in Rehearse did not answer within 0.1 seconds.'],
    });
    // one try: no waits of 1, 2 and 4 s between attempts
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('falls through to the next provider when the model is missing, saying why', async () => {
    const cloud = {
      id: 'cloud',
      label: 'OpenAI',
      sendsAudio: true,
      transcribe: () => Promise.resolve({ text: 'From the cloud.', words: [] }),
    };
    const result = await transcribeWithProviders(
      [whisper('rehearse-tests/absent'), cloud],
      speech.wav,
      new AiChain(() => []),
    );
    expect(result).toEqual({
      text: 'From the cloud.',
      words: [],
      provider: 'cloud',
      label: 'OpenAI',
      fillerNote: undefined,
      notes: [WHISPER_MISSING],
    });
  });
});
