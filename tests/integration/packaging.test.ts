import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { appPaths } from '../../src-main/paths';
import { requireBuild, ROOT } from '../support/built';

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const requires = (file: string) => [...read(file).matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!);

describe('the build and the package', () => {
  beforeAll(requireBuild);

  it('keeps native and runtime packages external in main, where bundling them breaks at run time', () => {
    const pkg = JSON.parse(read('package.json')) as { main: string; dependencies: Record<string, string> };
    expect(existsSync(join(ROOT, pkg.main))).toBe(true);
    const chunks = [
      pkg.main,
      'out/main/cli.js',
      ...requires(pkg.main)
        .filter((r) => r.startsWith('./'))
        .map((r) => join('out/main', r)),
    ];
    const all = new Set(chunks.flatMap(requires));
    expect(all).toContain('better-sqlite3');
    expect(all).toContain('electron');
    for (const dep of all) {
      if (dep.startsWith('./') || dep.startsWith('node:') || dep === 'electron') continue;
      expect(
        Object.keys(pkg.dependencies),
        `${dep} is required at run time, so it must be a dependency`,
      ).toContain(dep);
    }
  });

  it('builds both workers next to the bundle, loading their heavy libraries from node_modules', () => {
    const resume = read('out/main/resume-worker.js');
    const ai = read('out/main/ai-worker.js');
    expect(resume).toContain('pdfjs-dist/legacy/build/pdf.mjs');
    expect(ai).toMatch(/(import|require)\("@huggingface\/transformers"\)/);
    // Bundled, transformers.js would look for its ONNX runtime next to out/main and fail at run time.
    expect(ai.length).toBeLessThan(200_000);
  });

  it('builds a sandbox-safe preload that requires nothing but electron', () => {
    expect(requires('out/preload/index.js')).toEqual(['electron']);
  });

  it('ships every folder the packaged app reads from process.resourcesPath', () => {
    const config = JSON.parse(read('electron-builder.json')) as {
      extraResources: { from: string; to: string }[];
      files: string[];
    };
    const shipped = config.extraResources.map((r) => r.to);
    const packaged = appPaths('/opt/Rehearse/resources');
    for (const dir of [packaged.migrations, packaged.resources]) {
      const rel = dir.slice('/opt/Rehearse/resources/'.length);
      expect(shipped).toContain(rel);
      expect(existsSync(join(ROOT, config.extraResources.find((r) => r.to === rel)!.from))).toBe(true);
    }
    expect(config.files).toContain('out/**');
    expect(existsSync(join(ROOT, 'build', 'icon.png'))).toBe(true);
  });

  it('serves the browser bridge under the fixed name the browser host injects', () => {
    expect(existsSync(join(ROOT, 'out', 'renderer', 'rehearse-bridge.js'))).toBe(true);
    expect(read('out/renderer/index.html')).toContain('Content-Security-Policy');
  });
});
