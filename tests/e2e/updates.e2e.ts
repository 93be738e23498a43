// Settings → Updates in the browser host, which has no updater: the section says why, in both themes. The
// update states themselves are exercised against electron-updater and a feed on 127.0.0.1 in
// src-main/services/updates/service.test.ts; only the packaged desktop app has an updater to show them.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectAccessible, launchBrowser } from '../support/browser';
import { startHost } from '../support/host-process';
import { onboard } from '../support/onboard';
import { onExit, tempDir } from '../support/runtime';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

it('Settings → Updates says updates come with the desktop app, and asks nothing of a feed', async () => {
  const host = await startHost(['--data-dir', tempDir()]);
  onExit(async () => void (await host.stop()));
  const page = await browser.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(host.url);
  await onboard(page, { name: 'Ines', role: 'Data Analyst', level: 'Mid' });
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Settings', exact: true })
    .click();
  const section = page.getByRole('region', { name: 'Updates', exact: true });
  await section.getByText(/^Updates come with the desktop app/).waitFor();
  expect(await section.innerText()).toBe(
    'Updates\n\nUpdates come with the desktop app; this copy of Rehearse is updated with its source.',
  );
  expect(await section.getByRole('checkbox').count()).toBe(0);
  await expectAccessible(page, 'settings with updates, light theme');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'settings with updates, dark theme');
  // Everything the page asked for came from the host itself.
  expect(requests.every((url) => url.startsWith(new URL(host.url).origin))).toBe(true);
});
