import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { findChromium } from './find-chromium';

/** A missing browser fails the run rather than skipping the journeys. */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  const executablePath = findChromium();
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
  });
}

const axeSource = readFileSync(createRequire(__filename).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core (WCAG 2.1 A/AA rules) on the page as it is now; any violation fails with its details. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  // Evaluated over DevTools rather than injected as a <script>, so the app's strict CSP stays on during the test.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<{ violations: unknown[] }> } }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations;
  });
  const summary = (violations as AxeViolation[]).map(
    (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  if (summary.length > 0)
    throw new Error(`axe found ${summary.length} violation(s) on ${label}:\n${summary.join('\n')}`);
}

/**
 * tsx (which runs the bench) compiles with esbuild's keepNames, wrapping named functions in `__name(...)`; a
 * function handed to page.evaluate then refers to a helper the page does not have. The bench defines it there.
 */
export const KEEP_NAMES_SHIM = { content: 'globalThis.__name = (f) => f;' };
