// Job-posting reading quality: per-field precision and recall on the real corpus (tests/fixtures/real-postings)
// and, on separate lines, on the project's own postings (tests/fixtures/own-postings). `npx tsx bench/postings.ts`
// runs it alone; `--detail` adds one line per posting that misses a target, with what it missed.
import { join } from 'node:path';
import { appPaths } from '../src-main/paths';
import { proposeFromPosting } from '../src-main/services/jobs/posting';
import { loadTaxonomy } from '../src-main/services/resume/skills';
import {
  loadPostings,
  postingRate,
  REAL_POSTINGS_DIR,
  scorePostings,
} from '../tests/fixtures/real-postings/score';

const TARGET = 0.85;
const r3 = (n: number) => +n.toFixed(3);

export function benchPostings(detail = false): void {
  const taxonomy = loadTaxonomy(join(appPaths().resources, 'skills', 'taxonomy.json'));
  for (const [corpus, dir] of [
    ['real', REAL_POSTINGS_DIR],
    ['own', join(REAL_POSTINGS_DIR, '..', 'own-postings')],
  ] as const) {
    const postings = loadPostings(dir);
    const score = scorePostings(
      postings.map((p) => ({ id: p.id, truth: p.truth, proposal: proposeFromPosting(p.text, taxonomy) })),
      taxonomy,
    );
    const line = (field: string, figures: Record<string, unknown>) =>
      process.stdout.write(
        `${JSON.stringify({ bench: `postings_${corpus}_${field}`, postings: score.postings, ...figures })}\n`,
      );
    for (const field of ['skills', 'required', 'nice'] as const) {
      const s = score[field];
      line(field, { precision: r3(s.precision), recall: r3(s.recall), tp: s.tp, fp: s.fp, fn: s.fn });
    }
    const c = score.company;
    line('company', {
      precision: r3(c.precision),
      recall: r3(c.recall),
      named: c.named,
      proposed: c.proposed,
    });
    line('title', { accuracy: r3(score.title) });
    line('level', { accuracy: r3(score.level) });
    const below = score.perPosting.filter((p) => {
      const r = postingRate(p);
      return r.precision < TARGET || r.recall < TARGET;
    });
    line('targets', {
      zero_skills: score.zeroSkills,
      below_target_skills: below.map((p) => p.id),
      target: TARGET,
    });
    if (detail)
      for (const p of score.perPosting.filter((p) => p.differences.length > 0)) {
        const r = postingRate(p);
        process.stdout.write(
          `${JSON.stringify({ posting: p.id, precision: r3(r.precision), recall: r3(r.recall), differences: p.differences })}\n`,
        );
      }
  }
}

if (require.main === module) benchPostings(process.argv.includes('--detail'));
