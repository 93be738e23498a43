import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { appPaths } from '../../src-main/paths';

export const ROOT = appPaths().root;
export const BIN = join(ROOT, 'bin', 'rehearse');

/** Process-level tests run the built app, as a user would; `npm test` builds first. */
export function requireBuild(): void {
  if (
    !existsSync(join(ROOT, 'out', 'main', 'cli.js')) ||
    !existsSync(join(ROOT, 'out', 'renderer', 'index.html'))
  ) {
    throw new Error('The app is not built: run `npm run build` (npm test does it for you).');
  }
}
