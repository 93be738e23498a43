import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where a worker thread's code lives: the built file next to the bundle (`out/main/<built>`), or, when running
 * from source (tests, tsx scripts), the TypeScript file through tsx's require hook, because `--import tsx` in
 * execArgv does not reach a worker's entry module and a require hook does.
 */
export function workerEntry(
  dir: string,
  built: string,
  source: string,
): { entry: string; evaluate: boolean } {
  const bundled = join(dir, built);
  if (existsSync(bundled)) return { entry: bundled, evaluate: false };
  return { entry: `require('tsx/cjs'); require(${JSON.stringify(join(dir, source))});`, evaluate: true };
}
