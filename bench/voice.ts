// Voice: the voice-activity detector and delivery analysis per minute of audio (target ≤ 200 ms), the host's
// cost of taking a second of audio (plain and sealed under a passphrase), its memory over a 10-minute recording,
// and how close the pauses and rate come to the truth, on espeak-ng speech with pauses of known length.
import { startRuntime } from '../src-main/core/runtime';
import { pcmToFloat } from '../src-main/services/voice/audio-file';
import { analyseDelivery } from '../src-main/services/voice/delivery';
import { speechSegments } from '../src-main/services/voice/vad';
import { memorySecrets } from '../tests/support/memory-secrets';
import { ok } from '../tests/support/invoke';
import { speak, type Part } from '../tests/support/speech';
import { report } from './stats';

const PHRASES = [
  'In my last role I owned the migration of our billing system, and I planned it with the finance team.',
  'We moved four million records without any downtime.',
  'The result was a faster month end close, which saved two days every month.',
  'Next time I would bring the auditors in earlier, because their review took three weeks.',
];

/** About a minute of speech: the phrases in turn, with pauses from half a second to three seconds. */
export function minuteOfSpeech() {
  const parts: Part[] = [{ pause: 0.8 }];
  const pauses = [1, 2.5, 0.6, 1.4, 3, 1.1, 0.8, 2.2];
  for (let i = 0; parts.length < 40; i++) {
    parts.push(PHRASES[i % PHRASES.length]!, { pause: pauses[i % pauses.length]! });
  }
  return speak(parts);
}

export async function benchVoice(dataDir: string): Promise<void> {
  const speech = minuteOfSpeech();
  const samples = pcmToFloat(speech.pcm);
  const minutes = speech.durationSec / 60;
  const text = speech.phrases.map((p) => p.text).join(' ');
  await speechSegments(samples.subarray(0, 16_000)); // load the model once, as the app does
  const perMinute: number[] = [];
  let last = analyseDelivery({ durationSec: 0, segments: [], transcript: null, limitSec: null });
  for (let i = 0; i < 15; i++) {
    const t = performance.now();
    const segments = await speechSegments(samples);
    last = analyseDelivery({
      durationSec: speech.durationSec,
      segments,
      transcript: { text, words: [], transcriber: 'bench' },
      limitSec: 120,
    });
    perMinute.push((performance.now() - t) / minutes);
  }
  // accuracy on the same audio: each inserted pause against the nearest one found
  const truth = speech.pauses.slice(1, -1).filter((p) => p.end - p.start >= 1);
  const errors = truth.map((p) => {
    const found = last.pauses.reduce((best, q) =>
      Math.abs(q.start - p.start) < Math.abs(best.start - p.start) ? q : best,
    );
    return Math.max(Math.abs(found.start - p.start), Math.abs(found.end - p.end)) * 1000;
  });
  const trueRate = speech.words / (speech.phrases.reduce((t, p) => t + p.end - p.start, 0) / 60);
  const measured = last.figures.find((f) => f.id === 'speechRate')!.value!;
  report('voice_vad_and_delivery_per_minute_of_audio', 'ms', perMinute, {
    target: 200,
    audioSec: Math.round(speech.durationSec),
    pausesInserted: speech.pauses.length - 2,
    pausesFound: last.pauses.length,
    pausesOver1s: truth.length,
    worstPauseEdgeErrorMs: Math.round(Math.max(...errors)),
    speechRateWpm: Math.round(measured),
    trueSpeechRateWpm: Math.round(trueRate),
  });

  // The host's side of capture: one second of audio appended, flushed to disk (and sealed, with a passphrase).
  const second = speech.pcm.subarray(0, 32_000).toString('base64');
  for (const sealed of [false, true]) {
    const runtime = await startRuntime({
      dataDir: `${dataDir}/${sealed ? 'sealed' : 'plain'}`,
      host: 'cli',
      secrets: memorySecrets(),
    });
    try {
      if (sealed)
        await ok(runtime, 'vault.enable', { passphrase: 'Bench-Pass-42', confirm: 'Bench-Pass-42' });
      const s = await ok(runtime, 'sessions.create', {
        role: 'Data Analyst',
        difficulty: 'Easy',
        questionCount: 1,
      });
      const { recordingId } = await ok(runtime, 'voice.start', { sessionQuestionId: s.questions[0]!.id });
      const appends: number[] = [];
      global.gc?.();
      const heapBefore = process.memoryUsage().heapUsed;
      let heapPeak = heapBefore;
      // ten minutes, a second at a time
      for (let seq = 0; seq < 600; seq++) {
        const t = performance.now();
        await ok(runtime, 'voice.append', { recordingId, seq, pcm: second });
        appends.push(performance.now() - t);
        if (seq % 50 === 0) heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
      }
      await ok(runtime, 'voice.stop', { recordingId });
      report(`voice_capture_host_cost_per_second_of_audio${sealed ? '_sealed' : ''}`, 'ms', appends, {
        note: 'validate, decode, append and fdatasync one 1-second chunk (in-process; the renderer side is not included)',
      });
      report(`voice_capture_host_heap_growth_10_min${sealed ? '_sealed' : ''}`, 'MB', [
        (heapPeak - heapBefore) / 1024 / 1024,
      ]);
    } finally {
      await runtime.close();
    }
  }
}
