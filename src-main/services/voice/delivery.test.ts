// Delivery figures on speech with known content: espeak-ng phrases joined by pauses of known length (sox).
import { beforeAll, describe, expect, it } from 'vitest';
import { requireSpeechTools, speak, type Spoken } from '../../../tests/support/speech';
import { pcmToFloat } from './audio-file';
import { analyseDelivery, findFillers } from './delivery';
import { speechSegments } from './vad';

beforeAll(() => requireSpeechTools());

const PHRASES = [
  'In my last role I owned the migration of our billing system, and I planned it with the finance team.',
  'We moved four million records without any downtime.',
  'The result was a faster month end close, which saved two days every month.',
  'I would do the testing earlier next time.',
];

/** The true speaking rate of the construction: words over the time the phrases take, to the sample. */
const trueRate = (s: Spoken) => s.words / (s.phrases.reduce((t, p) => t + p.end - p.start, 0) / 60);

async function measure(s: Spoken, limitSec: number | null = 120) {
  const segments = await speechSegments(pcmToFloat(s.pcm));
  return analyseDelivery({
    durationSec: s.durationSec,
    segments,
    transcript: { text: s.phrases.map((p) => p.text).join(' '), words: [], transcriber: 'The script' },
    limitSec,
  });
}

describe('delivery figures', () => {
  it('finds every inserted silence of a second or more within 150 ms, and no other pause', async () => {
    const inserted = [1.0, 2.5, 1.3];
    const s = speak([
      { pause: 0.8 },
      PHRASES[0]!,
      { pause: inserted[0]! },
      PHRASES[1]!,
      { pause: inserted[1]! },
      PHRASES[2]!,
      { pause: inserted[2]! },
      PHRASES[3]!,
      { pause: 0.6 },
    ]);
    const d = await measure(s);
    const truth = s.pauses.slice(1, -1);
    expect(d.pauses).toHaveLength(truth.length);
    for (const [i, p] of truth.entries()) {
      expect(Math.abs(d.pauses[i]!.start - p.start)).toBeLessThanOrEqual(0.15);
      expect(Math.abs(d.pauses[i]!.end - p.end)).toBeLessThanOrEqual(0.15);
    }
    const figure = (id: string) => d.figures.find((f) => f.id === id)!;
    expect(figure('longPauses')).toMatchObject({ value: 1, within: true });
    expect(figure('longestPause').value).toBeCloseTo(2.5, 0);
    expect(Math.abs(figure('firstWord').value! - 0.8)).toBeLessThanOrEqual(0.15);
    expect(figure('talkTime')).toMatchObject({ within: false, target: 'half to all of the 120 s limit' });
  });

  it('hears no pause in continuous speech', async () => {
    // four sentences in one breath of espeak-ng, with its own short pauses at commas and full stops
    const s = speak([PHRASES.join(' ')]);
    const d = await measure(s);
    expect(d.pauses).toEqual([]);
    expect(d.speechSec).toBeGreaterThan(s.durationSec * 0.9);
  });

  it('measures the speaking rate within 10% of the true rate, at three espeak-ng rates', async () => {
    const rates: number[] = [];
    for (const wpm of [120, 150, 180]) {
      const s = speak([PHRASES[0]!, { pause: 1 }, PHRASES[1]!, { pause: 1.5 }, PHRASES[2]!], { wpm });
      const d = await measure(s);
      const measured = d.figures.find((f) => f.id === 'speechRate')!.value!;
      expect(Math.abs(measured - trueRate(s)) / trueRate(s)).toBeLessThanOrEqual(0.1);
      rates.push(measured);
      // over the whole answer the pauses count too
      expect(d.figures.find((f) => f.id === 'rate')!.value!).toBeLessThan(measured);
    }
    expect(rates[0]!).toBeLessThan(rates[1]!);
    expect(rates[1]!).toBeLessThan(rates[2]!);
  });

  it('counts filler words with where they fall, and leaves ordinary uses of the same words alone', () => {
    const words = [
      ['Um,', 0.4],
      ['so', 0.9],
      ['I', 1.1],
      ['was,', 1.2],
      ['like,', 1.5],
      ['leading', 1.8],
      ['the', 2.1],
      ['team,', 2.2],
      ['you', 2.6],
      ['know,', 2.8],
      ['and', 3.1],
      ['uh', 3.4],
      ['we', 3.8],
      ['liked', 4.0],
      ['that', 4.3],
      ['kind', 4.5],
      ['of', 4.7],
      ['work.', 4.8],
    ].map(([text, start]) => ({
      text: text as string,
      start: start as number,
      end: (start as number) + 0.2,
    }));
    const text = words.map((w) => w.text).join(' ');
    expect(findFillers(text, words)).toEqual([
      { word: 'um', at: 0.4 },
      { word: 'like', at: 1.5 },
      { word: 'you know', at: 2.6 },
      { word: 'uh', at: 3.4 },
    ]);
    // without timings, the same words are found without times
    expect(findFillers(text, []).map((f) => [f.word, f.at])).toEqual([
      ['um', null],
      ['like', null],
      ['you know', null],
      ['uh', null],
    ]);
    expect(findFillers('I like working with people who like data.', [])).toEqual([]);
  });

  it('says what it cannot measure without a transcript, and why the filler count may be low', async () => {
    const s = speak([{ pause: 0.5 }, PHRASES[1]!]);
    const segments = await speechSegments(pcmToFloat(s.pcm));
    const none = analyseDelivery({ durationSec: s.durationSec, segments, transcript: null, limitSec: 60 });
    expect(none.figures.find((f) => f.id === 'rate')).toMatchObject({
      value: null,
      within: null,
      shown: 'Not measured: the answer has no transcript yet.',
      tip: 'Transcribe the answer to see your pace.',
    });
    expect(none.fillerNote).toBe('Filler words are counted once the answer is transcribed.');
    const whisper = analyseDelivery({
      durationSec: s.durationSec,
      segments,
      transcript: { text: 'We moved four million records.', words: [], transcriber: 'OpenAI' },
      limitSec: 60,
    });
    expect(whisper.fillerNote).toBe(
      'OpenAI tends to leave out "um" and "uh", so the real count may be higher than shown.',
    );
    const own = (fillerNote: string | null, language?: string) =>
      analyseDelivery({
        durationSec: s.durationSec,
        segments,
        transcript: {
          text: 'Um, we moved, like, four million records.',
          words: [],
          transcriber: 'Whisper',
          fillerNote,
          language,
        },
        limitSec: 60,
      });
    // A transcriber's own note replaces the general one; null says it writes fillers down as said.
    expect(own('Whisper often leaves out um.').fillerNote).toBe('Whisper often leaves out um.');
    expect(own(null)).toMatchObject({
      fillerNote: 'Filler words as Whisper wrote them down.',
      fillers: [
        { word: 'um', at: null },
        { word: 'like', at: null },
      ],
    });
    // The filler list is English: another language's answer is not counted against it.
    expect(own(null, 'fr')).toMatchObject({
      fillerNote:
        'Filler words are only counted in English answers; Whisper heard this one in another language (fr).',
      fillers: [],
    });
    expect(own(null, 'fr').figures.find((f) => f.id === 'fillers')).toMatchObject({
      value: null,
      within: null,
      shown: 'Not measured: filler words are only counted in English.',
    });
  });
});
