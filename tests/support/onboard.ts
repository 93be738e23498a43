import type { Page } from 'playwright-core';

/** Fills in the first screen as a new candidate would, and waits for the home screen that greets them. */
export async function onboard(
  page: Page,
  profile: { name: string; role: string; level: 'Entry' | 'Mid' | 'Senior' | 'Staff' | 'Principal' },
): Promise<void> {
  await page.getByRole('heading', { name: 'Welcome to Rehearse' }).waitFor();
  await page.getByLabel('Your name').fill(profile.name);
  await page.getByLabel('Target role').selectOption(profile.role);
  await page.getByRole('radio', { name: profile.level }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: `Welcome back, ${profile.name}` }).waitFor();
}
