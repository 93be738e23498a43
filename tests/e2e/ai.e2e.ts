import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser } from '../support/browser';
import { KNOWN_MODELS } from '../../src-main/services/ai/models';
import { startFakeHub } from '../support/fake-hub';
import { startFakeOllama } from '../support/fake-ollama';
import { startHost } from '../support/host-process';
import { onExit, tempDir } from '../support/runtime';
import { buildTinyWhisperModel } from '../support/tiny-whisper-model';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the AI coach settings and diagnostics, through the UI', () => {
  it('connects to Ollama, downloads a model, streams a try, and shows diagnostics', async () => {
    const ollama = await startFakeOllama({
      answers: [
        '{"question":"Tell me about a time you rebuilt trust with a teammate after a missed deadline."}',
      ],
      chunkSize: 8,
      chunkDelayMs: 15,
    });
    onExit(() => ollama.close());
    // An unreachable session bus: the keychain refuses the same way on every machine, and a developer's real
    // keyring is never touched.
    const hub = await startFakeHub();
    onExit(() => hub.close());
    for (const f of KNOWN_MODELS[0]!.files)
      hub.files.set(`${KNOWN_MODELS[0]!.id}/${f.path}`, Buffer.alloc(200_000, f.path));
    // The offered English Whisper is the tests' tiny one (its quantized file names hold the fp32 graphs).
    const whisper = KNOWN_MODELS.find((m) => m.task === 'transcribe')!;
    const { root: tinyWhisper } = await buildTinyWhisperModel(tempDir(), whisper.id);
    for (const f of whisper.files)
      hub.files.set(
        `${whisper.id}/${f.path}`,
        readFileSync(join(tinyWhisper, f.path.replace('_quantized', ''))),
      );
    const host = await startHost(['--data-dir', tempDir()], {
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/rehearse-e2e-bus',
      REHEARSE_HF_HUB: hub.url,
    });
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(host.url);
    await page.getByLabel('Your name').fill('Sam');
    await page.getByLabel('Target role').selectOption('Product Manager');
    await page.getByRole('radio', { name: 'Mid' }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Settings', exact: true }).click();

    await page.getByLabel('Ollama address').fill('not an address');
    await page.getByRole('button', { name: 'Save AI settings' }).click();
    await expect
      .poll(() => page.getByText('The Ollama address must be an http:// or https:// address.').isVisible())
      .toBe(true);

    await page.getByLabel('Ollama address').fill(ollama.url);
    await page.getByRole('radio', { name: 'Always use it' }).check();
    await page.getByRole('button', { name: 'Save AI settings' }).click();
    await expect
      .poll(() => page.getByTestId('ollama-health').textContent())
      .toContain('Working. Installed models: llama3.2:latest, nomic-embed-text:latest.');
    await expectAccessible(page, 'settings with AI');

    await page.getByLabel('Ollama model').fill('qwen2.5');
    await page.getByRole('button', { name: 'Download qwen2.5', exact: true }).click();
    await expect.poll(() => page.getByText('Downloaded qwen2.5.').isVisible()).toBe(true);
    await page.getByLabel('Ollama model').fill('llama3.2');

    await page.getByRole('button', { name: 'Try it' }).click();
    // The answer appears piece by piece before the call completes.
    await expect.poll(() => page.getByText(/"question":"Tell me/).isVisible(), { timeout: 5000 }).toBe(true);
    await expect
      .poll(() => page.getByText('Answered by llama3.2 (Ollama)', { exact: false }).isVisible(), {
        timeout: 10_000,
      })
      .toBe(true);
    expect(
      await page
        .getByText('Tell me about a time you rebuilt trust with a teammate after a missed deadline.')
        .isVisible(),
    ).toBe(true);

    // A model that runs inside Rehearse downloads with progress and then reads as downloaded.
    await page.getByRole('button', { name: `Download ${KNOWN_MODELS[0]!.label}` }).click();
    await expect
      .poll(() => page.getByText('The model is downloaded and will be used offline.').isVisible())
      .toBe(true);
    await expect
      .poll(() => page.getByRole('button', { name: `Delete ${KNOWN_MODELS[0]!.label}` }).isVisible())
      .toBe(true);

    // Whisper downloads from the keyboard, and Diagnostics then lists it as working.
    await page.getByRole('button', { name: `Download ${whisper.label}` }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('button', { name: `Delete ${whisper.label}` }).isVisible(), {
        timeout: 15_000,
      })
      .toBe(true);

    // Cloud AI is opt-in and says exactly what would leave the machine.
    await page.getByRole('checkbox', { name: 'Use a cloud AI provider with my own key' }).check();
    await expect.poll(() => page.getByText('What is sent:').isVisible()).toBe(true);
    expect(await page.getByText(/Your name, contact details and files are never sent/).isVisible()).toBe(
      true,
    );
    await expectAccessible(page, 'settings with cloud AI');
    await page.getByLabel('API key').fill('sk-e2e-SECRET-0123456789');
    await page.getByRole('button', { name: 'Save key' }).click();
    // The keychain refuses (see the bus above); the key is never echoed into the page.
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'could not reach your system keychain' }).count())
      .toBe(1);
    expect(await page.locator('body').innerText()).not.toContain('sk-e2e-SECRET');
    await page.getByRole('checkbox', { name: 'Use a cloud AI provider with my own key' }).uncheck();

    await page.getByRole('button', { name: 'Diagnostics' }).click();
    await page.getByRole('heading', { name: 'Diagnostics' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: `Ollama (${ollama.url})` });
    await expect.poll(() => row.getByText('Working').isVisible()).toBe(true);
    expect(await row.textContent()).toMatch(/\d+ ms \/ \d+ ms \(1 calls\)/);
    expect(
      await page
        .getByRole('row')
        .filter({ hasText: `In-app speech to text (${whisper.id})` })
        .textContent(),
    ).toContain('Working');
    await expectAccessible(page, 'diagnostics');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const csv = await (await download).path();
    expect(csv).toBeTruthy();
    expect(problems).toEqual([]);
    await context.close();
    await host.stop();
  });
});
