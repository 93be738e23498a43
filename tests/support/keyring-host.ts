/**
 * The browser host as a real process inside a private D-Bus session with its own unlocked gnome-keyring
 * (tests/support/keyring-session.sh), for journeys that keep a secret in the OS keychain.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { BIN, requireBuild, ROOT } from './built';
import { onExit } from './runtime';

/** `rehearse serve` inside tests/support/keyring-session.sh, in its own process group (stopped by its id). */
export function startHostWithKeyring(dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<string> {
  requireBuild();
  const child = spawn(
    'sh',
    [
      join(ROOT, 'tests', 'support', 'keyring-session.sh'),
      process.execPath,
      BIN,
      'serve',
      '--port',
      '0',
      '--data-dir',
      dataDir,
    ],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  onExit(async () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`host did not start: ${out}`)), 30_000);
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /Rehearse is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    void exited.then(() => reject(new Error(`host exited before it started: ${out}`)));
  });
}
