import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = __dirname;

export default defineConfig({
  main: {
    build: {
      // Native and runtime packages stay `require`d from node_modules; bundling better-sqlite3 builds fine
      // and then breaks at run time.
      // zod and kysely are plain JavaScript spread over hundreds of files: bundled, they load from one file in a
      // fraction of the time (about 0.4 s less from `rehearse serve` to its first screen on this machine).
      externalizeDeps: { exclude: ['zod', 'kysely'] },
      lib: {
        entry: {
          index: resolve(root, 'src-main/index.ts'),
          cli: resolve(root, 'src-main/cli.ts'),
          // Parsing runs in a worker thread so a hostile file cannot hang or crash the app.
          'resume-worker': resolve(root, 'src-main/services/resume/worker.ts'),
          // Embedding inference (transformers.js) off the main thread too.
          'ai-worker': resolve(root, 'src-main/services/ai/transformers-worker.ts'),
          'ai-generator-worker': resolve(root, 'src-main/services/ai/generator-worker.ts'),
          'ai-whisper-worker': resolve(root, 'src-main/services/ai/whisper-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require() packages, so everything it uses is bundled in.
      externalizeDeps: false,
      lib: { entry: { index: resolve(root, 'src-preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      minify: true,
      rolldownOptions: {
        input: {
          index: resolve(root, 'src-renderer/index.html'),
          // The browser host serves this as window.rehearse; Electron's preload plays the same part.
          'rehearse-bridge': resolve(root, 'src-preload/browser-bridge.ts'),
        },
        output: {
          entryFileNames: (chunk) =>
            chunk.name === 'rehearse-bridge' ? 'rehearse-bridge.js' : 'assets/[name]-[hash].js',
        },
      },
    },
  },
});
