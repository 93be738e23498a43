import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/**
 * The folder holding package.json: from source (src-main/) and from the build (out/main/) alike. A packaged
 * Electron app keeps resources beside app.asar; the shell passes that in instead.
 */
export function appRoot(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'rehearse') return dir;
      } catch {
        // an unreadable package.json further down is not ours; keep walking up
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Could not find Rehearse's package.json above ${start}`);
    dir = parent;
  }
}

export interface AppPaths {
  root: string;
  migrations: string;
  resources: string;
  renderer: string;
}

export function appPaths(root: string = appRoot()): AppPaths {
  return {
    root,
    migrations: join(root, 'migrations'),
    resources: join(root, 'resources'),
    renderer: join(root, 'out', 'renderer'),
  };
}

type Env = Record<string, string | undefined>;

/** Where the candidate's data lives unless --data-dir or REHEARSE_DATA_DIR says otherwise. */
export function defaultDataDir(
  env: Env = process.env,
  platform: NodeJS.Platform = process.platform,
  home = homedir(),
): string {
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Rehearse');
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Rehearse');
  const xdg = env.XDG_DATA_HOME;
  return join(xdg && xdg.startsWith('/') ? xdg : join(home, '.local', 'share'), 'rehearse');
}

export function resolveDataDir(flag: string | undefined, env: Env = process.env): string {
  const chosen = flag ?? env.REHEARSE_DATA_DIR;
  return chosen ? resolve(chosen) : defaultDataDir(env);
}

/** better-sqlite3 built for Electron (scripts/electron-native.mjs), used when the app runs from a checkout. */
export function electronSqliteBinding(root: string): string {
  return join(root, 'native', 'electron', 'better_sqlite3.node');
}
