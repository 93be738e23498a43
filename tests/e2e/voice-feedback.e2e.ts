// Spoken answers beyond the recorder, in Chromium with espeak-ng speech as the microphone and the cloud
// transcriber faked on 127.0.0.1: delivery beside the coach's feedback, in the review, trends in Progress, and
// the spoken mock interview.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RehearseApi } from '../../src-shared/contract';
import {
  scriptedAnswer,
  startFakeTranscriber,
  useFakeTranscriber,
  type FakeTranscriber,
} from '../support/fake-transcriber';
import { expectAccessible, launchBrowser } from '../support/browser';
import { startHost } from '../support/host-process';
import { startHostWithKeyring } from '../support/keyring-host';
import { onboard } from '../support/onboard';
import { onExit, tempDir } from '../support/runtime';
import { recordSpoken } from '../support/room';
import { requireSpeechTools, speak, speechFile } from '../support/speech';

const FAKE_MIC = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];
const KEY = 'sk-e2e-voice-feedback-0123456789';

let speech: ReturnType<typeof speak>;
let micFile: string;
let micDir: string;
let browsers: Browser[] = [];
beforeAll(() => {
  requireSpeechTools();
  speech = speak([
    { pause: 0.6 },
    'In my last role I owned the migration of our billing system.',
    { pause: 2.4 },
    'We moved four million records without downtime.',
    { pause: 0.5 },
  ]);
  // Not in a tempDir(): those are removed after each test, and each journey's browser plays this file afresh.
  micDir = mkdtempSync(join(tmpdir(), 'rehearse-mic-'));
  micFile = speechFile(join(micDir, 'answer.wav'), speech);
});
afterAll(async () => {
  rmSync(micDir, { recursive: true, force: true });
  for (const b of browsers) await b.close();
  browsers = [];
});

/** A browser whose microphone plays the speech once; each journey has its own, so the speech starts afresh. */
async function withMic(): Promise<Browser> {
  const browser = await launchBrowser([...FAKE_MIC, `--use-file-for-fake-audio-capture=${micFile}%noloop`]);
  browsers.push(browser);
  return browser;
}

/** The app with the fake transcriber set up, onboarded, in a context that may use the microphone. */
async function app(): Promise<{ page: Page; fake: FakeTranscriber }> {
  const fake = await startFakeTranscriber(KEY);
  onExit(() => fake.close());
  fake.behaviour.answer = scriptedAnswer(speech.phrases);
  const url = await startHostWithKeyring(tempDir());
  const context = await (await withMic()).newContext({ permissions: ['microphone'] });
  const page = await context.newPage();
  await page.goto(url);
  await onboard(page, { name: 'Noor', role: 'Data Analyst', level: 'Mid' });
  await useFakeTranscriber(page, fake);
  return { page, fake };
}

/** Starts a session from the setup screen by keyboard: the mode radio focused and chosen with Space. */
async function startSession(page: Page, mode: string, count: number) {
  await page.getByRole('button', { name: 'Practice', exact: true }).click();
  const radio = page.getByRole('radio', { name: mode, exact: true });
  await radio.focus();
  await page.keyboard.press('Space');
  expect(await radio.isChecked()).toBe(true);
  await page.getByLabel('Number of questions').fill(String(count));
  await page.getByLabel('Number of questions').press('Enter');
  await page.getByRole('heading', { name: new RegExp(`Question 1 of ${count}`) }).waitFor();
}

/** Records until the speech is over (the press that starts is `startKey`), stops, and waits for the text. */
async function speakAnswer(page: Page, startKey: string) {
  await recordSpoken(page, speech.durationSec, startKey);
  await page.getByText(/^Recording transcribed \(0:\d\d\);/).waitFor({ timeout: 30_000 });
}

const TRANSCRIPT = () => speech.phrases.map((p) => p.text).join(' ');

describe('spoken answers with their feedback', () => {
  it('shows how it sounded with the coach’s feedback, in the review, and as trends in Progress, by keyboard', async () => {
    const { page } = await app();
    await startSession(page, 'Practice', 2);
    await speakAnswer(page, 'Alt+KeyR');
    expect(await page.getByLabel('Your answer').inputValue()).toBe(TRANSCRIPT());
    await page.getByLabel('Your answer').focus();
    await page.keyboard.press('Control+Enter');

    // practice mode's feedback turn: one block, the coach's scores then how it sounded
    await page.getByRole('heading', { name: 'Feedback on question 1' }).waitFor({ timeout: 30_000 });
    const block = page.getByRole('region', { name: 'Your answer and its feedback' });
    await block.getByRole('table', { name: 'Scores by criterion' }).waitFor();
    const sounded = block.getByRole('region', { name: 'How you sounded' });
    await sounded.getByRole('rowheader', { name: 'Pauses over 2 seconds' }).waitFor();
    expect(await sounded.getByRole('row', { name: /Pauses over 2 seconds/ }).innerText()).toMatch(
      /^Pauses over 2 seconds\s+1✓ on target\s/,
    );
    expect(await sounded.innerText()).toMatch(/\d+ words a minute/);
    // the delivery comes after the content feedback, in the same block
    const order = await block.evaluate((el) => {
      const scores = el.querySelector('table')!;
      const panel = el.querySelector('section[aria-label="How you sounded"]')!;
      return scores.compareDocumentPosition(panel) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    expect(order).toBeTruthy();
    await expectAccessible(page, 'feedback with delivery');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page, 'feedback with delivery, dark');
    await page.emulateMedia({ colorScheme: 'light' });

    // the second answer typed (the last: the review follows), with no delivery for it
    await page.getByRole('button', { name: 'Next question' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Question 2 of 2/ }).waitFor();
    await page
      .getByLabel('Your answer')
      .fill('I typed this one: I would profile the slow query, add an index, and measure again.');
    await page.keyboard.press('Control+Enter');
    // the review: the spoken answer's block says so and opens by keyboard
    await page.getByRole('button', { name: 'Back to history' }).waitFor({ timeout: 30_000 });
    const spokenSummary = page.getByText('Feedback and how you sounded', { exact: true });
    await spokenSummary.focus();
    await page.keyboard.press('Enter');
    const reviewed = page.getByRole('region', { name: 'How you sounded, question 1' });
    await reviewed.getByRole('rowheader', { name: 'Filler words' }).waitFor();
    expect(await page.getByText('Feedback', { exact: true }).count()).toBe(1); // the typed answer's
    expect(await page.getByRole('region', { name: /How you sounded, question 2/ }).count()).toBe(0);
    await expectAccessible(page, 'review with a spoken answer');

    // Progress: the trends
    await page.getByRole('button', { name: 'Progress', exact: true }).click();
    const trends = page.getByRole('region', { name: 'How you sounded over time' });
    await trends.getByText('1 answer given out loud, oldest first.', { exact: false }).waitFor();
    for (const title of ['Pace', 'Filler words a minute', 'Pauses over 2 seconds'])
      await trends.getByRole('heading', { name: title, exact: true }).waitFor();
    expect(await trends.innerText()).toMatch(
      /Latest: \d+ words a minute; aim for 110–160 words a minute\. [01] of 1 answer on target\./,
    );
    expect(await trends.innerText()).toContain(
      'Latest: 1 long pause; aim for at most 1 an answer. 1 of 1 answer on target.',
    );
    await trends.getByText('Every spoken answer’s figures').focus();
    await page.keyboard.press('Enter');
    const table = trends.getByRole('table', {
      name: 'Pace, filler words and long pauses of each spoken answer',
    });
    expect(await table.getByRole('row').count()).toBe(2);
    expect(await table.getByRole('row').nth(1).innerText()).toContain('1 long pause (✓ on target)');
    await expectAccessible(page, 'progress with delivery trends');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page, 'progress with delivery trends, dark');
  }, 120_000);

  it('says in Progress that there are no spoken answers yet, when every answer was typed', async () => {
    const host = await startHost(['--data-dir', tempDir()]);
    onExit(async () => void (await host.stop()));
    const browser = await launchBrowser();
    browsers.push(browser);
    const page = await (await browser.newContext()).newPage();
    await page.goto(host.url);
    await onboard(page, { name: 'Noor', role: 'Data Analyst', level: 'Mid' });
    await startSession(page, 'Practice', 1);
    await page
      .getByLabel('Your answer')
      .fill('I typed it: I owned the billing migration and moved four million records.');
    await page.keyboard.press('Control+Enter');
    await page.getByRole('button', { name: 'Back to history' }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Progress', exact: true }).click();
    const trends = page.getByRole('region', { name: 'How you sounded over time' });
    await trends
      .getByText(
        'No spoken answers yet. Answer a question out loud (Alt+R in the practice room, or choose a spoken mock interview) and your pace, filler words and pauses will be followed here.',
      )
      .waitFor();
    await expectAccessible(page, 'progress without spoken answers');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page, 'progress without spoken answers, dark');
    await trends.getByRole('button', { name: 'Set up a session' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Set up a practice session' }).waitFor();
  });
});

describe('the spoken mock interview', () => {
  it('shows each question as text where there is no voice, has the recorder ready, and takes the follow-up the same way', async () => {
    const { page, fake } = await app();
    await startSession(page, 'Spoken mock interview', 1);
    // headless Chromium has no voice: the question is text, and the screen says so
    await page.getByText(/^This system has no voice to read questions aloud/).waitFor();
    const record = page.getByRole('button', { name: 'Record answer' });
    expect(await record.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByText(/^Answer out loud: press Enter on this button, or Alt\+R anywhere/).waitFor();
    await expectAccessible(page, 'spoken mock interview, ready to record');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page, 'spoken mock interview, ready to record, dark');
    await page.emulateMedia({ colorScheme: 'light' });

    await speakAnswer(page, 'Enter');
    const box = page.getByLabel('Your answer');
    expect(await box.inputValue()).toBe(TRANSCRIPT());
    // what was heard is there to check, with the focus on it; Ctrl+Enter sends it
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Control+Enter');

    // a mock interview: no feedback yet, the follow-up comes the same way
    await page.getByRole('heading', { name: /Question 2 of 2/ }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole('heading', { name: /^Feedback on/ }).count()).toBe(0);
    await page.getByText(/^This system has no voice to read questions aloud/).waitFor();
    expect(
      await page
        .getByRole('button', { name: 'Record answer' })
        .evaluate((el) => el === document.activeElement),
    ).toBe(true);
    // typing stays a fallback; each further follow-up comes the same way until the interview ends
    const back = page.getByRole('button', { name: 'Back to history' });
    for (let turn = 2; !(await back.isVisible()); turn++) {
      expect(turn).toBeLessThanOrEqual(3);
      await page.getByRole('heading', { name: new RegExp(`Question ${turn} of ${turn}`) }).waitFor();
      expect(
        await page
          .getByRole('button', { name: 'Record answer' })
          .evaluate((el) => el === document.activeElement),
      ).toBe(true);
      await box.focus();
      await page.keyboard.type(
        'The hardest part was the cut-over night; I wrote the rollback plan and we never needed it.',
      );
      await page.keyboard.press('Control+Enter');
      await Promise.race([
        back.waitFor({ timeout: 30_000 }),
        page
          .getByRole('heading', { name: new RegExp(`Question ${turn + 1} of ${turn + 1}`) })
          .waitFor({ timeout: 30_000 }),
      ]);
    }
    await page.getByRole('button', { name: 'Back to history' }).waitFor({ timeout: 30_000 });
    expect(fake.requests.filter((r) => r.file)).toHaveLength(1);
    await page.getByText('Feedback and how you sounded', { exact: true }).waitFor();
    await expectAccessible(page, 'spoken mock interview review');
  }, 120_000);
});

describe('a recording cut short, whose session has ended since', () => {
  it('is offered on the start screen, and transcribed into that session’s review, by keyboard', async () => {
    const dataDir = tempDir();
    const first = await startHost(['--data-dir', dataDir]);
    const browser = await launchBrowser();
    browsers.push(browser);
    const page = await (await browser.newContext()).newPage();
    await page.goto(first.url);
    await onboard(page, { name: 'Noor', role: 'Data Analyst', level: 'Mid' });
    // three seconds of the answer reach the host, then it is killed mid-recording
    const chunks = [0, 1, 2].map((i) => speech.pcm.subarray(i * 32_000, (i + 1) * 32_000).toString('base64'));
    const sessionId = await page.evaluate(async (pcm) => {
      const api = (window as unknown as { rehearse: RehearseApi }).rehearse;
      const s = await api.invoke('sessions.create', {
        role: 'Data Analyst',
        difficulty: 'Easy',
        questionCount: 2,
      });
      if (!s.ok) throw new Error('no session');
      const r = await api.invoke('voice.start', { sessionQuestionId: s.value.questions[0]!.id });
      if (!r.ok) throw new Error('no recording');
      for (const [seq, chunk] of pcm.entries())
        await api.invoke('voice.append', { recordingId: r.value.recordingId, seq, pcm: chunk });
      return s.value.id;
    }, chunks);
    await first.stop('SIGKILL');

    // the next start: the candidate ends that session rather than going back to it
    const fake = await startFakeTranscriber(KEY);
    onExit(() => fake.close());
    fake.behaviour.answer = scriptedAnswer(speech.phrases);
    const url = await startHostWithKeyring(dataDir);
    await page.goto(url);
    await page.getByRole('heading', { name: 'Welcome back, Noor' }).waitFor();
    await useFakeTranscriber(page, fake);
    await page.evaluate(async (id) => {
      const api = (window as unknown as { rehearse: RehearseApi }).rehearse;
      if (!(await api.invoke('sessions.end', { sessionId: id })).ok) throw new Error('not ended');
    }, sessionId);
    await page.reload();

    const saved = page.getByRole('region', { name: 'Saved recordings' });
    await saved
      .getByText(
        "Saved when Rehearse closed: 0:03 of your spoken answer to question 1 of a Data Analyst session that has ended since. Transcribe it to add what you said and how you sounded to that session's review, or discard it.",
      )
      .waitFor();
    await expectAccessible(page, 'start screen with a saved recording');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page, 'start screen with a saved recording, dark');
    await page.emulateMedia({ colorScheme: 'light' });

    await saved.getByRole('button', { name: 'Transcribe it' }).focus();
    await page.keyboard.press('Enter');
    await saved
      .getByText(
        "Transcribed. What you said and how you sounded are now with question 1 in that session's review.",
      )
      .waitFor({ timeout: 30_000 });
    expect(await saved.getByRole('button', { name: 'Transcribe it' }).count()).toBe(0);
    await expectAccessible(page, 'start screen, recording transcribed');
    await saved.getByRole('button', { name: 'Open that session’s review' }).focus();
    await page.keyboard.press('Enter');

    await page
      .getByText('Not submitted. What you said, from the recording saved when Rehearse closed:')
      .waitFor();
    await page.getByText(speech.phrases[0]!.text, { exact: false }).first().waitFor();
    await page.getByRole('region', { name: 'How you sounded, question 1' }).waitFor();
    await expectAccessible(page, 'review with a recovered recording');
    // offered once: the next start has nothing left to offer
    await page.getByRole('button', { name: 'Home', exact: true }).click();
    await page.getByRole('heading', { name: 'Welcome back, Noor' }).waitFor();
    expect(await page.getByRole('region', { name: 'Saved recordings' }).count()).toBe(0);
  }, 120_000);
});
