import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { appRoot, electronSqliteBinding } from '../../paths';

/** Electron's binary when it is installed and can open a window here, or the sentence saying why not. */
export function findElectron(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  resolveBinary: () => string = () => createRequire(__filename)('electron') as string,
  hasSqliteForElectron: () => boolean = () => existsSync(electronSqliteBinding(appRoot())),
): { binary: string } | { reason: string } {
  let binary: string;
  try {
    binary = resolveBinary();
  } catch {
    return {
      reason:
        "Electron's binary is not installed on this machine, so Rehearse is opening in your browser instead.",
    };
  }
  if (!hasSqliteForElectron()) {
    return {
      reason:
        'SQLite for Electron is not installed here (run npm ci with a network connection), so Rehearse is opening in your browser instead.',
    };
  }
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return {
      reason:
        'There is no display to open a window on, so Rehearse is serving its interface to your browser instead.',
    };
  }
  return { binary };
}

export function launchElectron(binary: string, appDir: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(binary, [appDir], { stdio: 'inherit', env });
    child.on('exit', (code) => resolve(code ?? 1));
    child.on('error', () => resolve(1));
  });
}

/** Best effort: a missing opener just leaves the printed link for the candidate to open. */
export function openInBrowser(url: string, platform: NodeJS.Platform = process.platform): void {
  const [cmd, args] =
    platform === 'darwin'
      ? ['open', [url]]
      : platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // no opener on this machine
  }
}
