import type { Job, MatchReport } from '../../../src-shared/jobs';
import { skillNames, type FoundSkill, type ParsedResume } from '../../../src-shared/resume';
import { andList } from '../../../src-shared/format';
import { normaliseSkill, type Taxonomy } from '../resume/skills';

/**
 * One key per skill, so a posting and a résumé that spell a skill differently still meet: the taxonomy's id when
 * a name or alias matches ("Postgres" and "PostgreSQL"), else the name normalised ("Go" and "go").
 */
export function skillKey(taxonomy: Taxonomy, name: string): string {
  const key = normaliseSkill(name);
  return taxonomy.index.get(key)?.id ?? key;
}

/**
 * A family a posting asks for is met by any one of its members on the résumé: "Databases" by MongoDB, "Cloud
 * computing" by AWS. Keyed by `skillKey`; a member is a taxonomy group or a skill's id.
 */
const FAMILIES: Record<string, { groups?: string[]; ids?: string[] }> = {
  databases: { groups: ['Databases'], ids: ['sql', 'nosql'] },
  'database systems': { groups: ['Databases'] },
  'relational databases': {
    ids: [
      'postgresql',
      'mysql',
      'mariadb',
      'sqlite',
      'microsoft-sql-server',
      'oracle-database',
      'ibm-db2',
      'amazon-aurora',
      'azure-sql-database',
      'amazon-rds',
      'sql',
    ],
  },
  'cloud-computing': { groups: ['Cloud platforms & services'] },
  programming: { groups: ['Programming languages'] },
};

/**
 * Résumé skills against the job's: what matches, what is missing (required first), the share of required
 * skills covered, and suggestions that say what to do about each gap.
 */
export function matchResume(
  resume: ParsedResume,
  job: Pick<Job, 'requiredSkills' | 'niceToHaveSkills' | 'experienceLevel'>,
  taxonomy: Taxonomy,
): MatchReport {
  const have = new Map<string, FoundSkill>();
  const byGroup = new Map<string, FoundSkill>();
  for (const skill of resume.skills) {
    // What the candidate wrote counts too: "Golang" listed and kept as Go still meets a posting's "golang".
    for (const name of skillNames(skill)) {
      const known = taxonomy.index.get(normaliseSkill(name));
      const key = known?.id ?? normaliseSkill(name);
      if (!have.has(key)) have.set(key, skill);
      if (known && !byGroup.has(known.group)) byGroup.set(known.group, skill);
    }
  }
  /** The résumé skill that meets a posting's skill, itself or, for a family, a member of it. */
  const meets = (asked: string): FoundSkill | undefined => {
    const key = skillKey(taxonomy, asked);
    const family = FAMILIES[key];
    return (
      have.get(key) ??
      family?.ids?.map((id) => have.get(id)).find(Boolean) ??
      family?.groups?.map((g) => byGroup.get(g)).find(Boolean)
    );
  };
  const required = job.requiredSkills.length > 0 ? job.requiredSkills : job.niceToHaveSkills;
  const nice = job.requiredSkills.length > 0 ? job.niceToHaveSkills : [];
  const met = new Map([...required, ...nice].map((s) => [s, meets(s)]));
  const matched = [...required, ...nice].filter((s) => met.get(s));
  const missingRequired = required.filter((s) => !met.get(s));
  const missingNiceToHave = nice.filter((s) => !met.get(s));
  const coverage =
    required.length === 0
      ? null
      : Math.round(((required.length - missingRequired.length) / required.length) * 100);

  const suggestions: string[] = [];
  if (coverage === null)
    suggestions.push(
      'No skills were found in this posting, so there is nothing to compare yet. Add the skills it asks for (edit the posting and list them under Required skills) and Rehearse will match them against your résumé.',
    );
  // One sentence for every gap, not the same advice once per skill.
  if (missingRequired.length > 0) {
    suggestions.push(
      `The posting requires ${andList(missingRequired, 5)}. ` +
        (missingRequired.length === 1
          ? 'If you have used it, name it in a bullet of a recent role or a project, with what you built and the result.'
          : 'For each you have used, name it in a bullet of a recent role or a project, with what you built and the result.'),
    );
  }
  const weak = [...new Set(matched.map((s) => met.get(s)!))].filter(
    (s) => !s.sources.includes('skills') && !s.sources.includes('recent_experience'),
  );
  for (const skill of weak.slice(0, 3)) {
    suggestions.push(
      `${skill.name} is only mentioned in passing; add it to your skills section and show it in your most recent role.`,
    );
  }
  if (missingNiceToHave.length > 0) {
    suggestions.push(
      `Nice to have, and worth preparing a sentence about: ${missingNiceToHave.slice(0, 5).join(', ')}.`,
    );
  }
  const levels = ['Entry', 'Mid', 'Senior', 'Staff', 'Principal'];
  if (job.experienceLevel && levels.indexOf(job.experienceLevel) > levels.indexOf(resume.seniority) + 1) {
    suggestions.push(
      `The role is ${job.experienceLevel} level and your résumé reads as ${resume.seniority}: lead with the scope of your work (team size, systems owned, impact) to close the gap.`,
    );
  }
  if (suggestions.length === 0 && coverage !== null)
    suggestions.push(
      'Your résumé covers what this posting asks for. Prepare a story for each of its main skills.',
    );
  return { matched, missingRequired, missingNiceToHave, coverage, suggestions };
}
