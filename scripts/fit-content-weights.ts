// Fits the content model's weights (src-main/services/evaluation/content-weights.json) on the train splits
// of the human-graded answers in tests/fixtures/human-graded, by ridge least squares. The test splits are
// never read here: `npm run bench` reports the fitted model on them. Deterministic: the same data gives the
// same file. Run: npx tsx scripts/fit-content-weights.ts [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_FEATURES, contentFeatures } from '../src-main/services/evaluation/content-model';
import { criteriaInput, readAnswer } from '../src-main/services/evaluation/evaluate';
import { gradedInput, loadGraded } from '../tests/fixtures/human-graded/load';

const OUT = join(__dirname, '../src-main/services/evaluation/content-weights.json');
// A little ridge keeps correlated features (recall, covered, termRecall) from trading huge weights.
const RIDGE = 1;

const rows = loadGraded().filter((r) => r.split === 'train');
// Each data set counts equally, whatever its size, so the weights do not fit one subject.
const sizes = new Map<string, number>();
for (const r of rows) sizes.set(r.dataset, (sizes.get(r.dataset) ?? 0) + 1);

const k = CONTENT_FEATURES.length + 1;
const xtx = Array.from({ length: k }, () => new Array<number>(k).fill(0));
const xty = new Array<number>(k).fill(0);
for (const r of rows) {
  const features = contentFeatures(criteriaInput(readAnswer(gradedInput(r))));
  const x = [1, ...CONTENT_FEATURES.map((f) => features[f])];
  const w = rows.length / sizes.size / sizes.get(r.dataset)!;
  for (let i = 0; i < k; i++) {
    xty[i]! += w * x[i]! * r.grade;
    for (let j = 0; j < k; j++) xtx[i]![j]! += w * x[i]! * x[j]!;
  }
}
for (let i = 1; i < k; i++) xtx[i]![i]! += RIDGE;
const beta = solve(xtx, xty);
const round = (n: number) => Math.round(n * 1e4) / 1e4;
const fitted = {
  intercept: round(beta[0]!),
  weights: Object.fromEntries(CONTENT_FEATURES.map((f, i) => [f, round(beta[i + 1]!)])),
};
const text = `${JSON.stringify(fitted, null, 2)}\n`;
if (process.argv.includes('--check')) {
  if (readFileSync(OUT, 'utf8') !== text) {
    process.stderr.write(
      'content-weights.json is not what the fit gives: run scripts/fit-content-weights.ts\n',
    );
    process.exit(1);
  }
  process.stdout.write(`content-weights.json matches the fit on ${rows.length} answers\n`);
} else {
  writeFileSync(OUT, text);
  process.stdout.write(`fitted on ${rows.length} train answers:\n${text}`);
}

/** Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / m[c]![c]!;
      for (let j = c; j <= n; j++) m[r]![j]! -= f * m[c]![j]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}
