// The voice crash trial in the bench (a browser, so it lives apart from bench/voice.ts's Node-only figures).
import { launchBrowser } from '../tests/support/browser';
import { seeded } from '../tests/support/random';
import { speechFile } from '../tests/support/speech';
import { runVoiceCrashTrials } from '../tests/support/voice-crash';
import { report } from './stats';
import { minuteOfSpeech } from './voice';

/** The crash trial, 20 times: SIGKILL of the host while recording, then restart; loss is measured from the key press. */
export async function benchVoiceCrash(makeDir: () => string): Promise<void> {
  const file = speechFile(`${makeDir()}/speech.wav`, minuteOfSpeech());
  const browser = await launchBrowser([
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-audio-capture=${file}`,
  ]);
  try {
    const r = await runVoiceCrashTrials(browser, makeDir, 20, seeded(7));
    report('voice_crash_audio_lost_at_kill', 'ms', r.lossMs, {
      target: 2000,
      trials: r.trials,
      offeredAfterRestart: r.offered,
      readableAfterRestart: r.readable,
    });
  } finally {
    await browser.close();
  }
}
