import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticFile {
  body: Buffer;
  type: string;
  immutable: boolean;
}

export const BRIDGE_PATH = '/rehearse-bridge.js';

/** Serves files under the built renderer only; `..` and absolute tricks resolve outside it and are refused. */
export function createStaticFiles(rendererDir: string) {
  const indexFile = join(rendererDir, 'index.html');
  if (!existsSync(indexFile)) {
    throw new Error(
      `The app's interface is not built (${indexFile} is missing). Run \`npm run build\` first.`,
    );
  }
  // The bridge must run before the app's module script, so it goes first in <head>.
  const index = readFileSync(indexFile, 'utf8').replace(
    '<head>',
    `<head>\n    <script type="module" src="${BRIDGE_PATH}"></script>`,
  );
  const root = normalize(rendererDir + sep);
  return {
    index: (): StaticFile => ({ body: Buffer.from(index), type: TYPES['.html']!, immutable: false }),
    get(urlPath: string): StaticFile | undefined {
      let decoded: string;
      try {
        decoded = decodeURIComponent(urlPath);
      } catch {
        return undefined;
      }
      if (decoded.includes('\0')) return undefined;
      const file = normalize(join(rendererDir, decoded));
      if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) return undefined;
      if (file === indexFile) return this.index();
      return {
        body: readFileSync(file),
        type: TYPES[extname(file)] ?? 'application/octet-stream',
        immutable: file.startsWith(join(rendererDir, 'assets') + sep),
      };
    },
  };
}
