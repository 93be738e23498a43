/**
 * The voice crash trial: a candidate records an answer in the real UI in Chromium (a WAV file as the microphone)
 * and the host process is killed with SIGKILL a random few seconds in. After a restart on the same data folder
 * the recording must be offered on its question, hold all but the last moments of what was said, and still be
 * readable by the analysis.
 */
import type { Browser, Page } from 'playwright-core';
import type {
  ChannelInput,
  ChannelName,
  ChannelOutput,
  RehearseApi,
  Result,
} from '../../src-shared/contract';
import { startHost } from './host-process';
import { onboard } from './onboard';

export interface VoiceCrashReport {
  trials: number;
  /** Time spoken before the kill that is not in the saved audio, per trial (ms); measured from the key press. */
  lossMs: number[];
  /** Trials whose recording was offered again on its question after the restart. */
  offered: number;
  /** Trials whose saved audio the delivery analysis read. */
  readable: number;
}

async function invoke<C extends ChannelName>(
  page: Page,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const result = (await page.evaluate(
    ([c, i]) => (window as unknown as { rehearse: RehearseApi }).rehearse.invoke(c as 'app.info', i as never),
    [channel, input] as const,
  )) as unknown as Result<ChannelOutput<C>>;
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

export async function runVoiceCrashTrials(
  browser: Browser,
  makeDir: () => string,
  trials: number,
  random: () => number = Math.random,
): Promise<VoiceCrashReport> {
  const report: VoiceCrashReport = { trials, lossMs: [], offered: 0, readable: 0 };
  for (let trial = 0; trial < trials; trial++) {
    const dataDir = makeDir();
    let host = await startHost(['--data-dir', dataDir]);
    // a trial that fails before its kill must not leave the host running
    const first = host;
    let context = await browser.newContext({ permissions: ['microphone'] });
    let page = await context.newPage();
    let pressed: number;
    try {
      await page.goto(host.url);
      await onboard(page, { name: 'Kim', role: 'Data Analyst', level: 'Mid' });
      await page.getByRole('button', { name: 'Practice', exact: true }).click();
      await page.getByLabel('Number of questions').fill('1');
      await page.getByRole('button', { name: 'Start' }).click();
      await page.getByLabel('Your answer').waitFor();

      // from the key press: the microphone's start-up counts as loss, so the figure errs high
      pressed = Date.now();
      await page.keyboard.press('Alt+KeyR');
      await page.getByRole('button', { name: 'Stop recording' }).waitFor();
      await new Promise((r) => setTimeout(r, 2000 + random() * 4000));
    } catch (err) {
      await first.stop();
      throw err;
    }
    const killedAt = Date.now();
    await host.stop('SIGKILL');
    await context.close();

    host = await startHost(['--data-dir', dataDir]);
    context = await browser.newContext({ permissions: ['microphone'] });
    page = await context.newPage();
    try {
      await page.goto(host.url);
      await page.getByRole('button', { name: 'Resume session' }).click();
      await page.getByLabel('Your answer').waitFor();
      const offer = page.getByText(
        /^A recording of \d+:\d\d for this question was saved when Rehearse closed\.$/,
      );
      await offer.waitFor({ timeout: 10_000 });
      report.offered++;
      const [saved] = await invoke(page, 'voice.pending', {});
      report.lossMs.push(killedAt - pressed - saved!.durationMs);
      const analysed = await invoke(page, 'voice.transcribe', {
        recordingId: saved!.id,
        requestId: crypto.randomUUID(),
      });
      if (analysed.recording.delivery) report.readable++;
    } finally {
      await context.close();
      await host.stop();
    }
  }
  return report;
}
