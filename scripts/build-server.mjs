// Builds the leaderboard server (src-server/) into one file, out/server/index.js, run by bin/rehearse-server.
// Separate from electron-vite: the server is a plain Node program with nothing of Electron in it.
// Native and runtime-file-reading packages stay in node_modules: better-sqlite3 (a native addon), pg (optional
// native bindings) and @fastify/swagger-ui (serves its static files from its own folder).
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildServer(outfile = join(root, 'out', 'server', 'index.js')) {
  await build({
    entryPoints: [join(root, 'src-server', 'main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['better-sqlite3', 'pg', 'pg-native', '@fastify/swagger-ui'],
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  return outfile;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildServer();
}
