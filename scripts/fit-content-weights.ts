// Writes the content model's weights (src-main/services/evaluation/content-weights.json), fitted on the
// train splits of the human-graded answers in tests/fixtures/human-graded (see fit.ts there).
// Run: npx tsx scripts/fit-content-weights.ts [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fitContentWeights } from '../tests/fixtures/human-graded/fit';

const OUT = join(__dirname, '../src-main/services/evaluation/content-weights.json');
const { weights, answers } = fitContentWeights();
const text = `${JSON.stringify(weights, null, 2)}\n`;
if (process.argv.includes('--check')) {
  if (readFileSync(OUT, 'utf8') !== text) {
    process.stderr.write(
      'content-weights.json is not what the fit gives: run scripts/fit-content-weights.ts\n',
    );
    process.exit(1);
  }
  process.stdout.write(`content-weights.json matches the fit on ${answers} train answers\n`);
} else {
  writeFileSync(OUT, text);
  process.stdout.write(`fitted on ${answers} train answers:\n${text}`);
}
