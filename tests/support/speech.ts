/**
 * Speech with known content and known pauses, for the voice tests: each phrase spoken by Debian's espeak-ng at a
 * given rate, resampled to 16 kHz mono by sox and trimmed of espeak's own leading and trailing silence, joined by
 * pauses of exactly the lengths asked for (faint noise, as a quiet room, not digital zero). The result is a WAV
 * file and where every phrase and pause falls, to the sample.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Runtime } from '../../src-main/core/runtime';
import { pcmFromWav, wavFromPcm } from '../../src-main/services/voice/audio-file';
import { ok } from './invoke';

const RATE = 16_000;

export type Part = string | { pause: number };

export interface Spoken {
  /** 16 kHz mono 16-bit WAV. */
  wav: Buffer;
  pcm: Buffer;
  durationSec: number;
  phrases: { text: string; start: number; end: number }[];
  pauses: { start: number; end: number }[];
  words: number;
}

export function requireSpeechTools(): void {
  for (const tool of ['espeak-ng', 'sox'])
    try {
      execFileSync(tool, ['--version'], { stdio: 'ignore' });
    } catch {
      throw new Error(`${tool} is not installed: apt-get install -y espeak-ng sox`);
    }
}

/** sox from `input` to 16 kHz mono 16-bit, through `effects`, as PCM. */
function sox(dir: string, input: string[], effects: string[]): Buffer {
  const out = join(dir, 'out.wav');
  execFileSync('sox', [...input, '-r', String(RATE), '-c', '1', '-b', '16', out, ...effects]);
  const pcm = pcmFromWav(readFileSync(out));
  if (!pcm) throw new Error('sox did not write 16 kHz mono WAV');
  return pcm;
}

/** One phrase as 16 kHz PCM, without the silence espeak-ng puts around it. */
function phrasePcm(dir: string, text: string, wpm: number, voice: string): Buffer {
  const raw = join(dir, 'raw.wav');
  execFileSync('espeak-ng', ['-v', voice, '-s', String(wpm), '-w', raw, text]);
  // trim below -48 dB at both ends (reverse, trim the start, reverse back)
  const trim = ['silence', '1', '0.005', '-48d'];
  return sox(dir, [raw], [...trim, 'reverse', ...trim, 'reverse']);
}

/** `seconds` of a quiet room: white noise about 60 dB below full scale, from sox. */
function pausePcm(dir: string, seconds: number): Buffer {
  const pcm = sox(dir, ['-n'], ['synth', String(seconds), 'whitenoise', 'vol', '0.001']);
  // exactly the length asked for
  const want = Math.round(seconds * RATE) * 2;
  return pcm.length >= want ? pcm.subarray(0, want) : Buffer.concat([pcm, Buffer.alloc(want - pcm.length)]);
}

export function speak(parts: Part[], options: { wpm?: number; voice?: string } = {}): Spoken {
  const wpm = options.wpm ?? 150;
  const voice = options.voice ?? 'en-us';
  const dir = mkdtempSync(join(tmpdir(), 'rehearse-speech-'));
  try {
    const pieces: Buffer[] = [];
    const phrases: Spoken['phrases'] = [];
    const pauses: Spoken['pauses'] = [];
    let at = 0;
    let words = 0;
    for (const part of parts) {
      const pcm = typeof part === 'string' ? phrasePcm(dir, part, wpm, voice) : pausePcm(dir, part.pause);
      const start = at / 2 / RATE;
      at += pcm.length;
      const end = at / 2 / RATE;
      if (typeof part === 'string') {
        phrases.push({ text: part, start, end });
        words += part.split(/\s+/).filter(Boolean).length;
      } else pauses.push({ start, end });
      pieces.push(pcm);
    }
    const pcm = Buffer.concat(pieces);
    return { wav: wavFromPcm(pcm), pcm, durationSec: at / 2 / RATE, phrases, pauses, words };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes the speech to `file` and returns where it is. */
export function speechFile(file: string, spoken: Spoken): string {
  writeFileSync(file, spoken.wav);
  return file;
}

/** `pcm` recorded as the spoken answer to a new session's first question, a second a chunk, and stopped. */
export async function recordAnswer(
  runtime: Pick<Runtime, 'invoke'>,
  pcm: Buffer,
  questionCount = 1,
): Promise<string> {
  const s = await ok(runtime, 'sessions.create', { role: 'Data Analyst', difficulty: 'Easy', questionCount });
  const { recordingId } = await ok(runtime, 'voice.start', { sessionQuestionId: s.questions[0]!.id });
  for (let at = 0, seq = 0; at < pcm.length; at += 32_000, seq++)
    await ok(runtime, 'voice.append', {
      recordingId,
      seq,
      pcm: pcm.subarray(at, at + 32_000).toString('base64'),
    });
  await ok(runtime, 'voice.stop', { recordingId });
  return recordingId;
}
