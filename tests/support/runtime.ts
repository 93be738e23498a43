import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { HostKind } from '../../src-main/core/context';
import { startRuntime, type Runtime } from '../../src-main/core/runtime';
import type { SecretStore } from '../../src-main/services/ai/keychain';
import { DEFAULT_AI_SETTINGS } from '../../src-shared/ai';
import { startFakeOllama, type FakeBehaviour, type FakeOllama } from './fake-ollama';
import { ok } from './invoke';
import { memorySecrets } from './memory-secrets';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A fresh data dir removed after the test. */
export function tempDir(prefix = 'rehearse-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A real runtime (SQLite file, migrations, bank) over a temp data dir, closed after the test. */
export async function testRuntime(
  options: { dataDir?: string; now?: () => Date; host?: HostKind; secrets?: SecretStore } = {},
): Promise<Runtime> {
  const runtime = await startRuntime({
    dataDir: options.dataDir ?? tempDir(),
    host: options.host ?? 'cli',
    now: options.now,
    checkOutputs: true,
    secrets: options.secrets ?? memorySecrets(),
  });
  cleanups.push(() => runtime.close());
  return runtime;
}

// Kept free of vitest in its own module, so the benches use the same one.
export { ok };

/** A test runtime whose AI coach is always the fake Ollama server on loopback; both go after the test. */
export async function runtimeWithOllama(
  behaviour: Partial<FakeBehaviour>,
): Promise<{ runtime: Runtime; fake: FakeOllama }> {
  const fake = await startFakeOllama(behaviour);
  onExit(() => fake.close());
  const runtime = await testRuntime();
  await ok(runtime, 'ai.settings.save', {
    ...DEFAULT_AI_SETTINGS,
    ollama: { ...DEFAULT_AI_SETTINGS.ollama, mode: 'on', host: fake.url },
  });
  return { runtime, fake };
}

/** Every row of every table: compared before and after a call to prove it wrote nothing. */
export function snapshot(runtime: Runtime): string {
  const { sqlite } = runtime.connection;
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  // Rows are sorted in JS rather than by rowid, so WITHOUT ROWID tables are compared too.
  return JSON.stringify(
    tables.map(({ name }) => [
      name,
      sqlite
        .prepare(`SELECT * FROM "${name}"`)
        .all()
        .map((row) => JSON.stringify(row))
        .sort(),
    ]),
  );
}

export function onExit(fn: () => Promise<void> | void): void {
  cleanups.push(fn);
}
