import { spawn, type ChildProcess } from 'node:child_process';
import { BIN, requireBuild } from './built';

export interface HostProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Resolves with the exit code (or signal name) once the process has gone. */
  stop(signal?: NodeJS.Signals): Promise<number | string>;
}

/**
 * Every host still running when this process ends is killed then, so a test that fails before its `stop()`
 * (or a crashed bench) leaves no server behind.
 */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Starts `rehearse serve` as a real process and waits for its one line. `cli` runs another copy of the CLI (the
 * packaged one) with another runtime (the packaged Electron as Node).
 */
export function startHost(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  cli: { runtime: string; entry: string } = { runtime: process.execPath, entry: BIN },
): Promise<HostProcess> {
  if (cli.entry === BIN) requireBuild();
  const child = spawn(cli.runtime, [cli.entry, 'serve', '--port', '0', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`host did not start: ${out}${err}`)), 20_000);
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /Rehearse is running at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({
          url: match[1]!,
          port: Number(match[2]),
          child,
          stop(signal = 'SIGTERM') {
            child.kill(signal);
            return exited;
          },
        });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`host exited (${code}) before it started: ${out}${err}`));
    });
  });
}
