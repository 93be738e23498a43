// The passphrase at scale, on the same five years of data as bench/data.ts (20,000 answers with feedback):
// turning it on (scrypt, every sealed value rewritten in one transaction, the file vacuumed, the old backups
// replaced) and changing it; unlocking (scrypt alone); and what sealing costs a read, as the ratio of
// sessions.get's p50 with the passphrase on to the same call with it off.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRuntime, type Runtime } from '../src-main/core/runtime';
import { memorySecrets } from '../tests/support/memory-secrets';
import { generate } from './data';
import { quantile, report } from './stats';
import { ok } from '../tests/support/invoke';

const PASS = 'Correct-Horse-9';
const NEXT = 'Battery-Staple-7';

async function readTimes(runtime: Runtime, ids: string[]): Promise<number[]> {
  const out: number[] = [];
  for (const sessionId of ids) {
    const t = performance.now();
    await ok(runtime, 'sessions.get', { sessionId });
    out.push(performance.now() - t);
  }
  return out;
}

export async function benchVault(dataDir: string): Promise<void> {
  const generated = await generate(dataDir);
  const scratch = mkdtempSync(join(tmpdir(), 'rehearse-bench-vault-'));
  try {
    const enables: number[] = [];
    const changes: number[] = [];
    const unlocks: number[] = [];
    let plainRead: number[] = [];
    let sealedRead: number[] = [];
    for (let i = 0; i < 3; i++) {
      const dir = join(scratch, `run-${i}`);
      cpSync(dataDir, dir, { recursive: true });
      const runtime = await startRuntime({ dataDir: dir, host: 'cli', secrets: memorySecrets() });
      try {
        const ids = (
          runtime.connection.sqlite.prepare('SELECT id FROM sessions ORDER BY random() LIMIT 200').all() as {
            id: string;
          }[]
        ).map((r) => r.id);
        await readTimes(runtime, ids.slice(0, 20)); // warm
        plainRead = plainRead.concat(await readTimes(runtime, ids));
        let t = performance.now();
        await ok(runtime, 'vault.enable', { passphrase: PASS, confirm: PASS });
        enables.push(performance.now() - t);
        await readTimes(runtime, ids.slice(0, 20));
        sealedRead = sealedRead.concat(await readTimes(runtime, ids));
        t = performance.now();
        await ok(runtime, 'vault.change', { current: PASS, passphrase: NEXT, confirm: NEXT });
        changes.push(performance.now() - t);
        for (let j = 0; j < 3; j++) {
          await ok(runtime, 'vault.lock', {});
          t = performance.now();
          await ok(runtime, 'vault.unlock', { passphrase: NEXT });
          unlocks.push(performance.now() - t);
        }
      } finally {
        await runtime.close();
      }
      rmSync(dir, { recursive: true, force: true });
    }
    const sizes = { answers: generated.answers };
    report('vault_enable_5_years', 'ms', enables, sizes);
    report('vault_change_5_years', 'ms', changes, sizes);
    report('vault_unlock_scrypt', 'ms', unlocks);
    const p50 = (xs: number[]) =>
      quantile(
        [...xs].sort((a, b) => a - b),
        0.5,
      );
    report('vault_session_read_sealed', 'ms', sealedRead, {
      plain_p50: Math.round(p50(plainRead) * 1000) / 1000,
      ratio_p50: Math.round((p50(sealedRead) / p50(plainRead)) * 100) / 100,
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
