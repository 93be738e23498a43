/**
 * Speech to text as a provider capability: the in-app Whisper model and a cloud provider's transcription
 * endpoint, tried in that order (local first), each behind a timeout, retries for passing failures and the
 * chain's circuit breaker. What they answer is checked: text, and words with times that make sense.
 */
import { z } from 'zod';
import { cancelledCall, ProviderError } from './errors';
import { withRetries, withTimeout } from './resilience';
import type { AiChain } from './chain';

export interface TranscriptWord {
  text: string;
  /** Seconds from the start of the recording. */
  start: number;
  end: number;
}

export interface Transcript {
  text: string;
  /** Empty when the provider gave no word timings. */
  words: TranscriptWord[];
  /** The language heard (ISO 639-1), when the provider says. */
  language?: string;
}

export interface TranscribeOptions {
  signal?: AbortSignal;
  /** 0–1 where the provider can tell, with what it is doing. */
  onProgress?: (status: string, fraction: number | null) => void;
}

export interface SpeechProvider {
  readonly id: string;
  /** Who hears the recording, as the candidate reads it ("Whisper in Rehearse", "OpenAI"). */
  readonly label: string;
  /** Whether the recording leaves this computer. */
  readonly sendsAudio: boolean;
  /**
   * How far to trust a filler count from this provider's transcripts, for the delivery panel; omitted when the
   * provider writes down disfluencies as they were said.
   */
  readonly fillerNote?: string;
  /** How long this recording may take, when it depends on its length (a model on this computer's CPU). */
  timeoutFor?(wav: Buffer): number;
  transcribe(wav: Buffer, options: TranscribeOptions): Promise<Transcript>;
}

const finite = z.number().refine(Number.isFinite);
const VerboseJson = z.object({
  text: z.string(),
  words: z
    .array(z.object({ word: z.string(), start: finite, end: finite }))
    .optional()
    .nullable(),
});

/** An OpenAI-style verbose_json answer as a transcript, or null when it is not one. */
export function transcriptFromVerboseJson(body: unknown): Transcript | null {
  const parsed = VerboseJson.safeParse(body);
  if (!parsed.success) return null;
  const words = (parsed.data.words ?? [])
    .map((w) => ({ text: w.word.trim(), start: w.start, end: w.end }))
    .filter((w) => w.text.length > 0);
  if (words.some((w, i) => w.start < 0 || w.end < w.start || (i > 0 && w.start < words[i - 1]!.start)))
    return null;
  return { text: parsed.data.text.trim(), words };
}

/** Long answers take a while to upload and transcribe; a model on a laptop CPU more so. */
export const TRANSCRIBE_TIMEOUT_MS = 180_000;

export interface TranscriptionResult extends Transcript {
  provider: string;
  label: string;
  /** The provider's word on its filler count, when it has one (see SpeechProvider.fillerNote). */
  fillerNote?: string;
  /** Why providers before it were passed over. */
  notes: string[];
}

/** Asks each provider in turn until one transcribes; null (with the reasons) when none could. */
export async function transcribeWithProviders(
  providers: SpeechProvider[],
  wav: Buffer,
  chain: AiChain,
  options: TranscribeOptions & { timeoutMs?: number; retryDelays?: number[] } = {},
): Promise<TranscriptionResult | { notes: string[] }> {
  const notes: string[] = [];
  for (const provider of providers) {
    try {
      options.onProgress?.(
        provider.sendsAudio
          ? `Sending your recording to ${provider.label}…`
          : `Transcribing with ${provider.label}…`,
        null,
      );
      const transcript = await chain.breaker(provider.id).run(() =>
        withRetries(
          () =>
            withTimeout(
              provider.label,
              options.timeoutMs ?? provider.timeoutFor?.(wav) ?? TRANSCRIBE_TIMEOUT_MS,
              options.signal,
              (signal) => provider.transcribe(wav, { signal, onProgress: options.onProgress }),
            ),
          // A model on this computer is not retried: a slow CPU is as slow the second time, and the next
          // provider (or "transcribe later") is better than making the candidate wait several times over.
          { signal: options.signal, delays: provider.sendsAudio ? options.retryDelays : [] },
        ),
      );
      return {
        ...transcript,
        provider: provider.id,
        label: provider.label,
        fillerNote: provider.fillerNote,
        notes,
      };
    } catch (err) {
      if (options.signal?.aborted) throw cancelledCall();
      if (!(err instanceof ProviderError)) throw err;
      notes.push(err.message);
    }
  }
  return { notes };
}
