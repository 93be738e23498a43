import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './built';

/**
 * The desktop package as electron-builder lays it out for Linux x64, built around a stand-in Electron
 * distribution because Electron's binary cannot be downloaded here. Everything under `resources` is the app's
 * own part: the archive, its unpacked native files and the extra resources.
 */
export interface PackagedLayout {
  /** linux-unpacked/: the stand-in Electron files and resources/ */
  dir: string;
  resources: string;
  asar: string;
  unpacked: string;
}

/**
 * What electron-builder needs from an Electron distribution to pack around it: the executable it renames, an
 * empty resources/ and the licence files. No default_app.asar: an empty one breaks its asar integrity step.
 */
export function standInElectron(dir: string): string {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  writeFileSync(
    join(dir, 'electron'),
    '#!/bin/sh\necho "stand-in Electron: the real binary is not here" >&2\nexit 1\n',
  );
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'LICENSE'), 'stand-in\n');
  writeFileSync(join(dir, 'LICENSES.chromium.html'), '<p>stand-in</p>\n');
  return dir;
}

/**
 * Runs the real electron-builder over the built app (`npm run build` first) with electron-builder.json, as
 * `npm run package` does, but only to the unpacked folder, without rebuilding native modules for Electron (they
 * stay built for this Node, so the package's code can be run with Node) and with `publishUrl` as the update feed.
 */
export function packageLinuxDir(work: string, publishUrl: string): PackagedLayout {
  const electronDist = standInElectron(join(work, 'electron-dist'));
  const output = join(work, 'dist');
  const cli = join(ROOT, 'node_modules', 'electron-builder', 'cli.js');
  const run = spawnSync(
    process.execPath,
    [
      cli,
      '--dir',
      '--linux',
      '--x64',
      '--config',
      'electron-builder.json',
      `-c.electronDist=${electronDist}`,
      '-c.electronVersion=41.7.1',
      '-c.npmRebuild=false',
      `-c.directories.output=${output}`,
      '-c.publish.provider=generic',
      `-c.publish.url=${publishUrl}`,
    ],
    { cwd: ROOT, encoding: 'utf8', timeout: 240_000, env: { ...process.env, CI: 'true' } },
  );
  if (run.status !== 0)
    throw new Error(`electron-builder failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  const dir = join(output, 'linux-unpacked');
  const resources = join(dir, 'resources');
  return {
    dir,
    resources,
    asar: join(resources, 'app.asar'),
    unpacked: join(resources, 'app.asar.unpacked'),
  };
}

/** Bytes on disk under a path (files only; links are not followed). */
export function sizeOf(path: string): number {
  const stat = lstatSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0);
}

export const MB = 1024 * 1024;
/** The ceiling for the app's own part of the Linux x64 package. */
export const APP_PART_LIMIT_MB = 120;
