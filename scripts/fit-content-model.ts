// Writes the content model (src-main/services/evaluation/content-model.json), fitted on the
// train splits of the human-graded answers in tests/fixtures/human-graded (see fit.ts there).
// Run: npx tsx scripts/fit-content-model.ts [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fitContentModel } from '../tests/fixtures/human-graded/fit';

const OUT = join(__dirname, '../src-main/services/evaluation/content-model.json');
const { model, answers } = fitContentModel();
const text = `${JSON.stringify(model)}\n`;
if (process.argv.includes('--check')) {
  if (readFileSync(OUT, 'utf8') !== text) {
    process.stderr.write('content-model.json is not what the fit gives: run scripts/fit-content-model.ts\n');
    process.exit(1);
  }
  process.stdout.write(`content-model.json matches the fit on ${answers} train answers\n`);
} else {
  writeFileSync(OUT, text);
  process.stdout.write(`fitted ${model.trees.length} trees on ${answers} train answers\n`);
}
