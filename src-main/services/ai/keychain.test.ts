import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { inspect } from 'node:util';
import type * as keyring from '@napi-rs/keyring';
import { findCredentialsAsync } from '@napi-rs/keyring';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../src-shared/errors';
import { KeychainUnavailableError, osKeychain } from './keychain';

/*
 * This file runs in three roles, chosen by REHEARSE_KEYCHAIN_TEST:
 * - unset (what `vitest run` starts): input checks and messages, then on Linux it runs itself twice as a child
 *   vitest and requires every child test to pass: once inside tests/support/keyring-session.sh (a private
 *   D-Bus session with an unlocked gnome-keyring) and once with D-Bus pointing at a socket that does not exist.
 *   CI has no desktop session, and a developer's own keyring is never touched or prompted for.
 * - "session": the real keychain round trips.
 * - "unreachable": every operation must fail with the exact sentence and leave no copy of the key anywhere.
 * On macOS and Windows the real round trips run directly against the OS keychain.
 */
const ROLE = process.env.REHEARSE_KEYCHAIN_TEST;
const SERVICE = 'Rehearse.test';
const RUN = randomBytes(4).toString('hex');
const REPO = resolve(__dirname, '../../..');
const THIS_FILE = relative(REPO, __filename);
const SESSION_SUITE = 'osKeychain against a real keychain';
const UNREACHABLE_SUITE = 'osKeychain with no reachable keychain';

// Records the options of every entry the store opens, so the tests can prove each one is pinned to the Secret
// Service: on a machine where the kernel keyring works, an unpinned entry would "save" there without a sound.
const entryOptions = vi.hoisted(() => [] as unknown[]);
vi.mock('@napi-rs/keyring', async (importOriginal) => {
  const real = await importOriginal<typeof keyring>();
  const AsyncEntry = new Proxy(real.AsyncEntry, {
    construct(target, args: ConstructorParameters<typeof real.AsyncEntry>) {
      entryOptions.push(args[2]);
      return new target(...args);
    },
  });
  return { ...real, AsyncEntry };
});

const PINNED = { linux: { store: 'secret-service' } };

const INVALID_ACCOUNT =
  "A keychain account name must be 1 to 100 characters of a-z, 0-9, ':', '.', '_' or '-'.";
const LINUX_SAVE =
  'Rehearse could not reach your system keychain, so it cannot store this key safely. On Linux, install and unlock GNOME Keyring or KWallet; your key was not saved.';
const LINUX_READ =
  'Rehearse could not reach your system keychain, so it cannot read your saved key. On Linux, install and unlock GNOME Keyring or KWallet, then try again.';
const LINUX_DELETE =
  'Rehearse could not reach your system keychain, so it could not remove your saved key. On Linux, install and unlock GNOME Keyring or KWallet, then try again.';
const LINUX_CHECK =
  'Rehearse could not reach your system keychain, so it cannot store cloud keys safely. On Linux, install and unlock GNOME Keyring or KWallet, then try again.';

/** Every way an error could reach a log, a payload or a console. */
function errorTexts(err: unknown): string[] {
  const texts = [String(err), inspect(err, { depth: 10, showHidden: true })];
  if (err instanceof Error) texts.push(err.message, err.stack ?? '');
  if (err instanceof AppError) texts.push(JSON.stringify(err.toPayload()));
  return texts;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the call to be refused');
    },
    (err: unknown) => err,
  );
}

/** Files under `root` holding the secret as UTF-8, UTF-16 or base64: the shapes a careless fallback would write. */
function filesHolding(root: string, secret: string): string[] {
  const needles = [
    Buffer.from(secret, 'utf8'),
    Buffer.from(secret, 'utf16le'),
    Buffer.from(Buffer.from(secret, 'utf8').toString('base64')),
  ];
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stat = lstatSync(path);
      if (stat.isDirectory()) walk(path);
      else if (stat.isFile() && needles.some((n) => readFileSync(path).includes(n))) found.push(path);
    }
  };
  walk(root);
  return found;
}

function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => !d.isDirectory())
    .map((d) => relative(root, join(d.parentPath, d.name)));
}

interface ChildReport {
  numTotalTests: number;
  numPassedTests: number;
  testResults: { assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[];
}

/** Runs this file again as its own vitest process in `role`, and returns its exit code and JSON report. */
async function runSelf(
  role: 'session' | 'unreachable',
  command: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ status: number | string; report: ChildReport | undefined; output: string }> {
  const out = mkdtempSync(join(tmpdir(), 'rehearse-keychain-report-'));
  const reportFile = join(out, 'report.json');
  // The parent's worker variables would make the child think it is already inside a vitest worker.
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITEST|TINYPOOL)/.test(k)));
  const vitest = [
    process.execPath,
    join(REPO, 'node_modules', 'vitest', 'vitest.mjs'),
    'run',
    '--project',
    'unit',
    THIS_FILE,
    '--reporter=json',
    `--outputFile=${reportFile}`,
  ];
  const [bin, ...args] = [...command, ...vitest] as [string, ...string[]];
  const child = spawn(bin, args, {
    cwd: REPO,
    env: { ...base, ...env, REHEARSE_KEYCHAIN_TEST: role },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so a timeout can end the whole tree (dbus-daemon, gnome-keyring included).
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }, 80_000);
  const status = await new Promise<number | string>((done) =>
    child.once('close', (code, signal) => done(code ?? signal ?? -1)),
  );
  clearTimeout(timer);
  let report: ChildReport | undefined;
  try {
    report = JSON.parse(readFileSync(reportFile, 'utf8')) as ChildReport;
  } catch {
    report = undefined;
  }
  rmSync(out, { recursive: true, force: true });
  return { status, report, output };
}

/** The child passed only if it ran tests of the expected suite, all of them, and none failed or was skipped. */
function expectChildPassed(
  run: { status: number | string; report: ChildReport | undefined; output: string },
  suite: string,
) {
  const results = run.report?.testResults.flatMap((f) => f.assertionResults) ?? [];
  const failures = results
    .filter((r) => r.status !== 'passed')
    .map((r) => `${r.fullName} (${r.status}): ${r.failureMessages.join('\n')}`);
  const context = `child vitest exited ${run.status}\n${failures.join('\n\n')}\n--- output ---\n${run.output.slice(-4000)}`;
  expect(run.report, context).toBeDefined();
  expect(failures, context).toEqual([]);
  expect(results.length, context).toBeGreaterThan(0);
  expect(run.report!.numPassedTests, context).toBe(run.report!.numTotalTests);
  expect(
    results.every((r) => r.fullName.startsWith(suite)),
    context,
  ).toBe(true);
  expect(run.status, context).toBe(0);
}

function realKeychainSuite() {
  describe(SESSION_SUITE, () => {
    const store = osKeychain(SERVICE);
    const used = new Set<string>();
    const account = (name: string) => {
      const full = `test.${RUN}.${name}`;
      used.add(full);
      return full;
    };

    afterAll(async () => {
      for (const name of used) await store.delete(name);
      const left = (await findCredentialsAsync(SERVICE)).filter((c) => c.account.includes(RUN));
      expect(left).toEqual([]);
    });

    it('reports the keychain available and leaves no probe entry behind', async () => {
      await expect(store.available()).resolves.toEqual({ ok: true });
      const probes = (await findCredentialsAsync(SERVICE)).filter((c) => c.account.startsWith('probe.'));
      expect(probes).toEqual([]);
    });

    it('reads back the key it saved', async () => {
      const secret = `sk-test-${RUN}-Ab12Cd34Ef56`;
      await store.set(account('plain'), secret);
      await expect(store.get(account('plain'))).resolves.toBe(secret);
    });

    it('round-trips non-ASCII keys exactly', async () => {
      const secrets = [
        `clé-${RUN}-ключ-鍵-مفتاح`,
        `emoji-${RUN}-🔑🗝️-and-a-zwj-👩‍💻`,
        `combining-${RUN}-e\u0301-versus-\u00e9`,
        `spaces and\ttabs ${RUN} and a trailing space `,
      ];
      for (const [i, secret] of secrets.entries()) {
        await store.set(account(`unicode-${i}`), secret);
        await expect(store.get(account(`unicode-${i}`))).resolves.toBe(secret);
      }
    });

    it('round-trips the longest key it accepts (1,024 UTF-16 code units)', async () => {
      const secret = `${RUN}-🔑-ключ-`.padEnd(1024, 'xY9-');
      expect(secret).toHaveLength(1024);
      await store.set(account('long'), secret);
      await expect(store.get(account('long'))).resolves.toBe(secret);
    });

    it('accepts a 100-character account name', async () => {
      const name = account('max').padEnd(100, 'a');
      used.add(name);
      expect(name).toHaveLength(100);
      await store.set(name, 'at-the-limit');
      await expect(store.get(name)).resolves.toBe('at-the-limit');
    });

    it('overwrites a saved key', async () => {
      await store.set(account('overwrite'), 'first-key');
      await store.set(account('overwrite'), 'second-key');
      await expect(store.get(account('overwrite'))).resolves.toBe('second-key');
    });

    it('deletes once: true, then false, and the key is gone', async () => {
      await store.set(account('delete'), 'to-be-deleted');
      await expect(store.delete(account('delete'))).resolves.toBe(true);
      await expect(store.delete(account('delete'))).resolves.toBe(false);
      await expect(store.get(account('delete'))).resolves.toBeNull();
    });

    it('returns null for an account that was never saved', async () => {
      await expect(store.get(account('never-saved'))).resolves.toBeNull();
    });

    it('keeps accounts and services apart', async () => {
      const other = osKeychain(`${SERVICE}.other`);
      await store.set(account('apart-a'), 'key-a');
      await store.set(account('apart-b'), 'key-b');
      await expect(store.get(account('apart-a'))).resolves.toBe('key-a');
      await expect(store.get(account('apart-b'))).resolves.toBe('key-b');
      await expect(other.get(account('apart-a'))).resolves.toBeNull();
    });

    it('opens every entry pinned to the Secret Service', () => {
      expect(entryOptions.length).toBeGreaterThan(0);
      expect(entryOptions.filter((o) => JSON.stringify(o) !== JSON.stringify(PINNED))).toEqual([]);
    });

    const keyringRoot = process.env.REHEARSE_KEYRING_ROOT;
    if (keyringRoot) {
      it('leaves no plaintext copy of a saved key in the keyring files', async () => {
        const secret = `sk-plaintext-check-${RUN}-${randomBytes(12).toString('hex')}`;
        await store.set(account('at-rest'), secret);
        expect(filesUnder(keyringRoot)).toContain(join('data', 'keyrings', 'login.keyring'));
        expect(filesHolding(keyringRoot, secret)).toEqual([]);
      });
    }
  });
}

function unreachableSuite() {
  describe(UNREACHABLE_SUITE, () => {
    const store = osKeychain(SERVICE);
    const secret = process.env.REHEARSE_KEYCHAIN_SECRET ?? `sk-unreachable-${RUN}`;
    const root = process.env.REHEARSE_KEYCHAIN_ROOT;

    it('says the keychain is unavailable, in a sentence', async () => {
      await expect(store.available()).resolves.toEqual({ ok: false, reason: LINUX_CHECK });
    });

    it('refuses to save, says so plainly, and keeps the key out of the error', async () => {
      const err = await rejection(store.set('openai', secret));
      expect(err).toBeInstanceOf(KeychainUnavailableError);
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({
        code: 'UNAVAILABLE',
        message: LINUX_SAVE,
        name: 'KeychainUnavailableError',
      });
      expect((err as KeychainUnavailableError).details).toMatchObject({
        operation: 'save',
        platformError: expect.stringContaining('Failed to connect to socket'),
      });
      for (const text of errorTexts(err)) expect(text).not.toContain(secret);
    });

    it('refuses to read and to delete with their own sentences', async () => {
      await expect(store.get('openai')).rejects.toMatchObject({ code: 'UNAVAILABLE', message: LINUX_READ });
      await expect(store.delete('openai')).rejects.toMatchObject({
        code: 'UNAVAILABLE',
        message: LINUX_DELETE,
      });
      await expect(store.get('openai')).rejects.toBeInstanceOf(KeychainUnavailableError);
    });

    it('writes the key nowhere', () => {
      expect(root, 'REHEARSE_KEYCHAIN_ROOT must name the temporary HOME').toBeDefined();
      expect(filesHolding(root!, secret)).toEqual([]);
    });

    it('never tries another store', () => {
      expect(entryOptions.length).toBeGreaterThan(0);
      expect(entryOptions.filter((o) => JSON.stringify(o) !== JSON.stringify(PINNED))).toEqual([]);
    });
  });
}

if (ROLE === 'session') realKeychainSuite();
else if (ROLE === 'unreachable') unreachableSuite();
else {
  describe('osKeychain refuses bad input before touching the keychain', () => {
    const store = osKeychain(SERVICE);

    it.each([
      ['empty', ''],
      ['101 characters', 'a'.repeat(101)],
      ['upper case', 'OpenAI'],
      ['a space', 'open ai'],
      ['a slash', 'openai/default'],
      ['a newline', 'openai\n'],
      ['non-ASCII', 'clé'],
    ])('refuses an account name with %s, with the exact message', async (_label, name) => {
      const opened = entryOptions.length;
      for (const call of [
        () => store.get(name),
        () => store.set(name, 'sk-valid'),
        () => store.delete(name),
      ]) {
        await expect(call()).rejects.toMatchObject({
          code: 'VALIDATION_ERROR',
          message: INVALID_ACCOUNT,
          details: { field: 'account' },
        });
      }
      // Refused before any keychain entry was opened, so a bad name cannot reach (or prompt) the keychain.
      expect(entryOptions.length).toBe(opened);
    });

    it('never echoes a key passed as the account name (arguments swapped)', async () => {
      const secret = `sk-proj-Swapped${RUN}Key`;
      const err = await rejection(store.set(secret, 'openai'));
      expect(err).toMatchObject({ code: 'VALIDATION_ERROR', message: INVALID_ACCOUNT });
      for (const text of errorTexts(err)) expect(text).not.toContain(secret);
    });

    it('refuses an empty key', async () => {
      await expect(store.set('openai', '')).rejects.toMatchObject({
        code: 'VALIDATION_ERROR',
        message: 'The key is empty. Paste the key your provider gave you.',
        details: { field: 'secret', reason: 'empty' },
      });
      await expect(store.set('openai', undefined as unknown as string)).rejects.toMatchObject({
        message: 'The key is empty. Paste the key your provider gave you.',
      });
    });

    it('refuses a key longer than 1,024 characters without quoting it', async () => {
      const secret = `sk-${RUN}-`.padEnd(1025, 'z');
      const err = await rejection(store.set('openai', secret));
      expect(err).toMatchObject({
        code: 'VALIDATION_ERROR',
        message:
          'The key is longer than 1,024 characters, which not every system keychain can hold. Check that you pasted only the key.',
        details: { field: 'secret', reason: 'too_long' },
      });
      for (const text of errorTexts(err)) expect(text).not.toContain(secret.slice(0, 40));
    });

    it('refuses an empty service name', () => {
      expect(() => osKeychain('')).toThrow(new TypeError('osKeychain needs a service name'));
    });
  });

  describe('KeychainUnavailableError', () => {
    it('tells a Linux candidate what happened and what to do, per operation', () => {
      const message = (op: KeychainUnavailableError['operation']) =>
        new KeychainUnavailableError(op, { platform: 'linux' }).message;
      expect(message('save')).toBe(LINUX_SAVE);
      expect(message('read')).toBe(LINUX_READ);
      expect(message('delete')).toBe(LINUX_DELETE);
      expect(message('check')).toBe(LINUX_CHECK);
    });

    it('adapts its advice to macOS, Windows and other systems', () => {
      const save = (platform: NodeJS.Platform) => new KeychainUnavailableError('save', { platform }).message;
      expect(save('darwin')).toBe(
        'Rehearse could not reach your system keychain, so it cannot store this key safely. On macOS, open Keychain Access and unlock your login keychain; your key was not saved.',
      );
      expect(save('win32')).toBe(
        'Rehearse could not reach your system keychain, so it cannot store this key safely. On Windows, make sure the Credential Manager service is running; your key was not saved.',
      );
      expect(save('freebsd')).toBe(
        'Rehearse could not reach your system keychain, so it cannot store this key safely. Install and unlock a system keychain such as GNOME Keyring or KWallet; your key was not saved.',
      );
    });

    it('is an UNAVAILABLE AppError whose payload names the operation', () => {
      const err = new KeychainUnavailableError('read', { platform: 'linux', platformError: 'DBus error' });
      expect(err).toBeInstanceOf(AppError);
      expect(err.name).toBe('KeychainUnavailableError');
      expect(err.toPayload()).toEqual({
        code: 'UNAVAILABLE',
        message: LINUX_READ,
        details: { operation: 'read', platformError: 'DBus error' },
      });
    });
  });

  if (process.platform !== 'linux') realKeychainSuite();
  else {
    describe('osKeychain on Linux, each case in its own process', () => {
      it('passes every real-keychain test inside a private D-Bus session with gnome-keyring', async () => {
        const missing = ['dbus-run-session', 'dbus-send', 'gnome-keyring-daemon'].filter(
          (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0,
        );
        expect(
          missing,
          `The keychain tests need ${missing.join(', ')}: install the Debian packages dbus-daemon and gnome-keyring (apt-get install --no-install-recommends dbus-daemon gnome-keyring).`,
        ).toEqual([]);
        const run = await runSelf(
          'session',
          ['sh', join(REPO, 'tests', 'support', 'keyring-session.sh')],
          {},
        );
        expectChildPassed(run, SESSION_SUITE);
      }, 90_000);

      it('fails with the exact sentences and writes the key nowhere when no keychain is reachable', async () => {
        const root = mkdtempSync(join(tmpdir(), 'rehearse-nokeychain-'));
        try {
          const dirs = ['home', 'data', 'config', 'cache', 'state', 'run', 'tmp'];
          for (const dir of dirs) mkdirSync(join(root, dir), { mode: 0o700 });
          const secret = `sk-nowhere-${RUN}-${randomBytes(12).toString('hex')}`;
          const run = await runSelf('unreachable', [], {
            REHEARSE_KEYCHAIN_ROOT: root,
            REHEARSE_KEYCHAIN_SECRET: secret,
            DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(root, 'run', 'no-such-bus')}`,
            HOME: join(root, 'home'),
            XDG_DATA_HOME: join(root, 'data'),
            XDG_CONFIG_HOME: join(root, 'config'),
            XDG_CACHE_HOME: join(root, 'cache'),
            XDG_STATE_HOME: join(root, 'state'),
            XDG_RUNTIME_DIR: join(root, 'run'),
            TMPDIR: join(root, 'tmp'),
          });
          expectChildPassed(run, UNREACHABLE_SUITE);
          // Again after the child has exited, in case anything was written on the way out.
          expect(filesHolding(root, secret)).toEqual([]);
          expect(filesUnder(join(root, 'home'))).toEqual([]);
          expect(filesUnder(join(root, 'data'))).toEqual([]);
          expect(filesUnder(join(root, 'config'))).toEqual([]);
        } finally {
          rmSync(root, { recursive: true, force: true });
        }
      }, 90_000);
    });
  }
}
