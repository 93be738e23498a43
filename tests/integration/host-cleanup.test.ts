import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/built';
import { tempDir } from '../support/runtime';

describe('test hosts', () => {
  it('are killed when the process that started them ends, even without stop()', () => {
    const dir = tempDir();
    const script = join(dir, 'start-and-exit.mts');
    // A child that starts a host, prints its pid and exits without stopping it, as a failing test would.
    writeFileSync(
      script,
      `import { startHost } from ${JSON.stringify(join(ROOT, 'tests/support/host-process.ts'))};
       const host = await startHost(['--data-dir', ${JSON.stringify(join(dir, 'data'))}]);
       console.log(host.child.pid);
       process.exit(0);`,
    );
    const run = spawnSync(process.execPath, ['--import', 'tsx', script], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 30_000,
    });
    const pid = Number(run.stdout.trim().split('\n').at(-1));
    expect(pid, run.stderr).toBeGreaterThan(0);
    let alive = true;
    for (let i = 0; i < 50 && alive; i++) {
      try {
        process.kill(pid, 0);
        spawnSync('sleep', ['0.1']);
      } catch {
        alive = false;
      }
    }
    expect(alive).toBe(false);
  });
});
