// The built server (bin/rehearse-server) as a real process on a free port of 127.0.0.1. Tests that load the
// server hard run it here rather than inside the test worker, so that if it ever dies the test fails with its
// exit signal and its last output, instead of taking the worker (and every result in it) down with it.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '../../tests/support/net';

const ROOT = join(__dirname, '..', '..');
export const SERVER_BIN = join(ROOT, 'bin', 'rehearse-server');

let built = false;
/** Builds out/server once per test process (the build is atomic, so files building at once do no harm). */
export function buildServerOnce(): void {
  if (built) return;
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-server.mjs')], { stdio: 'inherit' });
  built = true;
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** How it ended, once it has: "exit 0", "signal SIGSEGV"; undefined while it runs. */
  ended: () => string | undefined;
  stop(): Promise<number | null>;
}

export async function startServerProcess(
  args: string[],
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [SERVER_BIN, '--port', String(port), ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let ended: string | undefined;
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (out += String(d)));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code, signal) => {
      ended = signal ? `signal ${signal}` : `exit ${code}`;
      resolve(code);
    }),
  );
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${out}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not come up:\n${out}`);
    }
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) break;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    child,
    output: () => out,
    ended: () => ended,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
