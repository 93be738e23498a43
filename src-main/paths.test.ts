import { describe, expect, it } from 'vitest';
import { defaultDataDir, resolveDataDir } from './paths';

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
