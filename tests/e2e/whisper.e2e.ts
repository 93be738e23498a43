// Answering out loud with the in-app Whisper in Chromium: espeak-ng speech played as the microphone, transcribed on
// this computer by the tests' tiny Whisper (installed where a finished download of the English model would be),
// by keyboard alone, with no cloud provider at all.
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KNOWN_MODELS } from '../../src-main/services/ai/models';
import { WHISPER_FILLER_NOTE } from '../../src-main/services/ai/whisper';
import { expectAccessible, launchBrowser } from '../support/browser';
import { startHost } from '../support/host-process';
import { onboard } from '../support/onboard';
import { onExit, tempDir } from '../support/runtime';
import { recordSpoken, startOneQuestion } from '../support/room';
import { requireSpeechTools, speak, speechFile } from '../support/speech';
import { installTinyWhisperAs, TINY_WHISPER_TEXT } from '../support/tiny-whisper-model';

let speech: ReturnType<typeof speak>;
let withMic: Browser;
beforeAll(async () => {
  requireSpeechTools();
  speech = speak([{ pause: 0.5 }, 'Um, I led the billing migration.', { pause: 0.8 }]);
  const file = speechFile(join(tempDir(), 'answer.wav'), speech);
  withMic = await launchBrowser([
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-audio-capture=${file}%noloop`,
  ]);
});
afterAll(async () => {
  await withMic?.close();
});

describe('answering out loud with Whisper in Rehearse', () => {
  it('transcribes on this computer into the answer box and says how far to trust the filler count', async () => {
    const dataDir = tempDir();
    await installTinyWhisperAs(
      dataDir,
      KNOWN_MODELS.find((m) => m.task === 'transcribe')!,
    );
    const host = await startHost(['--data-dir', dataDir]);
    onExit(async () => void (await host.stop()));
    const context = await withMic.newContext({ permissions: ['microphone'] });
    const page = await context.newPage();
    await page.goto(host.url);
    await onboard(page, { name: 'Noor', role: 'Data Analyst', level: 'Mid' });
    await startOneQuestion(page);

    await recordSpoken(page, speech.durationSec);
    await page
      .getByText(
        /^Recording transcribed \(0:\d\d\); the text is in your answer box to edit before you submit\. Transcribed on this computer by Whisper in Rehearse\.$/,
      )
      .waitFor({ timeout: 30_000 });
    expect(await page.getByLabel('Your answer').inputValue()).toBe(TINY_WHISPER_TEXT.trim());

    const panel = page.getByRole('region', { name: 'How you sounded' });
    await panel.waitFor();
    const shown = await panel.innerText();
    // the tiny model times "Um," at 0.5 s, which the panel rounds to the second
    expect(shown).toContain('Fillers heard: “um” at 0:01.');
    expect(shown).toContain(WHISPER_FILLER_NOTE);
    await expectAccessible(page, 'answer transcribed by the in-app Whisper');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page, 'answer transcribed by the in-app Whisper, dark');
    await context.close();
  });
});
