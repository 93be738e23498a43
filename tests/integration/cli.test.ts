import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations } from '../../src-main/db/migrator';
import { appPaths } from '../../src-main/paths';
import { DEFAULT_AI_SETTINGS } from '../../src-shared/ai';
import { startRuntime } from '../../src-main/core/runtime';
import { BIN, requireBuild } from '../support/built';
import { startFakeOllama } from '../support/fake-ollama';
import { closedPort } from '../support/net';
import { startHost } from '../support/host-process';
import { onExit, tempDir } from '../support/runtime';

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function runAsync(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const rows = (dataDir: string, table: string) => {
  const db = new BetterSqlite3(join(dataDir, 'rehearse.sqlite'), { readonly: true });
  try {
    return db.prepare(`SELECT * FROM ${table}`).all();
  } finally {
    db.close();
  }
};

/** What doctor says of the providers a fresh data folder has not set up. */
const NOT_SET_UP = [
  {
    name: 'transformers',
    label: 'In-app language model',
    ok: false,
    state: 'not set up',
    reason: 'not downloaded — Settings → AI coach → Models inside Rehearse → Download',
  },
  {
    name: 'transformers-embed',
    label: 'In-app embeddings',
    ok: false,
    state: 'not set up',
    reason: 'not downloaded — Settings → AI coach → Models inside Rehearse → Download',
  },
  {
    name: 'whisper',
    label: 'In-app speech to text (Whisper)',
    ok: false,
    state: 'not set up',
    reason: 'not downloaded — Settings → AI coach → Models inside Rehearse → Download',
  },
  {
    name: 'cloud',
    label: 'Cloud AI',
    ok: false,
    state: 'not set up',
    reason: 'no key set up — Settings → AI coach → Cloud AI (optional)',
  },
];

describe('the rehearse CLI', () => {
  beforeAll(requireBuild);

  it('lists its commands with --help, and every command takes --json and --data-dir', () => {
    const { code, stdout } = run(['--help']);
    expect(code).toBe(0);
    for (const command of ['serve', 'start', 'profile', 'sessions', 'doctor'])
      expect(stdout).toMatch(new RegExp(`^  ${command}\\s`, 'm'));
    expect(stdout).toContain('--json');
    expect(stdout).toContain('--data-dir DIR');
    expect(run(['sessions', '--help']).stdout).toContain('Usage: rehearse sessions');
  });

  it('exits 2 on bad usage with a one-line reason', () => {
    expect(run([]).code).toBe(2);
    const unknown = run(['fly']);
    expect(unknown).toMatchObject({
      code: 2,
      stderr: 'rehearse: unknown command "fly". Run `rehearse --help` for the list.\n',
    });
    const flag = run(['doctor', '--bogus']);
    expect(flag.code).toBe(2);
    expect(flag.stderr.split('\n')[0]).toBe("rehearse doctor: Unknown option '--bogus'");
    expect(run(['serve', '--port', 'abc']).stderr).toContain('--port must be a whole number from 0 to 65535');
  });

  it('exits 1 on a user error with the same message the UI shows, and writes nothing', () => {
    const dataDir = tempDir();
    const bad = run([
      'profile',
      'set',
      '--name',
      'Ada',
      '--role',
      'Sales',
      '--level',
      'Wizard',
      '--data-dir',
      dataDir,
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(
      'rehearse: Experience level must be one of Entry, Mid, Senior, Staff, Principal.\n',
    );
    expect(rows(dataDir, 'profile')).toEqual([]);
    const json = run(['sessions', 'show', 'nope', '--json', '--data-dir', dataDir]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION_ERROR',
        message: 'Invalid sessionId: must be a valid id.',
        details: { field: 'sessionId', reason: 'must be a valid id' },
      },
    });
  });

  it('sets and shows the profile, lists sessions and runs doctor, as text and JSON', () => {
    const dataDir = tempDir();
    expect(run(['profile', '--data-dir', dataDir]).stdout).toBe(
      'No profile yet: open the app to set one up.\n',
    );
    const set = run([
      'profile',
      'set',
      '--name',
      'Ada Lovelace',
      '--role',
      'Data Scientist',
      '--level',
      'Senior',
      '--data-dir',
      dataDir,
    ]);
    expect(set).toMatchObject({ code: 0, stdout: 'Ada Lovelace — Data Scientist (Senior)\n' });
    expect(
      JSON.parse(run(['profile', 'show', '--json'], { REHEARSE_DATA_DIR: dataDir }).stdout),
    ).toMatchObject({
      name: 'Ada Lovelace',
      targetRole: 'Data Scientist',
      experienceLevel: 'Senior',
    });
    expect(JSON.parse(run(['sessions', 'list', '--json', '--data-dir', dataDir]).stdout)).toEqual({
      items: [],
      total: 0,
      page: 1,
    });
    expect(run(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('doctor reports each provider and exits 3 when only the builtin coach works, 0 when Ollama does', async () => {
    const dataDir = tempDir();
    const host = `http://127.0.0.1:${await closedPort()}`;
    const setOllama = async (url: string) => {
      const runtime = await startRuntime({ dataDir, host: 'cli' });
      await runtime.invoke('ai.settings.save', {
        ...DEFAULT_AI_SETTINGS,
        ollama: { ...DEFAULT_AI_SETTINGS.ollama, host: url },
      });
      await runtime.close();
    };
    await setOllama(host);
    const down = run(['doctor', '--json', '--data-dir', dataDir]);
    expect(down.code).toBe(3);
    expect(JSON.parse(down.stdout)).toMatchObject({
      integrity: 'ok',
      schemaVersion: loadMigrations(appPaths().migrations).at(-1)!.version,
      questionBank: expect.any(Number),
      onlyBuiltin: true,
      providers: [
        { name: 'builtin', ok: true, state: 'working' },
        {
          name: 'ollama',
          ok: false,
          state: 'not working',
          reason: `Ollama is not running at ${host}. Start it (ollama serve) or change the Ollama address in Settings.`,
        },
        ...NOT_SET_UP,
      ],
    });
    const fake = await startFakeOllama();
    onExit(() => fake.close());
    await setOllama(fake.url);
    // Asynchronously: spawnSync would block this process, which is also the one serving the fake Ollama.
    const up = await runAsync(['doctor', '--data-dir', dataDir]);
    expect(up.code).toBe(0);
    expect(up.stdout).toContain('ollama: ok — models: llama3.2:latest, nomic-embed-text:latest');
    expect(up.stdout).toContain(
      'transformers: not downloaded — Settings → AI coach → Models inside Rehearse → Download',
    );
  });

  it('doctor names every provider with its state and reason, Ollama switched off included', async () => {
    const dataDir = tempDir();
    const runtime = await startRuntime({ dataDir, host: 'cli' });
    await runtime.invoke('ai.settings.save', {
      ...DEFAULT_AI_SETTINGS,
      ollama: { ...DEFAULT_AI_SETTINGS.ollama, mode: 'off' },
    });
    await runtime.close();
    const off = run(['doctor', '--json', '--data-dir', dataDir]);
    expect(off.code).toBe(3);
    expect(JSON.parse(off.stdout).providers).toEqual([
      {
        name: 'builtin',
        label: 'Built-in coach',
        ok: true,
        state: 'working',
        reason: 'always available, offline',
      },
      {
        name: 'ollama',
        label: 'Ollama',
        ok: false,
        state: 'not set up',
        reason: 'switched off — Settings → AI coach → Ollama: Auto or Always',
      },
      ...NOT_SET_UP,
    ]);
    const text = run(['doctor', '--data-dir', dataDir]).stdout;
    expect(text).toContain('cloud: no key set up — Settings → AI coach → Cloud AI (optional)');
    expect(text).toContain('ollama: switched off — Settings → AI coach → Ollama: Auto or Always');
  });

  it('prints its version', () => {
    expect(run(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('refuses to open data from a newer version, and says so', () => {
    const dataDir = tempDir();
    run(['doctor', '--data-dir', dataDir]);
    const db = new BetterSqlite3(join(dataDir, 'rehearse.sqlite'));
    db.prepare("INSERT INTO schema_migrations VALUES (42, '0042_future', 'x', 'now')").run();
    db.close();
    expect(run(['sessions', '--data-dir', dataDir])).toMatchObject({
      code: 1,
      stderr:
        'rehearse: Your data was saved by a newer version of Rehearse (it has migration 0042_future, which this version does not know). Update Rehearse to open it.\n',
    });
  });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`serve prints one line and shuts down cleanly on ${signal}`, async () => {
      const dataDir = tempDir();
      const host = await startHost(['--data-dir', dataDir]);
      const res = await fetch(host.url, { redirect: 'manual' });
      expect(res.status).toBe(302);
      expect(await host.stop(signal)).toBe(0);
      // A clean close checkpoints the WAL into the database and removes it.
      expect(existsSync(join(dataDir, 'rehearse.sqlite-wal'))).toBe(false);
    });
  }

  it('serve says when its port is taken', async () => {
    const blocker = createServer().listen(0, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    const port = (blocker.address() as { port: number }).port;
    const result = run(['serve', '--port', String(port), '--data-dir', tempDir()]);
    blocker.close();
    expect(result).toMatchObject({
      code: 1,
      stderr: `rehearse: Port ${port} is already in use; choose another with --port.\n`,
    });
  });

  it('start falls back to the browser host where Electron cannot run, saying why in one sentence', async () => {
    const child = spawn(
      process.execPath,
      [BIN, 'start', '--port', '0', '--no-open', '--data-dir', tempDir()],
      {
        env: { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '' },
      },
    );
    const out = await new Promise<string>((resolve) => {
      let text = '';
      child.stdout.on('data', (d: Buffer) => {
        text += d.toString();
        if (text.includes('Rehearse is running at')) resolve(text);
      });
    });
    child.kill('SIGTERM');
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^(Electron's binary is not installed on this machine|There is no display to open a window on), so Rehearse .* instead\.$/,
    );
    expect(lines[1]).toMatch(/^Rehearse is running at http:\/\/127\.0\.0\.1:\d+\/\?token=/);
  });
});
