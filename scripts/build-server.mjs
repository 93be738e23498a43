// Builds the leaderboard server (src-server/) into one file, out/server/index.js, run by bin/rehearse-server.
// Separate from electron-vite: the server is a plain Node program with nothing of Electron in it.
// Native and runtime-file-reading packages stay in node_modules: better-sqlite3 (a native addon), pg (optional
// native bindings) and @fastify/swagger-ui (serves its static files from its own folder).
import { build } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildServer(outfile = join(root, 'out', 'server', 'index.js')) {
  const result = await build({
    entryPoints: [join(root, 'src-server', 'main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['better-sqlite3', 'pg', 'pg-native', '@fastify/swagger-ui'],
    sourcemap: 'linked',
    logLevel: 'warning',
    write: false,
  });
  // Each file written beside itself and renamed over the old one: a server starting while another test file
  // rebuilds reads the old build or the new one, never half of one.
  mkdirSync(dirname(outfile), { recursive: true });
  for (const file of result.outputFiles) {
    const temp = join(dirname(file.path), `.${basename(file.path)}.${process.pid}.tmp`);
    writeFileSync(temp, file.contents);
    renameSync(temp, file.path);
  }
  return outfile;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildServer();
}
