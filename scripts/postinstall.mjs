// After `npm ci`: fetch Electron's binary where the network allows it, then build, so `./bin/rehearse` and
// `npm start` work straight away. Electron's own postinstall is disabled in package.json (allowScripts) because
// it fails the whole install on machines that cannot reach its download host; here that is one sentence instead.
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fetchElectronBinding } from './electron-native.mjs';

const require = createRequire(import.meta.url);

function installElectronBinary() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return 'skipped (ELECTRON_SKIP_BINARY_DOWNLOAD is set)';
  let script;
  try {
    script = require.resolve('electron/install.js');
  } catch {
    return 'skipped (electron is not installed)';
  }
  const run = spawnSync(process.execPath, [script], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    timeout: 10 * 60_000,
  });
  return run.status === 0
    ? 'installed'
    : 'not available: its download failed, so `npm start` will open Rehearse in your browser instead';
}

const electron = installElectronBinary();
console.log(`rehearse: Electron binary ${electron}.`);
if (electron === 'installed') {
  const ok = fetchElectronBinding();
  console.log(
    ok
      ? 'rehearse: SQLite for Electron installed.'
      : 'rehearse: SQLite for Electron could not be fetched, so `npm start` will open Rehearse in your browser instead.',
  );
}
// electron-vite's exports hide its bin, so it is found beside its package.json.
const electronVite = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
execFileSync(process.execPath, [electronVite, 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
console.log('rehearse: built; run `npm start` to open the app or `npm test` to run the tests.');
