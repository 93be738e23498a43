/**
 * How an answer was said: pace (words a minute over the whole answer and over the time spent speaking), filler
 * words and where they fall, pauses, time to the first word and talk time against the question's limit. Pauses
 * and speaking time come from the voice-activity detector; words and fillers from the transcript (their times
 * from its word timings where it has them). Each figure has a target range and one tip.
 */
import {
  DELIVERY_TARGETS as T,
  type Delivery,
  type DeliveryFigure,
  type TranscriptWord,
} from '../../../src-shared/voice';
import type { Segment } from './vad';

/** A silence this long or more between stretches of speech is a pause; shorter ones are breaths and commas. */
export const MIN_PAUSE_SEC = 0.5;
export const LONG_PAUSE_SEC = 2;

/** Single-word fillers, and phrases matched on whole words. "like" counts only set off by commas ("it was, like, fine"). */
const FILLER_WORDS = new Set([
  'um',
  'umm',
  'uh',
  'uhh',
  'er',
  'erm',
  'ah',
  'hmm',
  'mm',
  'basically',
  'literally',
]);
const FILLER_PHRASES = [
  ['you', 'know'],
  ['i', 'mean'],
  ['sort', 'of'],
  ['kind', 'of'],
];

interface Token {
  word: string;
  /** Followed by a comma (or other pause mark) in the transcript. */
  commaAfter: boolean;
  at: number | null;
}

function tokens(text: string, words: TranscriptWord[]): Token[] {
  // With timings, each timed word is a token; without, the text is split into words.
  const raw = words.length > 0 ? words.map((w) => ({ text: w.text, at: w.start as number | null })) : null;
  const parts = raw ?? text.split(/\s+/).map((t) => ({ text: t, at: null }));
  return parts
    .map((p) => ({
      word: p.text.toLowerCase().replace(/^[^\p{L}\p{N}']+|[^\p{L}\p{N}']+$/gu, ''),
      commaAfter: /[,;…—-]$/.test(p.text.trim()),
      at: p.at,
    }))
    .filter((t) => t.word.length > 0);
}

/** Filler words in the transcript, each with its time when the transcript has word timings. */
export function findFillers(text: string, words: TranscriptWord[]): { word: string; at: number | null }[] {
  const list = tokens(text, words);
  const found: { word: string; at: number | null }[] = [];
  for (let i = 0; i < list.length; i++) {
    const t = list[i]!;
    const phrase = FILLER_PHRASES.find((p) => p.every((w, k) => list[i + k]?.word === w));
    // "kind of"/"sort of" before a noun are ordinary words: counted only when set off by a comma
    if (phrase && (phrase[0] === 'you' || phrase[0] === 'i' || list[i + phrase.length - 1]!.commaAfter)) {
      found.push({ word: phrase.join(' '), at: t.at });
      i += phrase.length - 1;
    } else if (FILLER_WORDS.has(t.word)) found.push({ word: t.word, at: t.at });
    else if (t.word === 'like' && t.commaAfter && (i === 0 || list[i - 1]!.commaAfter))
      found.push({ word: 'like', at: t.at });
  }
  return found;
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export interface DeliveryInput {
  durationSec: number;
  /** Stretches of speech from the voice-activity detector. */
  segments: Segment[];
  /** The transcript, or null when the answer could not be transcribed (rate and fillers are then not measured). */
  transcript: {
    text: string;
    words: TranscriptWord[];
    transcriber: string;
    /**
     * The transcriber's own word on its filler count (the in-app Whisper's); null when it writes disfluencies
     * down as said; omitted when unknown, which is read as Whisper-like, since most speech-to-text drops them.
     */
    fillerNote?: string | null;
    /** The language heard (ISO 639-1), when the transcriber says: fillers are only counted in English. */
    language?: string;
  } | null;
  limitSec: number | null;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;
const secs = (x: number) => `${round1(x).toLocaleString('en-US')} s`;

function figure(
  id: DeliveryFigure['id'],
  label: string,
  value: number | null,
  shown: string,
  target: string,
  within: boolean | null,
  tips: { ok: string; low?: string; high?: string; none: string },
  high = false,
): DeliveryFigure {
  const tip = within === null ? tips.none : within ? tips.ok : ((high ? tips.high : tips.low) ?? tips.ok);
  return { id, label, value, shown, target, within, tip };
}

export function analyseDelivery(input: DeliveryInput): Delivery {
  const { segments, durationSec, transcript, limitSec } = input;
  const speechSec = segments.reduce((sum, s) => sum + (s.end - s.start), 0);
  const pauses = segments
    .slice(1)
    .map((s, i) => ({ start: segments[i]!.end, end: s.start }))
    .filter((p) => p.end - p.start >= MIN_PAUSE_SEC);
  const longPauses = pauses.filter((p) => p.end - p.start > LONG_PAUSE_SEC).length;
  const longest = pauses.reduce((m, p) => Math.max(m, p.end - p.start), 0);
  const words = transcript ? wordCount(transcript.text) : 0;
  const english = !transcript?.language || transcript.language === 'en';
  const fillers = transcript && english ? findFillers(transcript.text, transcript.words) : [];
  const minutes = durationSec / 60;
  const heard = words > 0 && speechSec > 0;
  const rate = heard ? words / minutes : null;
  const speechRate = heard ? words / (speechSec / 60) : null;
  const fillersPerMinute = transcript && english && minutes > 0 ? fillers.length / minutes : null;
  const firstWord = transcript?.words[0]?.start ?? segments[0]?.start ?? null;
  const noWords = 'Not measured: the answer has no transcript yet.';
  const wpm = (x: number | null) => (x === null ? noWords : `${Math.round(x)} words a minute`);

  const figures: DeliveryFigure[] = [
    figure(
      'rate',
      'Pace over the whole answer',
      rate,
      wpm(rate),
      `${T.rate.min}–${T.rate.max} words a minute`,
      rate === null ? null : rate >= T.rate.min && rate <= T.rate.max,
      {
        ok: 'A pace listeners can follow: keep it.',
        low: 'Slow overall: plan your first sentence and your ending, so less of the time is silence.',
        high: 'Fast overall: pause for a breath after each point, so each one lands.',
        none: 'Transcribe the answer to see your pace.',
      },
      rate !== null && rate > T.rate.max,
    ),
    figure(
      'speechRate',
      'Pace while speaking',
      speechRate,
      wpm(speechRate),
      `${T.speechRate.min}–${T.speechRate.max} words a minute`,
      speechRate === null ? null : speechRate >= T.speechRate.min && speechRate <= T.speechRate.max,
      {
        ok: 'A clear speaking speed.',
        low: 'Your words come slowly: practise the answer aloud twice, so the phrasing is ready.',
        high: 'You speak quickly: slow down on numbers and names, the parts the interviewer must remember.',
        none: 'Transcribe the answer to see your speaking speed.',
      },
      speechRate !== null && speechRate > T.speechRate.max,
    ),
    figure(
      'fillers',
      'Filler words',
      fillersPerMinute === null ? null : round1(fillersPerMinute),
      fillersPerMinute === null
        ? transcript
          ? 'Not measured: filler words are only counted in English.'
          : noWords
        : `${fillers.length} (${round1(fillersPerMinute).toLocaleString('en-US')} a minute)`,
      `at most ${T.fillersPerMinute.max} a minute`,
      fillersPerMinute === null ? null : fillersPerMinute <= T.fillersPerMinute.max,
      {
        ok: 'Few fillers: your answer sounds prepared.',
        high: 'Replace "um" and "you know" with a short silence: a pause sounds more confident than a filler.',
        none: 'Transcribe the answer to count filler words.',
      },
      true,
    ),
    figure(
      'longPauses',
      'Pauses over 2 seconds',
      segments.length > 0 ? longPauses : null,
      segments.length > 0 ? String(longPauses) : 'No speech was heard.',
      `at most ${T.longPauses.max}`,
      segments.length > 0 ? longPauses <= T.longPauses.max : null,
      {
        ok: 'Your thinking pauses are short.',
        high: 'Long silences mid-answer: sketch the answer as situation, action, result before you start.',
        none: 'Record again closer to the microphone.',
      },
      true,
    ),
    figure(
      'longestPause',
      'Longest pause',
      pauses.length > 0 ? round1(longest) : segments.length > 0 ? 0 : null,
      pauses.length > 0 ? secs(longest) : segments.length > 0 ? 'None' : 'No speech was heard.',
      `at most ${T.longestPauseSec.max} s`,
      segments.length > 0 ? longest <= T.longestPauseSec.max : null,
      {
        ok: 'No silence long enough to lose the listener.',
        high: 'When you need time, say so ("Let me think about the best example") rather than going silent.',
        none: 'Record again closer to the microphone.',
      },
      true,
    ),
    figure(
      'firstWord',
      'Time to first word',
      firstWord === null ? null : round2(firstWord),
      firstWord === null ? 'No speech was heard.' : secs(firstWord),
      `at most ${T.firstWordSec.max} s`,
      firstWord === null ? null : firstWord <= T.firstWordSec.max,
      {
        ok: 'A prompt start.',
        high: 'Open with a one-line summary of your answer while you gather the details.',
        none: 'Record again closer to the microphone.',
      },
      true,
    ),
    figure(
      'talkTime',
      'Talk time',
      round1(durationSec),
      limitSec ? `${secs(durationSec)} of ${secs(limitSec)}` : secs(durationSec),
      limitSec ? `half to all of the ${secs(limitSec)} limit` : 'within the limit',
      limitSec ? durationSec >= limitSec / 2 && durationSec <= limitSec : null,
      {
        ok: 'A full answer within the time.',
        low: 'Short for the time you have: add the result and what you learned.',
        high: 'Over the limit: cut the background to one sentence and go straight to what you did.',
        none: 'This question has no time limit.',
      },
      limitSec !== null && durationSec > limitSec,
    ),
  ];
  return {
    durationSec: round1(durationSec),
    speechSec: round1(speechSec),
    words,
    fillers: fillers.map((f) => ({ word: f.word, at: f.at === null ? null : round1(f.at) })),
    pauses: pauses.map((p) => ({ start: round2(p.start), end: round2(p.end) })),
    limitSec,
    figures,
    fillerNote: !transcript
      ? 'Filler words are counted once the answer is transcribed.'
      : !english
        ? `Filler words are only counted in English answers; ${transcript.transcriber} heard this one in another language (${transcript.language}).`
        : transcript.fillerNote === null
          ? `Filler words as ${transcript.transcriber} wrote them down.`
          : (transcript.fillerNote ??
            `${transcript.transcriber} tends to leave out "um" and "uh", so the real count may be higher than shown.`),
  };
}
