import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { extractAll, extractFile, listPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations } from '../../src-main/db/migrator';
import { appPaths } from '../../src-main/paths';
import { loadBank } from '../../src-main/services/questions/bank';
import { HEADING_SETS } from '../fixtures/resumes/layouts';
import { PERSONAS } from '../fixtures/resumes/personas';
import { renderDocx } from '../fixtures/resumes/render-docx';
import { renderPdfCaps } from '../fixtures/resumes/render-pdf';
import { requireBuild, ROOT } from '../support/built';
import { startHost } from '../support/host-process';
import {
  APP_PART_LIMIT_MB,
  MB,
  packageLinuxDir,
  readFuses,
  sizeOf,
  type PackagedLayout,
} from '../support/packaged';
import { onExit, tempDir } from '../support/runtime';

/** Where the test package's updater looks; nothing is served there, only the address is checked. */
const FEED = 'http://127.0.0.1:9/rehearse-feed';

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const requires = (file: string) => [...read(file).matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!);

describe('the build and the package', () => {
  beforeAll(requireBuild);

  it('keeps native and runtime packages external in main, where bundling them breaks at run time', () => {
    const pkg = JSON.parse(read('package.json')) as { main: string; dependencies: Record<string, string> };
    expect(existsSync(join(ROOT, pkg.main))).toBe(true);
    // Every chunk the entries reach, directly or through chunks loaded later (the services load after the
    // host listens).
    const chunks = new Set([pkg.main, 'out/main/cli.js']);
    for (const chunk of chunks)
      for (const r of requires(chunk)) if (r.startsWith('./')) chunks.add(join('out/main', r));
    const all = new Set([...chunks].flatMap(requires));
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
    const packaged = appPaths('/opt/Rehearse/resources/app.asar', 'packaged');
    for (const dir of [packaged.migrations, packaged.resources]) {
      const rel = dir.slice('/opt/Rehearse/resources/'.length);
      expect(shipped).toContain(rel);
      expect(existsSync(join(ROOT, config.extraResources.find((r) => r.to === rel)!.from))).toBe(true);
    }
    expect(config.files).toContain('out/**');
    expect(existsSync(join(ROOT, 'build', 'icon.png'))).toBe(true);
  });

  it("gives the macOS build's hardened runtime V8's JIT and the microphone, and says why it asks for it", () => {
    const config = JSON.parse(read('electron-builder.json')) as {
      mac: { hardenedRuntime: boolean; entitlements: string; extendInfo: Record<string, string> };
    };
    expect(config.mac.hardenedRuntime).toBe(true);
    const entitlements = read(config.mac.entitlements).replace(/\s+/g, '');
    for (const key of ['com.apple.security.cs.allow-jit', 'com.apple.security.device.audio-input'])
      expect(entitlements).toContain(`<key>${key}</key><true/>`);
    expect(config.mac.extendInfo.NSMicrophoneUsageDescription).toMatch(/spoken answers/);
  });

  it('serves the browser bridge under the fixed name the browser host injects', () => {
    expect(existsSync(join(ROOT, 'out', 'renderer', 'rehearse-bridge.js'))).toBe(true);
    expect(read('out/renderer/index.html')).toContain('Content-Security-Policy');
  });
});

/**
 * The package a candidate installs, built here for Linux x64 around a stand-in Electron distribution, then
 * checked file by file and run: the app's own code from the package, not from this checkout. With
 * REHEARSE_PACKAGED_RESOURCES (a real package's resources/ folder) and REHEARSE_PACKAGED_RUNTIME (its Electron
 * binary, run with ELECTRON_RUN_AS_NODE=1), the same checks run against an installer's build on a release runner.
 */
describe('the desktop package', () => {
  const given = process.env.REHEARSE_PACKAGED_RESOURCES;
  /** What the package was built for: this runner's platform for a given build, Linux x64 for the stand-in. */
  const target = given
    ? { platform: process.platform, arch: process.arch }
    : { platform: 'linux', arch: 'x64' };
  let work: string;
  let layout: PackagedLayout;
  let inArchive: Set<string>;
  /** How the package's own code is started: Node over an extracted copy here, or the packaged Electron. */
  let cli: { runtime: string; entry: string };
  /** Bytes of the app's own part, measured before the test extracts anything into it. */
  let own: number;

  beforeAll(() => {
    requireBuild();
    work = mkdtempSync(join(tmpdir(), 'rehearse-package-'));
    if (given) {
      const resources = resolve(given);
      layout = {
        dir: dirname(resources),
        resources,
        asar: join(resources, 'app.asar'),
        unpacked: join(resources, 'app.asar.unpacked'),
      };
      cli = {
        runtime: resolve(process.env.REHEARSE_PACKAGED_RUNTIME ?? process.execPath),
        entry: join(layout.asar, 'out', 'main', 'cli.js'),
      };
    } else {
      layout = packageLinuxDir(work, FEED);
    }
    inArchive = new Set(
      listPackage(layout.asar, { isPack: false }).map((f) => f.slice(1).split(sep).join('/')),
    );
    own = sizeOf(layout.resources);
    console.log(
      `package: the app's own part is ${(own / MB).toFixed(1)} MB (app.asar ${(sizeOf(layout.asar) / MB).toFixed(1)} MB, ` +
        `app.asar.unpacked ${(sizeOf(layout.unpacked) / MB).toFixed(1)} MB) in ${layout.resources}`,
    );
    if (!given) {
      // Extracted as resources/app (the layout electron-builder makes without asar), so plain Node, which cannot
      // read inside an archive, runs the package's own files with the paths a packaged app resolves.
      extractAll(layout.asar, join(layout.resources, 'app'));
      cli = { runtime: process.execPath, entry: join(layout.resources, 'app', 'out', 'main', 'cli.js') };
    }
  }, 300_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const runPackaged = (args: string[]) => {
    const result = spawnSync(cli.runtime, [cli.entry, ...args], {
      encoding: 'utf8',
      // Outside this checkout, so nothing resolves from its node_modules by walking up.
      cwd: work,
      env: { ...process.env, NODE_PATH: '', ELECTRON_RUN_AS_NODE: '1' },
      timeout: 60_000,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  it(`keeps the app's own part under ${APP_PART_LIMIT_MB} MB for Linux x64`, () => {
    // The ceiling is set for Linux x64; other builds print their size above.
    if (target.platform === 'linux' && target.arch === 'x64')
      expect(own / MB).toBeLessThan(APP_PART_LIMIT_MB);
    expect(own).toBeGreaterThan(0);
  });

  it('ships the data the runtime reads, beside the archive where the packaged paths point', () => {
    const paths = appPaths(layout.asar, 'packaged');
    const jsonIn = (dir: string) =>
      readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort();
    const repo = appPaths(ROOT);
    expect(jsonIn(paths.questions)).toEqual(jsonIn(repo.questions));
    expect(jsonIn(paths.companies)).toEqual(jsonIn(repo.companies));
    expect(jsonIn(paths.companies).length).toBeGreaterThan(0);
    expect(readFileSync(paths.taxonomy)).toEqual(readFileSync(repo.taxonomy));
    expect(readFileSync(paths.wordnet)).toEqual(readFileSync(repo.wordnet));
    expect(readFileSync(paths.notice, 'utf8')).toEqual(readFileSync(repo.notice, 'utf8'));
    expect(readdirSync(paths.migrations).sort()).toEqual(
      readdirSync(repo.migrations)
        .filter((f) => f.endsWith('.sql'))
        .sort(),
    );
  });

  it('holds the built app, its worker entry files, pdf.js with its worker, and the NLP model', () => {
    for (const file of [
      'package.json',
      'out/main/index.js',
      'out/main/cli.js',
      'out/main/resume-worker.js',
      'out/main/ai-worker.js',
      'out/main/ai-generator-worker.js',
      'out/main/ai-whisper-worker.js',
      'out/preload/index.js',
      'out/renderer/index.html',
      'out/renderer/rehearse-bridge.js',
      'node_modules/pdfjs-dist/legacy/build/pdf.mjs',
      'node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs',
      'node_modules/wink-eng-lite-web-model/package.json',
    ])
      expect(inArchive, file).toContain(file);
    // Every chunk the entry files load is there too.
    for (const file of [...inArchive].filter((f) => /^out\/main\/[^/]+\.js$/.test(f))) {
      const code = extractFile(layout.asar, file).toString('utf8');
      for (const [, chunk] of code.matchAll(/require\("\.\/([^"]+)"\)/g))
        expect(inArchive, `${file} loads ${chunk}`).toContain(`out/main/${chunk}`);
    }
  });

  it('holds every package the built code requires, and what those require in turn', () => {
    const pkg = (name: string) =>
      JSON.parse(extractFile(layout.asar, `node_modules/${name}/package.json`).toString('utf8')) as {
        dependencies?: Record<string, string>;
        peerDependencies?: Record<string, string>;
      };
    const roots = new Set<string>();
    for (const file of [...inArchive].filter((f) => /^out\/main\/[^/]+\.js$/.test(f))) {
      const code = extractFile(layout.asar, file).toString('utf8');
      for (const [, spec] of code.matchAll(/(?:require|import)\("([^"./][^"]*)"\)/g)) {
        if (spec!.startsWith('node:') || spec === 'electron') continue;
        roots.add(spec!.startsWith('@') ? spec!.split('/').slice(0, 2).join('/') : spec!.split('/')[0]!);
      }
    }
    expect(roots).toContain('better-sqlite3');
    // Declared but never loaded: transformers.js carries its own copy of the ONNX web runtime inside its bundle.
    const seen = new Set<string>(['onnxruntime-web']);
    const visit = (name: string) => {
      if (seen.has(name)) return;
      seen.add(name);
      expect(inArchive, `${name} is required at run time`).toContain(`node_modules/${name}/package.json`);
      for (const dep of Object.keys(pkg(name).dependencies ?? {})) visit(dep);
    };
    for (const name of roots) visit(name);
  });

  it('unpacks the native modules, for the target platform only', () => {
    const { platform, arch } = target;
    const unpacked = (...parts: string[]) => join(layout.unpacked, 'node_modules', ...parts);
    expect(existsSync(unpacked('better-sqlite3', 'build', 'Release', 'better_sqlite3.node'))).toBe(true);
    const onnx = unpacked('onnxruntime-node', 'bin', 'napi-v6');
    expect(readdirSync(onnx)).toEqual([platform]);
    expect(existsSync(join(onnx, platform, arch, 'onnxruntime_binding.node'))).toBe(true);
    if (platform !== 'darwin') expect(readdirSync(join(onnx, platform))).toEqual([arch]);
    if (platform === 'linux')
      expect(existsSync(join(onnx, platform, arch, 'libonnxruntime.so.1'))).toBe(true);
    // sharp (loaded by transformers.js) opens libvips with the dynamic loader, which cannot read an archive.
    expect(readdirSync(unpacked('@img'))).toContain(`sharp-${platform}-${arch}`);
    if (platform !== 'win32')
      expect(readdirSync(unpacked('@img'))).toContain(`sharp-libvips-${platform}-${arch}`);
  });

  it('leaves out the build tools, the leaderboard server and what reading text does not need', () => {
    const shipped = (name: string) => inArchive.has(`node_modules/${name}/package.json`);
    for (const name of [
      'electron',
      'electron-builder',
      'electron-vite',
      'vite',
      'typescript',
      'esbuild',
      'vitest',
      '@types/node',
      'fastify',
      'pg',
      '@fastify/swagger-ui',
      'onnxruntime-web',
      '@napi-rs/canvas',
      'react',
    ])
      expect(shipped(name), name).toBe(false);
    expect([...inArchive].some((f) => f.startsWith('out/server/'))).toBe(false);
    expect([...inArchive].some((f) => f.endsWith('.map'))).toBe(false);
  });

  it("flips Electron's fuses: no Node mode, no NODE_OPTIONS, no inspector, code only from app.asar", () => {
    // The release's smoke-test build turns Node mode back on to run the app's code (release.yml); the
    // installers and this package keep it off.
    if (given) return;
    expect(readFuses(readFileSync(join(layout.dir, 'rehearse')))).toEqual({
      runAsNode: false,
      enableCookieEncryption: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: false,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: true,
    });
  });

  it('points the updater at the release feed it was built with', () => {
    const config = readFileSync(join(layout.resources, 'app-update.yml'), 'utf8');
    if (!given) expect(config).toContain(`url: ${FEED}`);
    expect(config).toContain('provider: generic');
  });

  it("runs the CLI's doctor from the package: migrations, question bank and database all found", () => {
    const dataDir = tempDir();
    const result = runPackaged(['doctor', '--json', '--data-dir', dataDir]);
    // 3: only the built-in coach can answer (no Ollama here), which is a healthy install.
    expect(result.stderr).toBe('');
    expect(result.code).toBe(3);
    expect(JSON.parse(result.stdout)).toMatchObject({
      integrity: 'ok',
      schemaVersion: loadMigrations(appPaths(ROOT).migrations).at(-1)!.version,
      questionBank: loadBank(appPaths(ROOT).questions).all.length,
    });
    // Every provider is listed with its state; here only the built-in coach works.
    const providers = (JSON.parse(result.stdout) as { providers: { name: string; ok: boolean }[] }).providers;
    expect(providers.filter((p) => p.ok).map((p) => p.name)).toEqual(['builtin']);
    expect(providers.map((p) => p.name)).toContain('ollama');
  });

  it('asks questions from the packaged bank, company profiles included', () => {
    const result = runPackaged([
      'questions',
      '--role',
      'Software Engineer',
      '--difficulty',
      'Medium',
      '--count',
      '5',
      '--company',
      'Stripe',
      '--json',
      '--data-dir',
      tempDir(),
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const { questions } = JSON.parse(result.stdout) as { questions: { text: string; source: string }[] };
    expect(questions).toHaveLength(5);
    expect(questions.some((q) => q.text.includes("One of Stripe's stated values"))).toBe(true);
  });

  it('scores an answer with the packaged NLP model', () => {
    const answer = join(tempDir(), 'answer.txt');
    writeFileSync(
      answer,
      'When our billing service failed twice a week, I owned the fix. I traced the failures to a connection pool, ' +
        'rewrote its retry logic and added alerts. As a result outages stopped and support tickets fell by 40%.',
    );
    const result = runPackaged([
      'evaluate',
      '--question',
      'Tell me about a problem you solved.',
      '--answer-file',
      answer,
      '--json',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as {
      overall: number;
      star: Record<string, { present: boolean }>;
    };
    expect(report.overall).toBeGreaterThan(0);
    expect(report.star.result!.present).toBe(true);
  });

  for (const format of ['pdf', 'docx'] as const) {
    it(`parses a ${format.toUpperCase()} résumé in the packaged worker (${format === 'pdf' ? 'pdf.js' : 'mammoth'})`, async () => {
      const persona = PERSONAS[0]!;
      const input = { persona, headings: HEADING_SETS.standard };
      const rendered = format === 'pdf' ? await renderPdfCaps(input) : await renderDocx(input, 'bullets');
      const file = join(tempDir(), `resume.${format}`);
      writeFileSync(file, rendered.bytes);
      const result = runPackaged(['resume', 'parse', file, '--json']);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const parsed = JSON.parse(result.stdout) as {
        contact: { name: string; email: string };
        skills: { name: string }[];
      };
      // The PDF layout sets the name in capitals.
      expect(parsed.contact.name.toLowerCase()).toBe(persona.name.toLowerCase());
      expect(parsed.contact.email).toBe(persona.email);
      // Skills come from the packaged taxonomy.
      expect(parsed.skills.map((s) => s.name)).toContain('Kubernetes');
    });
  }

  it('loads transformers.js with its native ONNX runtime and sharp from the package', () => {
    const transformers = given
      ? join(layout.asar, 'node_modules', '@huggingface', 'transformers')
      : join(layout.resources, 'app', 'node_modules', '@huggingface', 'transformers');
    const result = spawnSync(
      cli.runtime,
      ['-e', `const t = require(${JSON.stringify(transformers)}); process.stdout.write(typeof t.pipeline);`],
      {
        encoding: 'utf8',
        cwd: work,
        env: { ...process.env, NODE_PATH: '', ELECTRON_RUN_AS_NODE: '1' },
        timeout: 60_000,
      },
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('function');
  });

  it('serves the first screen from the package through the browser host', async () => {
    const host = await startHost(
      ['--data-dir', tempDir()],
      { NODE_PATH: '', ELECTRON_RUN_AS_NODE: '1' },
      cli,
    );
    onExit(async () => void (await host.stop()));
    const launch = await fetch(host.url, { redirect: 'manual' });
    expect(launch.status).toBe(302);
    const cookie = launch.headers.get('set-cookie')!.split(';')[0]!;
    const page = await fetch(new URL('/', host.url), { headers: { cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<div id="root"></div>');
    expect(html).toContain('<script type="module" src="/rehearse-bridge.js"></script>');
    // The first screen's code and styles come out of the package's renderer build.
    const assets = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const asset of [...assets, 'rehearse-bridge.js']) {
      const res = await fetch(new URL(`/${asset}`, host.url), { headers: { cookie } });
      expect(res.status, asset).toBe(200);
      expect(inArchive, asset).toContain(`out/renderer/${asset}`);
    }
    const info = await fetch(new URL('/api/invoke/app.info', host.url), {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(await info.json()).toMatchObject({ ok: true, value: { name: 'Rehearse', host: 'browser' } });
  });
});
