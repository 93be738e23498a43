import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATEGORIES, type Category } from '../../../src-shared/domain';
import {
  ShippedCompanyFile,
  type CompanyProfile,
  type CompanyValue,
  type InterviewStage,
} from '../../../src-shared/companies';

/**
 * Company mode's mix: each stage counts once for every category it exercises, and the values count as one
 * more behavioural stage because every stated value becomes a behavioural prompt. A profile with no published
 * stages gets the default mix with behavioural doubled.
 */
export function categoryWeights(stages: readonly InterviewStage[]): Record<Category, number> {
  const counts = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  if (stages.some((s) => s.categories.length > 0)) {
    for (const s of stages) for (const c of s.categories) counts[c] += 1;
    counts.Behavioral += 1;
  } else {
    Object.assign(counts, {
      Technical: 3,
      Behavioral: 4,
      Situational: 2,
      Domain_Specific: 1,
      System_Design: 1,
      Coding: 1,
    });
  }
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return Object.fromEntries(CATEGORIES.map((c) => [c, counts[c] / total])) as Record<Category, number>;
}

export function profileOf(
  p: {
    name: string;
    summary: string;
    values: CompanyValue[];
    stages: InterviewStage[];
    focusAreas: string[];
  },
  meta: { id: string; builtin: boolean; sources: CompanyProfile['sources']; updatedAt: string | null },
): CompanyProfile {
  return {
    id: meta.id,
    name: p.name,
    summary: p.summary,
    values: p.values,
    stages: p.stages,
    focusAreas: p.focusAreas,
    sources: meta.sources,
    builtin: meta.builtin,
    categoryWeights: categoryWeights(p.stages),
    updatedAt: meta.updatedAt,
  };
}

/** resources/companies/*.json; a malformed shipped file is a bug, so it fails loudly. */
export function loadShippedCompanies(dir: string): CompanyProfile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const parsed = ShippedCompanyFile.safeParse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`Company profile ${file} is invalid at ${issue?.path.join('.')}: ${issue?.message}`);
      }
      const { id, sources, retrieved: _retrieved, ...rest } = parsed.data;
      return profileOf(rest, { id, builtin: true, sources, updatedAt: null });
    });
}
