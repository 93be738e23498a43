// The held-out résumé corpus (tests/fixtures/heldout-resumes) is a measure, not a regression target: no test holds
// its figures (the bench prints them). What is checked here is what makes it held out and scoreable at all.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEGREES } from '../../src-shared/resume';
import { HELDOUT_RESUMES_DIR } from '../fixtures/heldout-resumes/corpus';
import { loadRealCorpus } from '../fixtures/real-resumes/corpus';

const heldout = loadRealCorpus(HELDOUT_RESUMES_DIR);
const development = loadRealCorpus();
/** "github.com/owner/name path @commit" → "owner/name". */
const repoOf = (source: string) => /github\.com\/([^\s/]+\/[^\s/]+)/.exec(source)?.[1]?.toLowerCase() ?? '';

describe('held-out résumé corpus', () => {
  it('holds 10 to 15 documents, each with its document, source, commit and licence', () => {
    expect(heldout.length).toBeGreaterThanOrEqual(10);
    expect(heldout.length).toBeLessThanOrEqual(15);
    for (const f of heldout) {
      expect(existsSync(f.file), f.id).toBe(true);
      expect(f.truth.source, f.id).toMatch(/^github\.com\/\S+\/\S+ .+ @[0-9a-f]{7,40}/);
      expect(f.truth.licence, f.id).toMatch(/MIT|CC BY|CC0/);
      for (const [degree] of f.truth.education) if (degree !== null) expect(DEGREES, f.id).toContain(degree);
    }
  });

  it('comes from none of the development corpus sources (pandoc_resume forks and its four other repositories)', () => {
    const used = new Set(development.map((f) => repoOf(f.truth.source)));
    for (const f of heldout) {
      expect(f.truth.source.toLowerCase(), f.id).not.toContain('pandoc_resume');
      expect(used.has(repoOf(f.truth.source)), f.id).toBe(false);
    }
  });

  it('keeps its sources beside the documents, and the README names every document', () => {
    const readme = readFileSync(join(HELDOUT_RESUMES_DIR, 'README.md'), 'utf8');
    for (const f of heldout) {
      const source = ['md', 'html', 'tex'].some((ext) =>
        existsSync(join(HELDOUT_RESUMES_DIR, 'sources', `${f.id}.${ext}`)),
      );
      expect(source, f.id).toBe(true);
      expect(readme, f.id).toContain(`documents/${f.truth.document}`);
    }
  });
});
