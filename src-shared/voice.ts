/**
 * Spoken answers: the recording of an answer (16 kHz mono PCM streamed from the renderer in chunks of at most a
 * second and written to the data folder as it arrives), its transcript and delivery figures, and the channels.
 */
import { z } from 'zod';
import type { CloudPreset } from './ai';

/** What the renderer captures and the host stores: 16-bit little-endian PCM, one channel. */
export const VOICE_SAMPLE_RATE = 16_000;
export const BYTES_PER_SAMPLE = 2;
/** A chunk is at most this long (the renderer sends one a second; a little slack for a late flush). */
export const MAX_CHUNK_MS = 2_000;
export const MAX_CHUNK_BYTES = (VOICE_SAMPLE_RATE * BYTES_PER_SAMPLE * MAX_CHUNK_MS) / 1000;
/** The longest a recording can be: the longest time limit a question has, and then some. */
export const MAX_RECORDING_MS = 30 * 60_000;
export const DEFAULT_KEEP_AUDIO = 20;
export const MAX_KEEP_AUDIO = 1000;

export const pcmMs = (bytes: number) => Math.round((bytes / BYTES_PER_SAMPLE / VOICE_SAMPLE_RATE) * 1000);

/**
 * The speech model each cloud preset transcribes with through its OpenAI-compatible /audio/transcriptions
 * endpoint; a preset missing here (Gemini, OpenRouter) offers none.
 */
export const CLOUD_TRANSCRIBE_MODELS: Partial<Record<CloudPreset, string>> = {
  openai: 'whisper-1',
  groq: 'whisper-large-v3-turbo',
  custom: 'whisper-1',
};

const id = z.string().uuid({ error: 'must be a valid id' });
const base64 = /^[A-Za-z0-9+/]*={0,2}$/;

export const TranscriptWord = z.object({
  text: z.string(),
  /** Seconds from the start of the recording. */
  start: z.number(),
  end: z.number(),
});
export type TranscriptWord = z.infer<typeof TranscriptWord>;

export const RECORDING_STATUSES = ['recording', 'saved', 'transcribed'] as const;

export const Recording = z.object({
  id: z.string(),
  sessionQuestionId: z.string(),
  sessionId: z.string(),
  questionText: z.string(),
  /** Where the question sits: its place in the session (from 0), the session's role, whether it is still open. */
  questionPosition: z.number().int(),
  sessionRole: z.string(),
  sessionOpen: z.boolean(),
  /** The question has an answer (or was skipped), so the practice room will not offer this recording again. */
  answered: z.boolean(),
  /** recording: chunks are still arriving; saved: stopped (or cut short by a crash), not yet transcribed. */
  status: z.enum(RECORDING_STATUSES),
  durationMs: z.number().int(),
  startedAt: z.string(),
  /** The audio is still in the data folder (it goes after transcription, beyond the last N kept). */
  audioKept: z.boolean(),
  transcript: z.string().nullable(),
  words: z.array(TranscriptWord).nullable(),
  /** Who transcribed it, in words (e.g. "Whisper in Rehearse", "OpenAI"). */
  transcriber: z.string().nullable(),
  /** Pace, fillers and pauses, once transcribed (or measured without words when nothing could transcribe). */
  get delivery() {
    return Delivery.nullable();
  },
});
export type Recording = z.infer<typeof Recording>;

const minutesSeconds = (ms: number) => {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/**
 * Whether a saved, untranscribed recording is offered outside the practice room: the room offers one only on
 * its own question while that question waits for an answer in an open session.
 */
export const offeredOutsideRoom = (r: Recording) => !r.sessionOpen || r.answered;

/** What the start screen says about a recording Rehearse closed in the middle of, whose question has moved on. */
export function recoveryText(r: Recording): string {
  const where = `question ${r.questionPosition + 1} of ${r.sessionOpen ? 'your' : 'a'} ${r.sessionRole} session`;
  const since = r.sessionOpen ? `${where}, which you have answered since` : `${where} that has ended since`;
  return `Saved when Rehearse closed: ${minutesSeconds(r.durationMs)} of your spoken answer to ${since}. Transcribe it to add what you said and how you sounded to that session's review, or discard it.`;
}

/** What it says once the candidate chose to transcribe it. */
export function recoveredText(r: Recording, notes: string[]): string {
  if (r.transcript !== null)
    return `Transcribed. What you said and how you sounded are now with question ${r.questionPosition + 1} in that session's review.`;
  // The notes are whole sentences of their own (the AI chain's reasons), so they follow, not in brackets.
  const why = notes.map((n) => (/[.!?]$/.test(n) ? n : `${n}.`)).join(' ');
  return `Not transcribed yet.${why ? ` ${why}` : ''} The recording is kept here until you transcribe or discard it.`;
}

export const READ_ALOUD = ['off', 'mock', 'always'] as const;

export const VoiceSettings = z
  .object({
    keepAudio: z
      .number({ error: 'Enter how many answers to keep audio for.' })
      .int({ error: 'Enter a whole number of answers.' })
      .min(0, { error: 'Keep audio for 0 answers or more.' })
      .max(MAX_KEEP_AUDIO, { error: `Keep audio for at most ${MAX_KEEP_AUDIO} answers.` }),
    /** Questions read aloud by the system's speech synthesis: never, in mock interviews, or always. */
    readAloud: z.enum(READ_ALOUD, { error: 'Choose never, in mock interviews, or always.' }),
    /** The system voice's name; empty for its default. */
    voiceName: z.string().max(200, { error: 'That voice name is too long.' }),
    speechRate: z
      .number({ error: 'Enter a speaking rate.' })
      .min(0.5, { error: 'The speaking rate must be between 0.5 and 2.' })
      .max(2, { error: 'The speaking rate must be between 0.5 and 2.' }),
  })
  .strict();
export type VoiceSettings = z.infer<typeof VoiceSettings>;

const byRecording = z.object({ recordingId: id }).strict();

export const voiceChannels = {
  /** Opens a recording for an unanswered question; chunks follow with `voice.append`. */
  'voice.start': {
    input: z.object({ sessionQuestionId: id }).strict(),
    output: z.object({ recordingId: z.string(), sampleRate: z.number().int(), maxMs: z.number().int() }),
  },
  /**
   * One chunk of PCM (base64 of 16-bit little-endian samples), numbered from 0. A chunk sent again (a retry) is
   * ignored; one that skips a number is refused, so a gap never goes unnoticed.
   */
  'voice.append': {
    input: z
      .object({
        recordingId: id,
        seq: z.number().int().min(0),
        pcm: z
          .string()
          .max(Math.ceil(MAX_CHUNK_BYTES / 3) * 4, {
            error: `A chunk of audio can be at most ${MAX_CHUNK_MS / 1000} seconds long.`,
          })
          .regex(base64, { error: 'A chunk of audio must be base64.' }),
      })
      .strict(),
    output: z.object({ durationMs: z.number().int() }),
  },
  'voice.stop': { input: byRecording, output: Recording },
  /** Recordings not yet transcribed whose audio is saved: after a crash, what the next start offers. */
  'voice.pending': { input: z.object({}).strict(), output: z.array(Recording) },
  'voice.get': { input: byRecording, output: Recording },
  /** Removes a recording and its audio. */
  'voice.discard': { input: byRecording, output: z.object({ deleted: z.boolean() }) },
  /**
   * Transcribes a saved recording with the first speech provider that can (the in-app Whisper model, then a
   * cloud provider) and measures its delivery; progress comes as `ai.progress` with this requestId, and
   * `ai.cancel` stops it. With no provider, the delivery is measured without words and the audio is kept.
   */
  'voice.transcribe': {
    input: z.object({ recordingId: id, requestId: id }).strict(),
    output: z.object({
      recording: Recording,
      /** Whether a transcript was made (false: nothing could transcribe; the reasons are in notes). */
      transcribed: z.boolean(),
      /** Who heard the recording, and whether it left this computer. */
      provider: z.object({ label: z.string(), sentAudio: z.boolean() }).nullable(),
      notes: z.array(z.string()),
    }),
  },
  'voice.settings.get': { input: z.object({}).strict(), output: VoiceSettings },
  'voice.settings.save': { input: VoiceSettings, output: VoiceSettings },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

/**
 * The ranges to aim for, shared by each answer's figures and the trends in Progress: pace over the whole answer
 * and while speaking (words a minute), fillers a minute, pauses over 2 s, the longest pause and the time to the
 * first word (seconds).
 */
export const DELIVERY_TARGETS = {
  rate: { min: 110, max: 160 },
  speechRate: { min: 130, max: 180 },
  fillersPerMinute: { max: 3 },
  longPauses: { max: 1 },
  longestPauseSec: { max: 3 },
  firstWordSec: { max: 3 },
} as const;

/** One delivery figure with the range to aim for and one concrete tip. */
export const DeliveryFigure = z.object({
  id: z.enum(['rate', 'speechRate', 'fillers', 'longPauses', 'longestPause', 'firstWord', 'talkTime']),
  label: z.string(),
  /** The figure as the candidate reads it ("142 words a minute"), or "Not measured" with the reason. */
  shown: z.string(),
  value: z.number().nullable(),
  target: z.string(),
  /** Whether the figure is within its target; null when it could not be measured. */
  within: z.boolean().nullable(),
  tip: z.string(),
});
export type DeliveryFigure = z.infer<typeof DeliveryFigure>;

export const Delivery = z.object({
  durationSec: z.number(),
  /** Time the voice-activity detector heard speech. */
  speechSec: z.number(),
  words: z.number().int(),
  fillers: z.array(z.object({ word: z.string(), at: z.number().nullable() })),
  /** Silences of half a second or more between stretches of speech. */
  pauses: z.array(z.object({ start: z.number(), end: z.number() })),
  limitSec: z.number().nullable(),
  figures: z.array(DeliveryFigure),
  /** How far to trust the filler count, given who transcribed. */
  fillerNote: z.string(),
});
export type Delivery = z.infer<typeof Delivery>;
