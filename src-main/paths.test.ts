import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../tests/support/runtime';
import { appPaths, defaultDataDir, resolveDataDir } from './paths';

describe("the app's own files", () => {
  it('are under the checkout when migrations/ sits beside package.json', () => {
    const root = tempDir();
    mkdirSync(join(root, 'migrations'));
    expect(appPaths(root)).toEqual({
      layout: 'checkout',
      root,
      migrations: join(root, 'migrations'),
      resources: join(root, 'resources'),
      questions: join(root, 'resources', 'questions'),
      companies: join(root, 'resources', 'companies'),
      taxonomy: join(root, 'resources', 'skills', 'taxonomy.json'),
      wordnet: join(root, 'resources', 'wordnet', 'links.json'),
      notice: join(root, 'resources', 'NOTICE.md'),
      renderer: join(root, 'out', 'renderer'),
    });
  });

  it("are beside app.asar in a package, where electron-builder's extraResources put them", () => {
    const resources = tempDir();
    const root = join(resources, 'app.asar');
    mkdirSync(root);
    mkdirSync(join(resources, 'migrations'));
    const paths = appPaths(root);
    expect(paths.layout).toBe('packaged');
    expect(paths.migrations).toBe(join(resources, 'migrations'));
    expect(paths.companies).toBe(join(resources, 'resources', 'companies'));
    expect(paths.taxonomy).toBe(join(resources, 'resources', 'skills', 'taxonomy.json'));
    expect(paths.wordnet).toBe(join(resources, 'resources', 'wordnet', 'links.json'));
    // The code, and so the renderer, stays inside the archive.
    expect(paths.renderer).toBe(join(root, 'out', 'renderer'));
  });

  it('finds this checkout from the source and from the build alike', () => {
    expect(appPaths().layout).toBe('checkout');
    expect(appPaths().migrations).toBe(join(appPaths().root, 'migrations'));
  });
});

describe('the data dir', () => {
  it('follows XDG on Linux, with ~/.local/share as the fallback', () => {
    expect(defaultDataDir({ XDG_DATA_HOME: '/x/data' }, 'linux', '/home/ada')).toBe('/x/data/rehearse');
    expect(defaultDataDir({}, 'linux', '/home/ada')).toBe('/home/ada/.local/share/rehearse');
    // A relative XDG_DATA_HOME is invalid per the spec and ignored.
    expect(defaultDataDir({ XDG_DATA_HOME: 'rel' }, 'linux', '/home/ada')).toBe(
      '/home/ada/.local/share/rehearse',
    );
  });

  it('uses the conventional folder on macOS and Windows', () => {
    expect(defaultDataDir({}, 'darwin', '/Users/ada')).toBe(
      '/Users/ada/Library/Application Support/Rehearse',
    );
    expect(defaultDataDir({ APPDATA: 'C:/Users/ada/AppData/Roaming' }, 'win32', 'C:/Users/ada')).toMatch(
      /Roaming[\\/]Rehearse$/,
    );
  });

  it('lets --data-dir win over REHEARSE_DATA_DIR, which wins over the default', () => {
    expect(resolveDataDir('/flag', { REHEARSE_DATA_DIR: '/env' })).toBe('/flag');
    expect(resolveDataDir(undefined, { REHEARSE_DATA_DIR: '/env' })).toBe('/env');
    expect(resolveDataDir(undefined, { XDG_DATA_HOME: '/xdg' })).toBe('/xdg/rehearse');
  });
});
