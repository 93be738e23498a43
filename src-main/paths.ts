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

/**
 * Where the app's own files are, in the two layouts it runs from:
 * - a checkout: everything under the folder holding package.json;
 * - a package (electron-builder): the code in `resources/app.asar` (or an extracted `resources/app`) and the
 *   shipped data beside it in `resources/`, copied there by electron-builder.json's extraResources.
 * Every reader of shipped files gets its path from here, so the two layouts cannot drift apart.
 */
export interface AppPaths {
  layout: 'checkout' | 'packaged';
  /** The folder (or archive) holding package.json and out/. */
  root: string;
  migrations: string;
  resources: string;
  questions: string;
  companies: string;
  taxonomy: string;
  /** WordNet's near-synonyms for the coach (scripts/build-wordnet-links.ts). */
  wordnet: string;
  notice: string;
  renderer: string;
}

/** A checkout always has migrations/ beside package.json; a package never has (they travel as extraResources). */
export function appLayout(root: string): AppPaths['layout'] {
  return existsSync(join(root, 'migrations')) ? 'checkout' : 'packaged';
}

export function appPaths(root: string = appRoot(), layout = appLayout(root)): AppPaths {
  const shipped = layout === 'checkout' ? root : dirname(root);
  const resources = join(shipped, 'resources');
  return {
    layout,
    root,
    migrations: join(shipped, 'migrations'),
    resources,
    questions: join(resources, 'questions'),
    companies: join(resources, 'companies'),
    taxonomy: join(resources, 'skills', 'taxonomy.json'),
    wordnet: join(resources, 'wordnet', 'links.json'),
    notice: join(resources, 'NOTICE.md'),
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
