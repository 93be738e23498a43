import type { Job, MatchReport } from '../../../src-shared/jobs';
import type { ParsedResume } from '../../../src-shared/resume';
import { andList } from '../../../src-shared/format';
import { normaliseSkill } from '../resume/skills';

/**
 * Résumé skills against the job's: what matches, what is missing (required first), the share of required
 * skills covered, and suggestions that say what to do about each gap.
 */
export function matchResume(
  resume: ParsedResume,
  job: Pick<Job, 'requiredSkills' | 'niceToHaveSkills' | 'experienceLevel'>,
): MatchReport {
  const have = new Map(resume.skills.map((s) => [normaliseSkill(s.name), s]));
  const required = job.requiredSkills.length > 0 ? job.requiredSkills : job.niceToHaveSkills;
  const nice = job.requiredSkills.length > 0 ? job.niceToHaveSkills : [];
  const matched = [...required, ...nice].filter((s) => have.has(normaliseSkill(s)));
  const missingRequired = required.filter((s) => !have.has(normaliseSkill(s)));
  const missingNiceToHave = nice.filter((s) => !have.has(normaliseSkill(s)));
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
    const named = missingRequired.slice(0, 5);
    const more = missingRequired.length - named.length;
    suggestions.push(
      `The posting requires ${andList(more > 0 ? [...named, `${more} more`] : named)}. ` +
        (missingRequired.length === 1
          ? 'If you have used it, name it in a bullet of a recent role or a project, with what you built and the result.'
          : 'For each you have used, name it in a bullet of a recent role or a project, with what you built and the result.'),
    );
  }
  const weak = matched
    .map((s) => have.get(normaliseSkill(s))!)
    .filter((s) => !s.sources.includes('skills') && !s.sources.includes('recent_experience'));
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
