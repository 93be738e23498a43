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

/** Where Electron keeps its fuses: this marker, then the wire's version, its length and one byte per fuse. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's fuses in wire order (@electron/fuses' FuseV1Options). */
export const FUSES = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const;
/** A released Electron's defaults, as '1' (on) and '0' (off) in wire order. */
const DEFAULT_FUSES = '10110001';

/**
 * What electron-builder needs from an Electron distribution to pack around it: the executable it renames (here a
 * script that refuses to run, carrying a fuse wire with Electron's defaults after its last line, so the fuses
 * step flips real bytes), an empty resources/ and the licence files. No default_app.asar: an empty one breaks
 * its asar integrity step.
 */
export function standInElectron(dir: string): string {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  writeFileSync(
    join(dir, 'electron'),
    Buffer.concat([
      Buffer.from('#!/bin/sh\necho "stand-in Electron: the real binary is not here" >&2\nexit 1\n# '),
      Buffer.from(FUSE_SENTINEL),
      Buffer.from([1, DEFAULT_FUSES.length]),
      Buffer.from(`${DEFAULT_FUSES}\n`),
    ]),
  );
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'LICENSE'), 'stand-in\n');
  writeFileSync(join(dir, 'LICENSES.chromium.html'), '<p>stand-in</p>\n');
  return dir;
}

/** The fuses as a packaged Electron binary carries them: name → on. */
export function readFuses(binary: Buffer): Record<(typeof FUSES)[number], boolean> {
  const at = binary.indexOf(FUSE_SENTINEL);
  if (at < 0) throw new Error('No fuse wire in this binary');
  const start = at + FUSE_SENTINEL.length;
  const wire = binary.subarray(start + 2, start + 2 + binary[start + 1]!);
  return Object.fromEntries(FUSES.map((name, i) => [name, wire[i] === 0x31])) as Record<
    (typeof FUSES)[number],
    boolean
  >;
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
