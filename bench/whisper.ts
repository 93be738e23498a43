// In-app Whisper: what transcription costs besides the neural network (log-mel features, the decoding loop,
// word alignment by DTW, stitching 30 s windows, the worker round trip), per minute of audio, with the tests'
// tiny Whisper whose "network" is a table lookup; and how long the main thread's event loop is held meanwhile
// (the work runs in a worker, so it should stay near zero). No real Whisper weights can be fetched here, so the
// network's own time, which dominates on a laptop, is not measured.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { WhisperTranscriber } from '../src-main/services/ai/whisper';
import { buildTinyWhisperModel } from '../tests/support/tiny-whisper-model';
import { report } from './stats';
import { minuteOfSpeech } from './voice';

export async function benchWhisper(dataDir: string): Promise<void> {
  const { modelId } = await buildTinyWhisperModel(dataDir);
  const speech = minuteOfSpeech();
  const minutes = speech.durationSec / 60;
  const whisper = new WhisperTranscriber({ modelsDir: dataDir, modelId });
  try {
    await whisper.available(); // the worker and model load once, as in the app
    const perMinute: number[] = [];
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await whisper.transcribe(speech.wav, {});
      perMinute.push((performance.now() - t) / minutes);
    }
    delay.disable();
    // The same watch over the same time with nothing to do: on a shared machine, other processes alone delay the
    // loop, and only the difference is this work's.
    const idle = monitorEventLoopDelay({ resolution: 10 });
    idle.enable();
    await new Promise((r) => setTimeout(r, perMinute.reduce((a, b) => a + b, 0) * minutes));
    idle.disable();
    report('whisper_pipeline_overhead_per_minute_of_audio', 'ms', perMinute, {
      audioSec: Math.round(speech.durationSec),
      model: 'tests tiny Whisper (table lookup, no neural network)',
      mainThreadEventLoopDelayMaxMs: Math.round(delay.max / 1e6),
      mainThreadEventLoopDelayP99Ms: Math.round(delay.percentile(99) / 1e6),
      idleEventLoopDelayMaxMs: Math.round(idle.max / 1e6),
      idleEventLoopDelayP99Ms: Math.round(idle.percentile(99) / 1e6),
    });
  } finally {
    await whisper.close();
  }
}
