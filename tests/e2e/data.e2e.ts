import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RehearseApi } from '../../src-shared/contract';
import { readZip } from '../../src-main/services/data/archive';
import { expectAccessible, launchBrowser } from '../support/browser';
import { onboard } from '../support/onboard';
import { startHost } from '../support/host-process';
import { tempDir } from '../support/runtime';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('heading', { name: 'Your data' }).waitFor();
}

describe('your data, through the UI', () => {
  it('backs up, exports, deletes everything after naming it, and imports the export back, by keyboard', async () => {
    const dataDir = tempDir();
    const host = await startHost(['--data-dir', dataDir]);
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(host.url);
    await onboard(page, { name: 'Priya', role: 'Product Manager', level: 'Senior' });
    // Something besides the profile to carry through: a job posting.
    await page.evaluate(async () => {
      const api = (window as unknown as { rehearse: RehearseApi }).rehearse;
      const r = await api.invoke('jobs.create', {
        title: 'Group Product Manager',
        description: 'Own the roadmap. SQL and experimentation.',
      });
      if (!r.ok) throw new Error(r.error.message);
    });

    await openSettings(page);
    await page.getByText('No backups yet.').waitFor();
    await expectAccessible(page, 'settings: your data');

    // A backup, by keyboard.
    await page.getByRole('button', { name: 'Back up now' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(/Backed up and checked/).waitFor();
    await page.getByRole('cell', { name: 'Made by you', exact: true }).waitFor();
    await expectAccessible(page, 'settings: a backup listed');

    // Export: one ZIP with a manifest, the tables and nothing else.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export all my data' }).focus();
    await page.keyboard.press('Enter');
    const saved = await download;
    expect(saved.suggestedFilename()).toMatch(/^rehearse-export-\d{4}-\d{2}-\d{2}\.zip$/);
    const file = join(tempDir(), saved.suggestedFilename());
    await saved.saveAs(file);
    const names = readZip(readFileSync(file), {
      maxEntryBytes: 1e8,
      maxTotalBytes: 1e9,
      maxEntries: 1000,
    }).map((e) => e.name);
    expect(names).toContain('manifest.json');
    expect(names).toContain('tables/jobs.json');
    await page.getByText(/Exported \d+ records/).waitFor();

    // Delete everything: the dialog names what goes; nothing happens until DELETE is typed.
    await page.getByRole('button', { name: 'Delete everything…' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Delete everything?' });
    await dialog.waitFor();
    await expect.poll(() => dialog.innerText()).toMatch(/Your practice data:.*your profile.*1 job posting/s);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await expectAccessible(page, 'delete everything dialog');
    const confirm = dialog.getByRole('button', { name: 'Delete everything' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('Type DELETE to confirm').focus();
    await page.keyboard.type('DELETE');
    expect(await confirm.isDisabled()).toBe(false);
    await page.keyboard.press('Enter');
    await page.getByText('Everything was deleted. Rehearse starts afresh.').waitFor();

    // A fresh start: onboarding again, then the export imported back over it.
    await onboard(page, { name: 'Temporary', role: 'Product Manager', level: 'Senior' });
    await openSettings(page);
    await page.getByLabel('Import an export file (.zip)').setInputFiles(file);
    await page.getByText(/is a Rehearse export from/).waitFor();
    await expectAccessible(page, 'import: file checked');
    await page.getByRole('radio', { name: /^Replace/ }).focus();
    await page.keyboard.press('Space');
    expect(await page.getByRole('radio', { name: /^Replace/ }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Import', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(/^Imported rehearse-export-.*Your previous data was backed up first\.$/).waitFor();
    await page.getByRole('button', { name: 'Home' }).click();
    await page.getByRole('heading', { name: 'Welcome back, Priya' }).waitFor();
    await page.getByRole('button', { name: 'Jobs' }).click();
    await page.getByText('Group Product Manager').first().waitFor();

    // The backup made before deleting was kept (the box was not ticked) and restores from its dialog.
    await openSettings(page);
    await page.getByRole('cell', { name: 'Before an import', exact: true }).waitFor();
    await page.getByRole('button', { name: /^Restore the backup from .*\(Made by you\)$/ }).focus();
    await page.keyboard.press('Enter');
    const restore = page.getByRole('dialog', { name: /^Restore the backup from/ });
    await restore.waitFor();
    await expectAccessible(page, 'restore dialog');
    await restore.getByRole('button', { name: 'Restore this backup' }).click();
    await page.getByText(/^Restored the backup from .* To undo, restore the one made/).waitFor();
    await page.getByRole('cell', { name: 'Before a restore', exact: true }).waitFor();

    // A file that is not an export is refused with the reason, and nothing changes.
    await page.getByLabel('Import an export file (.zip)').setInputFiles({
      name: 'notes.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from('not a zip'),
    });
    await page.getByRole('alert').filter({ hasText: 'not a ZIP archive' }).waitFor();
    await expectAccessible(page, 'import refused');

    expect(problems).toEqual([]);
    await context.close();
    await host.stop();
  });
});
