import type { WorkerSession } from '../../core/worker-session';
import { pcmFromWav, pcmToFloat } from '../voice/audio-file';
import { ProviderError } from './errors';
import {
  inAppModelMessages,
  loadsAvailable,
  modelWorkerCall,
  modelWorkerSession,
  type Availability,
  type InAppModel,
} from './transformers';
import {
  TRANSCRIBE_TIMEOUT_MS,
  transcriptFromVerboseJson,
  type SpeechProvider,
  type TranscribeOptions,
  type Transcript,
} from './transcribe';
import type { WhisperReply } from './whisper-worker';

export const WHISPER_LABEL = 'Whisper in Rehearse';
const MESSAGES = inAppModelMessages(
  'The in-app Whisper model',
  'The in-app Whisper model could not transcribe this recording.',
  'transcribe_failed',
);
export const WHISPER_MISSING = MESSAGES.missing;
export const WHISPER_DAMAGED = MESSAGES.damaged;
export const WHISPER_NOT_WAV = 'The recording is not 16 kHz mono WAV audio, so Whisper cannot hear it.';
/** Whisper was trained on cleaned-up transcripts: it writes what was meant, and mostly leaves disfluencies out. */
export const WHISPER_FILLER_NOTE =
  'Whisper often leaves out "um" and "uh", so the filler count may be lower than what you said.';

/** A 16 kHz mono 16-bit WAV file's length in milliseconds (its header is 44 bytes). */
const wavMs = (wav: Buffer) => Math.max(0, wav.length - 44) / 32;

const FILES = {
  text: [
    'config.json',
    'generation_config.json',
    'preprocessor_config.json',
    'tokenizer.json',
    'tokenizer_config.json',
  ],
  onnx: ['encoder_model', 'decoder_model_merged'],
};

/**
 * Speech to text on this computer: a Whisper export for transformers.js run in one long-lived worker thread (the
 * model stays loaded between recordings, and is freed after MODEL_IDLE_MS without one). Words come with their
 * times when the export has the cross-attention outputs word alignment needs; otherwise the text alone, with
 * `words: []`, and delivery works without timings.
 * Cancelling (or the chain's timeout) terminates the worker, so the CPU really stops.
 */
export class WhisperTranscriber implements SpeechProvider {
  readonly id = 'whisper';
  readonly label = WHISPER_LABEL;
  readonly sendsAudio = false;
  readonly fillerNote = WHISPER_FILLER_NOTE;
  private readonly session: WorkerSession<'fp32' | 'q8'>;

  constructor(private readonly model: InAppModel & { timeoutMs?: number }) {
    this.session = modelWorkerSession(model, 'ai-whisper-worker.js', 'whisper-worker.ts');
  }

  /** Ok when the model's files are present and load; loading it here also warms it for the first recording. */
  available(signal?: AbortSignal): Promise<Availability> {
    return loadsAvailable(() => this.call({ type: 'load' }, { signal }), MESSAGES);
  }

  /** The usual limit, plus the recording's own length: even a slow laptop transcribes faster than real time. */
  timeoutFor(wav: Buffer): number {
    return (this.model.timeoutMs ?? TRANSCRIBE_TIMEOUT_MS) + wavMs(wav);
  }

  async transcribe(wav: Buffer, options: TranscribeOptions = {}): Promise<Transcript> {
    const pcm = pcmFromWav(wav);
    if (!pcm) throw new ProviderError(WHISPER_NOT_WAV, { transient: false, kind: 'bad_audio' });
    const audio = pcmToFloat(pcm);
    // The chain's own timeout (the same length) ends the call first; this one only guards direct use.
    const out = await this.call({ type: 'transcribe', audio }, options, this.timeoutFor(wav));
    const text = out.text.trim();
    const language = out.language ? { language: out.language } : {};
    if (!out.words) return { text, words: [], ...language };
    // Checked as a cloud answer is: times that go backwards or below zero are dropped, the text kept.
    const timed = transcriptFromVerboseJson({
      text,
      words: out.words.map((w) => ({ word: w.text, start: w.start, end: w.end ?? w.start })),
    });
    return { ...(timed ?? { text, words: [] }), ...language };
  }

  close(): Promise<void> {
    return this.session.close();
  }

  private call(
    message: { type: 'load' } | { type: 'transcribe'; audio: Float32Array },
    options: TranscribeOptions,
    timeoutMs = this.model.timeoutMs ?? TRANSCRIBE_TIMEOUT_MS,
  ): Promise<Extract<WhisperReply, { type: 'done' }>> {
    return modelWorkerCall<Extract<WhisperReply, { type: 'done' }>, WhisperReply>(
      this.session,
      this.model,
      FILES,
      MESSAGES,
      {
        message,
        signal: options.signal,
        timeoutMs,
        onReply: (m) => {
          if (m.type === 'done') return { value: m };
          try {
            // The percentage is in the words too: the practice room shows the status line, not a bar.
            options.onProgress?.(
              `Transcribing with ${WHISPER_LABEL}… ${Math.round(m.fraction * 100)}%`,
              m.fraction,
            );
          } catch {
            // A closed window's listener must not end the transcription.
          }
          return undefined;
        },
      },
    );
  }
}
