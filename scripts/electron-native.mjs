// better-sqlite3 is compiled for Node's ABI by `npm ci` (the CLI, the browser host and the tests run on Node).
// The Electron app needs a build for Electron's ABI; rebuilding in place would break every Node host, so this
// fetches the Electron build into native/electron/ beside it, and the Electron shell loads that one
// (better-sqlite3's `nativeBinding` option). A packaged app is rebuilt by electron-builder instead.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, '..');

export const ELECTRON_BINDING = join(root, 'native', 'electron', 'better_sqlite3.node');

export function fetchElectronBinding() {
  const electronVersion = require('electron/package.json').version;
  const pkgDir = dirname(require.resolve('better-sqlite3/package.json'));
  const prebuild = join(dirname(require.resolve('prebuild-install/package.json')), 'bin.js');
  const work = mkdtempSync(join(tmpdir(), 'rehearse-electron-native-'));
  try {
    copyFileSync(join(pkgDir, 'package.json'), join(work, 'package.json'));
    execFileSync(
      process.execPath,
      [
        prebuild,
        '--runtime',
        'electron',
        '--target',
        electronVersion,
        '--arch',
        process.arch,
        '--platform',
        process.platform,
      ],
      {
        cwd: work,
        stdio: ['ignore', 'ignore', 'pipe'],
        timeout: 5 * 60_000,
      },
    );
    mkdirSync(dirname(ELECTRON_BINDING), { recursive: true });
    copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), ELECTRON_BINDING);
    return true;
  } catch {
    return false;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
