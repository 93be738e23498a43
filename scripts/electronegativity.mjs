// Electronegativity (Doyensec's Electron security scanner) over the app's own code, for .ci/run.
// Every finding above LOW fails the run unless .ci/electronegativity-allow.json lists it with the reason it is
// safe; an entry that no longer matches a finding fails too, so the list cannot outlive its code.
//
//   node scripts/electronegativity.mjs
//
// The scanner runs through `npm exec` at a pinned version rather than as a devDependency: it brings ESLint 7,
// TypeScript 4.2 and node-pre-gyp, none of which the project otherwise needs. It reads TypeScript and HTML, so it
// scans the sources (tests left out) rather than the minified build.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const VERSION = '1.10.3';
const SCANNED = ['src-main', 'src-preload', 'src-renderer', 'src-shared', 'package.json'];
const ABOVE_LOW = new Set(['MEDIUM', 'HIGH', 'CRITICAL']);

/** RFC 4180 CSV as the scanner writes it (quoted fields may hold commas and quotes). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field.trim());
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n') {
      endField();
      rows.push(row);
      row = [];
    } else if (c !== '\r') field += c;
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  const [header, ...body] = rows;
  const keys = header.map((h) => h.trim());
  return body
    .filter((r) => r.length === keys.length)
    .map((r) => Object.fromEntries(keys.map((k, i) => [k, r[i]])));
}

/** Splits findings into allowed and not, and names the allow-list entries nothing matched. */
export function judge(findings, allowList) {
  const used = new Set();
  const refused = [];
  for (const f of findings.filter((f) => ABOVE_LOW.has(f.severity))) {
    const entry = allowList.find(
      (a) => a.check === f.issue && a.file === f.filename && (f.sample ?? '').includes(a.match),
    );
    if (entry) used.add(entry);
    else refused.push(f);
  }
  return { refused, stale: allowList.filter((a) => !used.has(a)) };
}

function scan() {
  const stage = mkdtempSync(join(tmpdir(), 'rehearse-electronegativity-'));
  try {
    for (const entry of SCANNED)
      cpSync(join(root, entry), join(stage, 'app', entry), {
        recursive: true,
        filter: (src) => !/\.(test|e2e)\.tsx?$/.test(src),
      });
    const csv = join(stage, 'findings.csv');
    execFileSync(
      'npm',
      [
        'exec',
        '--yes',
        `--package=@doyensec/electronegativity@${VERSION}`,
        '--',
        'electronegativity',
        '-i',
        join(stage, 'app'),
        '-r',
        '-v',
        'false',
        '-o',
        csv,
      ],
      { stdio: ['ignore', 'ignore', 'inherit'], cwd: stage, timeout: 10 * 60_000 },
    );
    return parseCsv(readFileSync(csv, 'utf8'));
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const allowList = JSON.parse(
    readFileSync(join(root, '.ci', 'electronegativity-allow.json'), 'utf8'),
  ).allowed;
  const findings = scan();
  const { refused, stale } = judge(findings, allowList);
  const counts = findings.reduce((n, f) => ({ ...n, [f.severity]: (n[f.severity] ?? 0) + 1 }), {});
  console.log(
    `electronegativity ${VERSION}: ${findings.length} findings ${JSON.stringify(counts)}, ` +
      `${findings.filter((f) => ABOVE_LOW.has(f.severity)).length - refused.length} above LOW allowed with a reason`,
  );
  for (const f of refused)
    console.error(
      `electronegativity: ${f.severity} ${f.issue} at ${f.filename}:${f.location}: ${f.sample} (${f.description})`,
    );
  for (const a of stale)
    console.error(`electronegativity: allow-list entry matches nothing now: ${a.check} in ${a.file}`);
  if (refused.length || stale.length) process.exit(1);
}
