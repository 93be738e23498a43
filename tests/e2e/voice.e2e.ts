// Answering out loud in Chromium, with espeak-ng speech played as the microphone through Chromium's fake capture.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RehearseApi } from '../../src-shared/contract';
import { AUDIO_DIR, audioPcm } from '../../src-main/services/voice/audio-file';
import { scriptedAnswer, startFakeTranscriber, useFakeTranscriber } from '../support/fake-transcriber';
import { startHostWithKeyring } from '../support/keyring-host';
import { expectAccessible, launchBrowser } from '../support/browser';
import { startHost } from '../support/host-process';
import { onboard } from '../support/onboard';
import { onExit, tempDir } from '../support/runtime';
import { seeded } from '../support/random';
import { recordSpoken, spokenSeconds, startOneQuestion } from '../support/room';
import { requireSpeechTools, speak, speechFile } from '../support/speech';
import { runVoiceCrashTrials } from '../support/voice-crash';

const FAKE_MIC = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

let speech: ReturnType<typeof speak>;
let withMic: Browser;
beforeAll(async () => {
  requireSpeechTools();
  speech = speak([
    { pause: 0.6 },
    'In my last role I owned the migration of our billing system.',
    { pause: 1.5 },
    'We moved four million records without downtime.',
    { pause: 0.5 },
  ]);
  const file = speechFile(join(tempDir(), 'answer.wav'), speech);
  withMic = await launchBrowser([...FAKE_MIC, `--use-file-for-fake-audio-capture=${file}%noloop`]);
});
afterAll(async () => {
  await withMic?.close();
});

async function toFirstQuestion(page: Page) {
  await onboard(page, { name: 'Noor', role: 'Data Analyst', level: 'Mid' });
  await startOneQuestion(page);
}

/** The PCM of every recording in the data folder. */
function recordingsIn(dataDir: string): Buffer[] {
  const dir = join(dataDir, AUDIO_DIR);
  return readdirSync(dir).map((name) => audioPcm(readFileSync(join(dir, name)), (p) => p));
}

const rms = (pcm: Buffer) => {
  let sum = 0;
  for (let i = 0; i + 1 < pcm.length; i += 2) sum += (pcm.readInt16LE(i) / 32768) ** 2;
  return Math.sqrt(sum / Math.max(1, pcm.length / 2));
};

describe('answering out loud', () => {
  it('records from the microphone by keyboard alone, showing level and time, and keeps every second on disk', async () => {
    const dataDir = tempDir();
    const host = await startHost(['--data-dir', dataDir]);
    onExit(async () => void (await host.stop()));
    const context = await withMic.newContext({ permissions: ['microphone'] });
    const page = await context.newPage();
    await page.goto(host.url);
    await toFirstQuestion(page);

    // focus is in the answer box; the shortcut works from there
    await page.keyboard.press('Alt+KeyR');
    await page.getByRole('button', { name: 'Stop recording' }).waitFor();
    await page.getByText('Recording. Each second is saved as you speak.').waitFor();
    const timer = page.getByRole('timer', { name: 'Time spoken' });
    await expect.poll(() => timer.innerText(), { timeout: 10_000 }).toMatch(/^0:0[2-9] of \d+:\d{2}$/);
    const meter = page.getByRole('meter', { name: 'Microphone input level' });
    await expect
      .poll(async () => Number(await meter.getAttribute('value')), { timeout: 10_000 })
      .toBeGreaterThan(0.05);
    await expectAccessible(page, 'recording an answer');
    // chunks are on disk while recording goes on
    await expect
      .poll(() => recordingsIn(dataDir)[0]?.length ?? 0, { timeout: 10_000 })
      .toBeGreaterThan(32_000);

    // past the end of the speech Chromium plays as the microphone
    await expect
      .poll(() => spokenSeconds(page), { timeout: 20_000 })
      .toBeGreaterThanOrEqual(Math.ceil(speech.durationSec) + 1);
    await page.keyboard.press('Alt+KeyR');
    const saved = page.getByText(/^Recording saved \(0:\d\d\)\./);
    await saved.waitFor();
    // the shortcut left the candidate where they were, in the answer box
    expect(await page.getByLabel('Your answer').evaluate((box) => box === document.activeElement)).toBe(true);
    await expectAccessible(page, 'recording saved');

    // the whole answer arrived: as long as the time recorded, and the speech in it, not silence
    const [pcm] = recordingsIn(dataDir);
    const seconds = pcm!.length / 32_000;
    expect(seconds).toBeGreaterThan(speech.durationSec - 0.5);
    expect(rms(pcm!)).toBeGreaterThan(0.01);
    // typing is still there, and nothing was lost from the box
    await page.getByLabel('Your answer').fill('I typed this alongside the recording.');
    expect(await page.getByLabel('Your answer').inputValue()).toBe('I typed this alongside the recording.');

    // submitting while a second recording runs stops it and keeps it, rather than leaving it open
    await page.keyboard.press('Alt+KeyR');
    await page.getByRole('button', { name: 'Stop recording' }).waitFor();
    await expect.poll(() => recordingsIn(dataDir).length).toBe(2);
    await expect
      .poll(async () => (await timer.innerText()).startsWith('0:02'), { timeout: 10_000 })
      .toBe(true);
    await page.keyboard.press('Control+Enter');
    await page.getByRole('button', { name: 'Back to history' }).waitFor({ timeout: 30_000 });
    const kept = await page.evaluate(async () => {
      const api = (window as unknown as { rehearse: RehearseApi }).rehearse;
      for (let i = 0; i < 50; i++) {
        const r = await api.invoke('voice.pending', {});
        if (r.ok && r.value.length === 2) return r.value.map((x) => x.durationMs);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return null;
    });
    expect(kept).not.toBeNull();
    expect(Math.min(...kept!)).toBeGreaterThanOrEqual(1000);
    await context.close();
  });

  it('transcribes through the cloud provider into the answer box, shows how it sounded, and submits, by keyboard', async () => {
    const KEY = 'sk-e2e-voice-0123456789';
    const fake = await startFakeTranscriber(KEY);
    onExit(() => fake.close());
    const TRANSCRIPT = speech.phrases.map((p) => p.text).join(' ');
    fake.behaviour.answer = scriptedAnswer(speech.phrases);
    const url = await startHostWithKeyring(tempDir());
    // Its own microphone: the shared one played its speech once, to the journey before.
    const mic = await launchBrowser([
      ...FAKE_MIC,
      `--use-file-for-fake-audio-capture=${speechFile(join(tempDir(), 'again.wav'), speech)}%noloop`,
    ]);
    onExit(() => mic.close());
    const context = await mic.newContext({ permissions: ['microphone'] });
    const page = await context.newPage();
    await page.goto(url);
    await onboard(page, { name: 'Noor', role: 'Data Analyst', level: 'Mid' });
    await useFakeTranscriber(page, fake);
    await startOneQuestion(page);

    await recordSpoken(page, speech.durationSec);
    await page
      .getByText(
        /^Recording transcribed \(0:\d\d\); the text is in your answer box to edit before you submit\. Your recording was sent to Custom \(OpenAI-compatible\) to be transcribed\.$/,
      )
      .waitFor({ timeout: 30_000 });
    const box = page.getByLabel('Your answer');
    expect(await box.inputValue()).toBe(TRANSCRIPT);
    // One upload of the audio; the provider's health check (GET /v1/models) may also have run meanwhile.
    const uploads = fake.requests.filter((r) => r.file);
    expect(uploads).toHaveLength(1);
    expect(uploads[0]!.file!.bytes.length).toBeGreaterThan(32_000 * speech.durationSec);

    const panel = page.getByRole('region', { name: 'How you sounded' });
    await panel.waitFor();
    for (const measure of [
      'Pace over the whole answer',
      'Pace while speaking',
      'Filler words',
      'Pauses over 2 seconds',
      'Longest pause',
      'Time to first word',
      'Talk time',
    ])
      await panel.getByRole('rowheader', { name: measure }).waitFor();
    expect(await panel.innerText()).toMatch(/\d+ words a minute/);
    expect(await panel.innerText()).toContain('tends to leave out "um" and "uh"');
    await expectAccessible(page, 'transcribed answer with its delivery');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page, 'transcribed answer with its delivery, dark');

    // edited as text before it goes
    await box.focus();
    await page.keyboard.press('End');
    await page.keyboard.type(' It took three months.');
    await page.keyboard.press('Control+Enter');
    await page.getByRole('button', { name: 'Back to history' }).waitFor({ timeout: 30_000 });
    expect(await page.locator('body').innerText()).toContain('It took three months.');
    expect(await page.locator('body').innerText()).not.toContain(KEY);
    await context.close();
  });

  it('keeps the voice settings, and says so when the system has no voice to read questions aloud', async () => {
    const host = await startHost(['--data-dir', tempDir()]);
    onExit(async () => void (await host.stop()));
    const context = await withMic.newContext();
    const page = await context.newPage();
    await page.goto(host.url);
    await onboard(page, { name: 'Noor', role: 'Data Analyst', level: 'Mid' });
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Voice' });
    const keep = panel.getByLabel('Keep the audio of my last … transcribed answers');
    expect(await keep.inputValue()).toBe('20');
    expect(await panel.getByRole('radio', { name: 'In mock interviews' }).isChecked()).toBe(true);
    // headless Chromium has no speech voices: the panel says the questions will be text only
    await panel.getByText(/^This system has no voice to read questions aloud/).waitFor();
    await keep.fill('-3');
    await panel.getByRole('button', { name: 'Save voice settings' }).click();
    await panel.getByText('Keep audio for 0 answers or more.').waitFor();
    expect(await keep.evaluate((el) => el === document.activeElement)).toBe(true);
    await keep.fill('5');
    await panel.getByRole('radio', { name: 'Always' }).check();
    await panel.getByRole('button', { name: 'Save voice settings' }).click();
    await page.getByText('Voice settings saved.').waitFor();
    await expectAccessible(page, 'voice settings');
    await page.reload();
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    expect(
      await page
        .getByRole('region', { name: 'Voice' })
        .getByLabel(/Keep the audio/)
        .inputValue(),
    ).toBe('5');
    expect(
      await page.getByRole('region', { name: 'Voice' }).getByRole('radio', { name: 'Always' }).isChecked(),
    ).toBe(true);
    // in the room, the question is text, and the screen says why it is not read
    await page.getByRole('button', { name: 'Practice', exact: true }).click();
    await page.getByRole('radio', { name: 'Mock interview', exact: true }).check();
    await page.getByLabel('Number of questions').fill('1');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('heading', { name: /Question 1 of 1/ }).waitFor();
    await page.getByText(/^This system has no voice to read questions aloud/).waitFor();
    await context.close();
  });

  /** A room whose microphone fails the way `args` and `permissions` make it, with the refusal to expect. */
  async function refusedRoom(args: string[], permissions: string[], message: string) {
    const host = await startHost(['--data-dir', tempDir()]);
    const browser = await launchBrowser(args);
    onExit(async () => {
      await browser.close();
      await host.stop();
    });
    const page = await (await browser.newContext({ permissions })).newPage();
    await page.goto(host.url);
    await toFirstQuestion(page);
    await page.getByRole('button', { name: 'Record answer' }).click();
    await page.getByRole('alert').filter({ hasText: message }).waitFor();
    // the control is ready to try again, and typing works
    await page.getByRole('button', { name: 'Record answer' }).waitFor();
    await page.getByLabel('Your answer').fill('Typed instead, as the message says.');
    return page;
  }

  it('says plainly when the microphone is not allowed, and the answer can still be typed', async () => {
    // no fake UI: the permission prompt is refused
    const page = await refusedRoom(
      ['--use-fake-device-for-media-stream'],
      [],
      'Rehearse is not allowed to use your microphone. Allow it in your browser or system settings, then try again, or type your answer.',
    );
    await expectAccessible(page, 'microphone denied');
  });

  it('says plainly when there is no microphone', async () => {
    // no fake device: this machine has no sound card
    const page = await refusedRoom(
      ['--use-fake-ui-for-media-stream'],
      ['microphone'],
      'No microphone was found. Connect one and try again, or type your answer.',
    );
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page, 'no microphone, dark');
  });
});

describe('killing the host while the candidate speaks', () => {
  // `npm run bench` runs 20 of these trials; three here keep the suite quick while still able to fail.
  it('keeps all but the last two seconds of the recording, offers it again, and can still read it', async () => {
    const file = speechFile(join(tempDir(), 'looping.wav'), speech);
    // a looping file: the microphone keeps talking until the kill
    const browser = await launchBrowser([...FAKE_MIC, `--use-file-for-fake-audio-capture=${file}`]);
    try {
      const report = await runVoiceCrashTrials(browser, () => tempDir(), 3, seeded(20261207));
      expect(report.offered).toBe(3);
      expect(report.readable).toBe(3);
      expect(report.lossMs).toHaveLength(3);
      for (const loss of report.lossMs) {
        expect(loss).toBeLessThanOrEqual(2000);
        // something was lost at the kill: the measure is not trivially zero
        expect(loss).toBeGreaterThan(0);
      }
    } finally {
      await browser.close();
    }
  }, 120_000);
});
