/**
 * Worker thread entry for the in-app Whisper model: transformers.js computes the log-mel features, runs the
 * encoder and decoder, and aligns words here, so a long recording never blocks the main process, and a cancelled
 * or runaway transcription is stopped by terminating this thread.
 */
import { parentPort } from 'node:worker_threads';
import {
  pipeline,
  Tensor,
  WhisperTextStreamer,
  type AutomaticSpeechRecognitionPipeline,
  type WhisperTokenizer,
} from '@huggingface/transformers';
import { type ModelWorkerData, type ModelWorkerError, serveModel } from './model-worker';

export type WhisperWorkerData = ModelWorkerData;

export type WhisperRequest =
  | { id: number; type: 'load' }
  /** 16 kHz mono samples in [-1, 1]. */
  | { id: number; type: 'transcribe'; audio: Float32Array };

export interface WhisperWord {
  text: string;
  start: number;
  end: number | null;
}

export type WhisperReply =
  | { id: number; type: 'progress'; fraction: number }
  /**
   * `words` is null when the model cannot time words (an export without cross-attention outputs); `language` is
   * the code a multilingual model heard (null for an English-only one).
   */
  | { id: number; type: 'done'; text: string; words: WhisperWord[] | null; language: string | null }
  | ModelWorkerError;

const RATE = 16_000;
/** Whisper hears 30 s at a time; longer answers go in overlapping windows that transformers.js stitches. */
const WINDOW_S = 30;
const STRIDE_S = 5;

/** Set once the model has shown it cannot time words, so later calls do not try twice. */
let noWordTimings = false;

type Chunk = { text: string; timestamp: [number, number | null] };

/** Whether the error is the model lacking what word timings need, rather than a failure on this audio. */
const cannotTimeWords = (err: unknown) =>
  err instanceof Error && /cross attentions|alignment_heads/i.test(err.message);

interface WhisperGenerationConfig {
  is_multilingual?: boolean;
  lang_to_id?: Record<string, number>;
  decoder_start_token_id: number;
}

/**
 * The language a multilingual model hears in the first 30 s, as Whisper itself decides it: the language token it
 * rates highest straight after start-of-transcript. transformers.js does not detect the language (it assumes
 * English), which would make a multilingual model transcribe every answer as if it were English.
 */
async function detectLanguage(run: AutomaticSpeechRecognitionPipeline, audio: Float32Array) {
  const config = run.model.generation_config as unknown as WhisperGenerationConfig | null;
  if (!config?.is_multilingual || !config.lang_to_id) return null;
  const { input_features } = (await run.processor(audio.subarray(0, WINDOW_S * RATE))) as {
    input_features: Tensor;
  };
  const start = new Tensor('int64', BigInt64Array.from([BigInt(config.decoder_start_token_id)]), [1, 1]);
  const { logits } = (await run.model({ input_features, decoder_input_ids: start })) as { logits: Tensor };
  const scores = logits.data as Float32Array;
  let best: [string, number] | null = null;
  for (const [token, tokenId] of Object.entries(config.lang_to_id))
    if (!best || scores[tokenId]! > best[1]) best = [token, scores[tokenId]!];
  return best ? best[0].slice(2, -2) : null;
}

async function transcribe(run: AutomaticSpeechRecognitionPipeline, id: number, audio: Float32Array) {
  const post = (m: WhisperReply) => parentPort!.postMessage(m);
  const duration = audio.length / RATE;
  const long = duration > WINDOW_S;
  // Progress from the timestamps the model writes: each window's times start again at 0, so count windows.
  let window = 0;
  let reported = 0;
  const at = (t: number) => {
    const fraction = Math.min(0.99, (window * (WINDOW_S - 2 * STRIDE_S) + t) / Math.max(duration, 0.01));
    // Steps of at least 5%: the status line is read out by screen readers, so not every frame.
    if (fraction >= reported + 0.05) {
      reported = fraction;
      post({ id, type: 'progress', fraction: Math.round(fraction * 100) / 100 });
    }
  };
  const language = await detectLanguage(run, audio);
  const options = () => ({
    ...(long ? { chunk_length_s: WINDOW_S, stride_length_s: STRIDE_S } : {}),
    ...(language ? { language, task: 'transcribe' } : {}),
    streamer: new WhisperTextStreamer(run.tokenizer as WhisperTokenizer, {
      skip_prompt: true,
      // Without a callback the streamer prints the text to stdout.
      callback_function: () => undefined,
      on_chunk_start: at,
      on_chunk_end: at,
      on_finalize: () => window++,
    }),
  });
  if (!noWordTimings) {
    try {
      const out = (await run(audio, { ...options(), return_timestamps: 'word' })) as {
        text: string;
        chunks?: Chunk[];
      };
      const words = (out.chunks ?? []).map((c) => ({
        text: c.text,
        start: c.timestamp[0],
        end: c.timestamp[1],
      }));
      return { text: out.text, words, language };
    } catch (err) {
      if (!cannotTimeWords(err)) throw err;
      noWordTimings = true;
      window = 0;
    }
  }
  const out = (await run(audio, options())) as { text: string };
  return { text: out.text, words: null, language };
}

serveModel<
  AutomaticSpeechRecognitionPipeline,
  WhisperRequest,
  { text: string; words: WhisperWord[] | null; language: string | null }
>(
  (modelId, dtype) => pipeline('automatic-speech-recognition', modelId, { dtype }),
  { text: '', words: null, language: null },
  (run, request) => transcribe(run, request.id, request.audio),
);
