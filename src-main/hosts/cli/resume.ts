import { readFileSync, statSync } from 'node:fs';
import { AppError } from '../../../src-shared/errors';
import { MAX_RESUME_BYTES, type ParsedResume } from '../../../src-shared/resume';
import { appPaths } from '../../paths';
import { fileError } from '../../services/resume/errors';
import { ResumeParser } from '../../services/resume/runner';
import { loadTaxonomy } from '../../services/resume/skills';
import { proposeFromPosting } from '../../services/jobs/posting';
import { matchResume } from '../../services/jobs/match';
import type { JobProposal, MatchReport } from '../../../src-shared/jobs';

const taxonomyFile = () => appPaths().taxonomy;

/** Parses a file on disk through the same worker, limits and messages as the app; stores nothing. */
export async function parseResumeAt(file: string): Promise<ParsedResume> {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new AppError('NOT_FOUND', `No file at ${file}`);
  }
  // Refused before reading, so a huge file is never loaded into memory.
  if (size > MAX_RESUME_BYTES) throw fileError('tooLarge');
  const parser = new ResumeParser(taxonomyFile());
  try {
    return await parser.parse({ bytes: new Uint8Array(readFileSync(file)) });
  } finally {
    await parser.close();
  }
}

export function describeResume(r: ParsedResume): string {
  const years = (r.totalExperienceMonths / 12).toFixed(1);
  return [
    `${r.contact.name ?? '(no name found)'}${r.contact.email ? ` <${r.contact.email}>` : ''}`,
    [r.contact.phone, r.contact.location, ...r.contact.links].filter(Boolean).join(' · '),
    `${r.seniority} — ${years} years of experience`,
    '',
    'Experience:',
    ...r.experience.map(
      (e) =>
        `  ${e.title ?? '?'} at ${e.company ?? '?'} (${e.start ?? '?'} – ${e.current ? 'present' : (e.end ?? '?')})`,
    ),
    'Education:',
    ...r.education.map(
      (e) =>
        `  ${e.degreeRaw ?? e.degree ?? '?'}${e.institution ? `, ${e.institution}` : ''}${e.graduationYear ? ` (${e.graduationYear})` : ''}`,
    ),
    `Skills: ${r.skills.map((s) => s.name).join(', ')}`,
  ].join('\n');
}

export async function matchFiles(
  resumeFile: string,
  jobFile: string,
): Promise<{ job: JobProposal } & MatchReport> {
  const posting = readPosting(jobFile);
  const resume = await parseResumeAt(resumeFile);
  const taxonomy = loadTaxonomy(taxonomyFile());
  const job = proposeFromPosting(posting, taxonomy);
  return { job, ...matchResume(resume, { ...job }, taxonomy) };
}

/** A job posting saved as a text file; an empty one is a mistake worth saying so. */
export function readPosting(jobFile: string): string {
  let posting: string;
  try {
    posting = readFileSync(jobFile, 'utf8');
  } catch {
    throw new AppError('NOT_FOUND', `No file at ${jobFile}`);
  }
  if (!posting.trim())
    throw new AppError('VALIDATION_ERROR', 'The job posting file is empty', {
      field: 'job',
      reason: 'empty',
    });
  return posting;
}

export function describeMatch(r: { job: JobProposal } & MatchReport): string {
  return [
    `${r.job.title ?? 'Job'}${r.job.company ? ` at ${r.job.company}` : ''}: ${
      r.coverage === null ? 'no skills found in the posting' : `${r.coverage}% of the required skills`
    }`,
    `Matched: ${r.matched.join(', ') || 'none'}`,
    `Missing (required): ${r.missingRequired.join(', ') || 'none'}`,
    `Missing (nice to have): ${r.missingNiceToHave.join(', ') || 'none'}`,
    '',
    ...r.suggestions.map((s) => `- ${s}`),
  ].join('\n');
}
