import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_AI_SETTINGS } from '../../../src-shared/ai';
import { memorySecrets } from '../../../tests/support/memory-secrets';
import { ok, testRuntime } from '../../../tests/support/runtime';
import { dataServiceOf } from './service';
import { closedPort } from '../../../tests/support/net';
import { SECRET_ACCOUNT } from '../sync/service';
import { eraseServerData } from './sync-hook';
import { populate, resumeFilesOf, tableRows } from './testing';

describe('delete everything', () => {
  it('names what will go, then removes the data, résumé files, keychain entries and (when asked) the backups', async () => {
    const secrets = memorySecrets();
    const runtime = await testRuntime({ secrets });
    await populate(runtime);
    await ok(runtime, 'ai.settings.save', {
      ...DEFAULT_AI_SETTINGS,
      ollama: { ...DEFAULT_AI_SETTINGS.ollama, mode: 'off' },
      cloud: { ...DEFAULT_AI_SETTINGS.cloud, enabled: true, preset: 'groq' },
    });
    await ok(runtime, 'ai.cloud.saveKey', { key: 'gsk-test-0123456789' });
    await ok(runtime, 'data.backups.create', {});

    const preview = await ok(runtime, 'data.erase.preview', {});
    const database = preview.items.find((i) => i.id === 'database')!;
    expect(database.detail).toMatch(
      /^your profile, 3 practice sessions, \d+ questions asked, 2 answers, 1 unsent draft, 2 pieces of feedback, 1 résumé version, 1 job posting, 1 question of your own, 1 company profile, your AI settings/,
    );
    expect(preview.items.map((i) => i.label)).toEqual([
      'Your practice data',
      'Résumé files',
      'Keychain entry',
    ]);
    expect(preview.items[2]!.detail).toBe('Your Groq key, saved in the system keychain.');
    expect(preview.backups.count).toBe(1);
    expect(preview.kept.join(' ')).toMatch(/models.*logs/);

    expect(await runtime.invoke('data.erase', { confirm: 'delete', includeBackups: false })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_ERROR', message: 'Type DELETE to confirm.' },
    });

    const report = await ok(runtime, 'data.erase', { confirm: 'DELETE', includeBackups: false });
    expect(report.removed[0]).toMatch(/^The database \(your profile, 3 practice sessions/);
    expect(report.removed).toContain('1 résumé file');
    expect(report.removed).toContain('Your Groq key in the system keychain');
    expect(report.kept[0]).toMatch(/^1 backup in .*backups/);
    expect(report.problems).toEqual([]);
    expect(secrets.entries.size).toBe(0);
    expect(resumeFilesOf(runtime.ctx.dataDir)).toEqual({});
    for (const rows of Object.values(tableRows(runtime.connection.sqlite, 'candidate')))
      expect(rows).toEqual([]);
    // The app starts over: onboarding again, default AI settings (nothing cached from before).
    expect(await ok(runtime, 'profile.get', {})).toBeNull();
    expect(await ok(runtime, 'ai.settings.get', {})).toEqual(DEFAULT_AI_SETTINGS);
    expect(await ok(runtime, 'sessions.list', { page: 1 })).toMatchObject({ total: 0 });
    // The kept backup still restores everything but the key.
    const [backup] = await ok(runtime, 'data.backups.list', {});
    await ok(runtime, 'data.backups.restore', { id: backup!.id });
    expect((await ok(runtime, 'profile.get', {}))?.name).toBe('Ada Lovelace');

    await ok(runtime, 'data.erase', { confirm: 'DELETE', includeBackups: true });
    expect(existsSync(join(runtime.ctx.dataDir, 'backups'))).toBe(false);
    expect(await ok(runtime, 'data.backups.list', {})).toEqual([]);
    expect(await ok(runtime, 'profile.get', {})).toBeNull();
  });

  it('still deletes the local data when the keychain is locked, and says the key may remain', async () => {
    const runtime = await testRuntime({ secrets: memorySecrets(new Error('The keychain is locked.')) });
    await ok(runtime, 'profile.save', { name: 'Ada', targetRole: 'Sales', experienceLevel: 'Mid' });
    const preview = await ok(runtime, 'data.erase.preview', {});
    expect(preview.items.at(-1)).toMatchObject({
      id: 'keychain',
      detail: expect.stringMatching(/could not check just now: The keychain is locked/),
    });
    const report = await ok(runtime, 'data.erase', { confirm: 'DELETE', includeBackups: true });
    expect(report.problems).toEqual(['A key may still be in your system keychain: The keychain is locked.']);
    expect(await ok(runtime, 'profile.get', {})).toBeNull();
  });

  it('deletes the data on the leaderboard server first; when the server cannot be reached, nothing here goes', async () => {
    expect(await eraseServerData(null)).toEqual({ attempted: false, ok: true, message: expect.any(String) });
    const secrets = memorySecrets();
    const runtime = await testRuntime({ secrets });
    expect((await ok(runtime, 'data.status', {})).sync).toEqual({ on: false });
    await ok(runtime, 'profile.save', { name: 'Ada', targetRole: 'Sales', experienceLevel: 'Mid' });
    // A device registered with a server that has since gone away.
    runtime.connection.sqlite
      .prepare(
        "INSERT INTO sync_settings (id, enabled, server_url, device_id, updated_at) VALUES (1, 1, ?, 'device-1', ?)",
      )
      .run(`http://127.0.0.1:${await closedPort()}`, new Date().toISOString());
    await secrets.set(SECRET_ACCOUNT, 'device-secret-0123456789');
    expect((await ok(runtime, 'data.status', {})).sync).toEqual({ on: true });
    const preview = await ok(runtime, 'data.erase.preview', {});
    expect(preview.items.map((i) => i.id)).toEqual(['database', `keychain:${SECRET_ACCOUNT}`, 'sync']);
    const result = await runtime.invoke('data.erase', { confirm: 'DELETE', includeBackups: true });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'UNAVAILABLE',
        message: expect.stringMatching(/could not be deleted yet.*Nothing on this computer was deleted/),
      },
    });
    expect((await ok(runtime, 'profile.get', {}))?.name).toBe('Ada');
    expect(secrets.entries.has(SECRET_ACCOUNT)).toBe(true);
    expect(dataServiceOf(runtime.ctx)).toBeDefined();
  });
});
