import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, requireBuild } from '../../../tests/support/built';
import { ok, tempDir, testRuntime } from '../../../tests/support/runtime';

function runWith(env: NodeJS.ProcessEnv, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const run = (...args: string[]) => runWith({}, ...args);
const json = (stdout: string) => JSON.parse(stdout) as Record<string, unknown>;

describe('rehearse backup, export and import', () => {
  beforeAll(requireBuild);

  it(
    'backs up, restores, exports and imports with --json and --data-dir, exiting 0, 1 or 2',
    { timeout: 120_000 },
    () => {
      const dir = tempDir();
      const other = tempDir();
      const file = join(tempDir(), 'everything.zip');
      const d = ['--data-dir', dir];
      expect(run('profile', 'set', '--name', 'Ada', '--role', 'Sales', '--level', 'Mid', ...d).code).toBe(0);

      const created = run('backup', 'create', '--json', ...d);
      expect(created.code).toBe(0);
      const backup = json(created.stdout) as { id: string; kind: string };
      expect(backup.kind).toBe('manual');
      expect(run('backup', 'list', ...d).stdout).toContain(backup.id);
      expect((JSON.parse(run('backup', 'list', '--json', ...d).stdout) as unknown[]).length).toBe(1);

      expect(run('profile', 'set', '--name', 'Grace', '--role', 'Sales', '--level', 'Mid', ...d).code).toBe(
        0,
      );
      const restored = run('backup', 'restore', backup.id, '--json', ...d);
      expect(restored.code).toBe(0);
      expect(json(restored.stdout)).toMatchObject({
        restored: { id: backup.id },
        undo: { kind: 'pre-restore' },
      });
      expect(run('profile', ...d).stdout).toMatch(/^Ada/);

      const exported = run('export', '--out', file, '--json', ...d);
      expect(exported.code).toBe(0);
      expect(json(exported.stdout)).toMatchObject({
        file,
        tables: expect.arrayContaining([{ name: 'profile', rows: 1 }]),
      });
      expect(existsSync(file)).toBe(true);

      const check = run('import', file, '--check', '--json', '--data-dir', other);
      expect(json(check.stdout)).toMatchObject({ applied: false });
      expect(run('profile', '--data-dir', other).stdout).toMatch(/No profile yet/);
      const imported = run('import', file, '--data-dir', other);
      expect(imported.code).toBe(0);
      expect(imported.stdout).toMatch(/^Imported /);
      expect(run('profile', '--data-dir', other).stdout).toMatch(/^Ada/);
      const merged = run('import', file, '--merge', '--json', '--data-dir', other);
      expect(json(merged.stdout)).toMatchObject({ mode: 'merge', applied: true, backup: null });

      // User errors exit 1 with one line on stderr (and the error as JSON with --json); bad usage exits 2.
      const missing = run('backup', 'restore', '20200101-000000-manual', '--json', ...d);
      expect(missing.code).toBe(1);
      expect(json(missing.stdout)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      const foreign = run('import', BIN, ...d);
      expect(foreign).toMatchObject({
        code: 1,
        stderr: expect.stringMatching(/not a ZIP archive.*Nothing was changed/),
      });
      expect(run('export', ...d).code).toBe(2);
      expect(run('backup', 'restore', ...d).code).toBe(2);
      expect(run('backup', 'frobnicate', ...d).code).toBe(2);
      expect(run('import', ...d).code).toBe(2);
    },
  );

  it('unlocks a passphrase-protected data dir from REHEARSE_PASSPHRASE or the terminal, and only with the right one', async () => {
    const dir = tempDir();
    const runtime = await testRuntime({ dataDir: dir });
    await ok(runtime, 'profile.save', { name: 'Ada', targetRole: 'Sales', experienceLevel: 'Mid' });
    await ok(runtime, 'vault.enable', { passphrase: 'Correct-Horse-9', confirm: 'Correct-Horse-9' });
    await runtime.close();
    const file = join(tempDir(), 'protected.zip');
    expect(run('export', '--out', file, '--data-dir', dir)).toMatchObject({
      code: 1,
      stderr:
        'rehearse: Your data is protected by a passphrase: set REHEARSE_PASSPHRASE in the environment to unlock it for this command.\n',
    });
    expect(
      runWith({ REHEARSE_PASSPHRASE: 'Wrong-Horse-9' }, 'export', '--out', file, '--data-dir', dir),
    ).toMatchObject({
      code: 1,
      stderr:
        'rehearse: That passphrase is not right. 4 more tries before unlocking pauses for 30 minutes.\n',
    });
    expect(existsSync(file)).toBe(false);
    const unlocked = runWith({ REHEARSE_PASSPHRASE: 'Correct-Horse-9' }, 'profile', '--data-dir', dir);
    expect(unlocked).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Ada/) });

    // On a terminal (a real pseudo-terminal, through util-linux's script) it asks, without echoing what is typed.
    const child = spawn(
      'script',
      ['-qec', `"${process.execPath}" "${BIN}" profile --data-dir "${dir}"`, '/dev/null'],
      {
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    let screen = '';
    const asked = new Promise<void>((resolve) =>
      child.stdout.on('data', (d: Buffer) => {
        screen += d.toString();
        if (screen.includes('Passphrase: ')) resolve();
      }),
    );
    await asked;
    // the prompt is up once raw mode is: give the terminal a moment before typing, as a person would
    await new Promise((r) => setTimeout(r, 300));
    child.stdin.write('Correct-Horse-9\r');
    const code = await new Promise((resolve) => child.once('close', resolve));
    expect(code).toBe(0);
    expect(screen).toMatch(/Passphrase: \r?\n(.|\n)*Ada/);
    expect(screen).not.toContain('Correct-Horse-9');
  });
});
