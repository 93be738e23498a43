/**
 * Questions written for this candidate from their parsed résumé and the job they are aiming at. Every
 * question names a real entry (a company, a project, a bullet they wrote) and its expected points come from
 * that entry, so the feedback can check the answer against what the résumé claims.
 */
import type { Difficulty } from '../../../src-shared/domain';
import type { CompanyProfile } from '../../../src-shared/companies';
import type { PlannedQuestion } from '../../../src-shared/questions';
import { skillNames, type Experience, type FoundSkill, type ParsedResume } from '../../../src-shared/resume';
import { clip } from '../../formats/text';
import { fingerprint } from '../ai/cache';

const idOf = (kind: string, ...parts: string[]) =>
  `${kind}-${fingerprint(parts.join('\u0000').toLowerCase()).slice(0, 10)}`;

const where = (e: Experience) =>
  e.title && e.company ? `${e.title} at ${e.company}` : (e.company ?? e.title ?? 'a previous role');

/** "Eligible Inc." ends its own sentence; "Acme" needs a full stop. */
const period = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);

/**
 * A skill as a sentence says it: products and languages keep their capitals ("Python", "QuickBooks", "DevOps"),
 * while a method or field is a common noun ("network security", "code review", "procurement").
 */
export function spoken(skill: string): string {
  const words = skill.split(' ');
  const rest = words.slice(1);
  const commonPhrase =
    words.length > 1 && rest.every((w) => /^\p{Ll}/u.test(w)) && /^\p{Lu}\p{Ll}+$/u.test(words[0]!);
  const commonWord =
    words.length === 1 && /^\p{Lu}\p{Ll}+(?:ing|ment|ion|ity|ics|sis|ance|ence|ure)$/u.test(skill);
  return commonPhrase || commonWord ? skill[0]!.toLowerCase() + skill.slice(1) : skill;
}

/** Names a parser got wrong read badly in a question: a sentence for a project, an unclosed bracket. */
const usableName = (name: string | null | undefined): name is string =>
  Boolean(name) &&
  name!.length <= 60 &&
  name!.split(/\s+/).length <= 6 &&
  !/[.!?,;:]$/.test(name!) &&
  (name!.match(/\(/g) ?? []).length === (name!.match(/\)/g) ?? []).length;

const mentions = (text: string, skill: string) =>
  new RegExp(
    `(^|[^\\p{L}\\p{N}])${skill.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`,
    'iu',
  ).test(text);

/**
 * A skill as the candidate wrote it when they listed it under one name ("SQL Server", not the taxonomy's
 * "Microsoft SQL Server"): a question in their own words reads as if someone had read their résumé.
 */
const said = (s: FoundSkill): string => {
  const [, only, ...more] = skillNames(s);
  return only && more.length === 0 ? only : s.name;
};

/** Whether a text names the skill under the taxonomy's name or any name the candidate listed it under. */
const mentionsSkill = (text: string, s: FoundSkill) => skillNames(s).some((name) => mentions(text, name));

/** A claim with a number in it: a percentage, a multiple, money, a count of something. */
export const METRIC =
  /(\d[\d,.]*\s?(%|percent|x\b|k\b|m\b|ms\b|users|customers|requests|hours|days|weeks)|[$£€]\s?\d)/i;

/** Months are compared as YYYY-MM strings; a year alone counts as its January (start) or December (end). */
const monthIndex = (d: string, edge: 'start' | 'end') => {
  const [y, m] = d.split('-').map(Number);
  return y! * 12 + (m ?? (edge === 'start' ? 1 : 12)) - 1;
};
const monthLabel = (d: string) => {
  const [y, m] = d.split('-').map(Number);
  return m
    ? new Date(Date.UTC(y!, m - 1, 1)).toLocaleString('en-US', {
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      })
    : String(y);
};

export function resumeQuestions(resume: ParsedResume, difficulty: Difficulty): PlannedQuestion[] {
  const out: PlannedQuestion[] = [];
  const skills = resume.skills.filter((s) => s.category === 'technical' || s.category === 'tools');
  const base = { difficulty, source: 'resume' as const };

  // A skill used at a named company.
  const tied = new Set<string>();
  for (const e of resume.experience) {
    if (!usableName(e.company)) continue;
    const text = [e.title ?? '', ...e.bullets].join('\n');
    const skill = skills.find((s) => mentionsSkill(text, s));
    if (!skill) continue;
    tied.add(skill.name);
    const bullet = e.bullets.find((b) => mentionsSkill(b, skill));
    const it = spoken(said(skill));
    out.push({
      ...base,
      questionId: idOf('resume-skill', e.company, skill.name),
      text: `At ${e.company} you worked with ${it}. Walk me through a piece of that work: the problem, what you did with ${it} yourself, the trade-offs you weighed and how it turned out.`,
      category: 'Technical',
      expectedPoints: [
        `The problem at ${e.company} and why ${it} fitted it`,
        `Your own decisions and the trade-offs of ${it}`,
        bullet ? clip(`The outcome you claim: ${bullet}`, 120) : 'A concrete, measurable outcome',
      ],
      timeLimitSec: 240,
      skills: [skill.name],
      reason: period(`From your résumé: ${said(skill)} in your time as ${where(e)}`),
    });
  }

  // Your latest role, whatever its bullets say: what the candidate is proudest of there.
  const latest = resume.experience.find((e) => usableName(e.company));
  if (latest) {
    const as = latest.title ? `${latest.title} at ${latest.company}` : `at ${latest.company}`;
    out.push({
      ...base,
      questionId: idOf('resume-role', latest.company!, latest.title ?? ''),
      text: `${latest.current ? 'In your current role' : 'In your most recent role'}, ${latest.title ? `as ${as}` : as}, what is the piece of work you are proudest of, and what did it change for the people around you?`,
      category: 'Behavioral',
      expectedPoints: [
        `A specific piece of work at ${latest.company} and your part in it`,
        'Why it was hard, or why it mattered',
        'What changed because of it, with a number where you have one',
      ],
      timeLimitSec: 240,
      skills: [],
      reason: period(
        `From your résumé: your ${latest.current ? 'current' : 'most recent'} role, ${where(latest)}`,
      ),
    });
  }

  // A skill the candidate lists that no role's bullets show: where they last relied on it.
  for (const s of skills.filter((s) => s.sources.includes('skills') && !tied.has(s.name)).slice(0, 3)) {
    const it = spoken(said(s));
    out.push({
      ...base,
      questionId: idOf('resume-listed', s.name),
      text: `Your résumé lists ${it} among your skills. Tell me about the last time you relied on it: what the problem was, what you did with ${it}, and how it turned out.`,
      category: 'Technical',
      expectedPoints: [
        `A recent, specific use of ${it}`,
        'What you did yourself, and why that approach',
        'The result, and what you would do differently',
      ],
      timeLimitSec: 240,
      skills: [s.name],
      reason: `From your résumé: ${said(s)}, listed among your skills.`,
    });
  }

  // A claimed metric: how it was measured and what the candidate's own part was.
  for (const e of resume.experience) {
    const bullet = e.bullets.find((b) => METRIC.test(b));
    if (!bullet) continue;
    out.push({
      ...base,
      questionId: idOf('resume-metric', bullet),
      text: clip(
        `Your résumé says: "${clip(bullet, 200)}". How was that measured, what was the baseline, and what was your own part in it?`,
        500,
      ),
      category: 'Behavioral',
      expectedPoints: [
        'How the result was measured, and over what period',
        'The baseline before the change',
        'Your personal contribution, distinct from the team’s',
        clip(`The figure itself: ${bullet.match(METRIC)![0].trim()}`, 120),
      ],
      timeLimitSec: 240,
      skills: [],
      reason: period(`From your résumé: a result you claim as ${where(e)}`),
    });
  }

  for (const p of resume.projects.filter((p) => usableName(p.name))) {
    const tech = p.technologies.slice(0, 3);
    out.push({
      ...base,
      questionId: idOf('resume-project', p.name),
      text: `Tell me about ${p.name}${tech.length > 0 ? `, which you built with ${tech.join(', ')}` : ''}. What was the hardest part, and what would you do differently now?`,
      category: 'Technical',
      expectedPoints: [
        clip(`What ${p.name} does and who it is for`, 120),
        tech.length > 0 ? clip(`Why ${tech.join(', ')} suited it`, 120) : 'Why you chose the tools you did',
        'The hardest problem and how you solved it',
        'What you would change, and why',
      ],
      timeLimitSec: 240,
      skills: tech,
      reason: `From your résumé: the project ${p.name}.`,
    });
  }

  const dated = resume.experience
    .filter((e): e is Experience & { start: string } => e.start !== null)
    .sort((a, b) => monthIndex(a.start, 'start') - monthIndex(b.start, 'start'));
  for (let i = 1; i < dated.length; i++) {
    const before = dated[i - 1]!;
    const after = dated[i]!;
    if (
      before.end &&
      monthIndex(after.start, 'start') - monthIndex(before.end, 'end') > 6 &&
      (usableName(after.company) || !after.company) &&
      (usableName(before.company) || !before.company)
    ) {
      out.push({
        ...base,
        questionId: idOf('resume-gap', before.end, after.start),
        text: `Between ${monthLabel(before.end)} and ${monthLabel(after.start)} your résumé shows no role. How would you describe that time to an interviewer, and what did you take from it into ${after.company ?? 'your next job'}?`,
        category: 'Behavioral',
        expectedPoints: [
          'A brief, honest account of the time between roles',
          'Skills kept up or learnt during it',
          `How it shaped your work as ${where(after)}`,
        ],
        timeLimitSec: 180,
        skills: [],
        reason: period(`From your résumé: the time between ${where(before)} and ${where(after)}`),
      });
    } else if (usableName(before.company) && usableName(after.company) && before.company !== after.company) {
      out.push({
        ...base,
        questionId: idOf('resume-move', before.company, after.company),
        text: `You moved from ${where(before)} to ${where(after)}. What made you change, and what did you bring with you from ${before.company}?`,
        category: 'Behavioral',
        expectedPoints: [
          `A clear, positive reason for leaving ${before.company}`,
          `What drew you to ${after.company}`,
          'Skills or lessons that carried over, with an example',
        ],
        timeLimitSec: 180,
        skills: [],
        reason: `From your résumé: your move from ${before.company} to ${after.company}.`,
      });
    }
  }

  // Years with a technology: the months of the roles that mention it.
  for (const s of skills) {
    const months = resume.experience
      .filter((e) => mentionsSkill([e.title ?? '', ...e.bullets].join('\n'), s))
      .reduce((sum, e) => sum + (e.months ?? 0), 0);
    if (months < 24) continue;
    const years = Math.floor(months / 12);
    const it = spoken(said(s));
    out.push({
      ...base,
      questionId: idOf('resume-years', s.name),
      text: `You have about ${years} years with ${it}. What do you understand about it now that you did not in your first year, and where would you not use it?`,
      category: 'Technical',
      expectedPoints: [
        `A lesson about ${it} learnt from experience, with an example`,
        `A limitation of ${it} and when to choose something else`,
        'How your way of working with it has changed',
      ],
      timeLimitSec: 240,
      skills: [s.name],
      reason: `From your résumé: about ${years} years of ${said(s)} across your roles.`,
    });
  }
  return dedupe(out);
}

/** Posting questions a set asks when it can: two, the skills the résumé does not show first. */
const JOB_QUESTIONS = 2;

/**
 * Questions on what the job asks for: each required skill the résumé does not show (how the candidate would
 * close the gap), then, when fewer than two are missing, required skills the résumé does show (depth, as an
 * interviewer for this job would probe it). The engine takes the first ones it has room for.
 */
export function jobGapQuestions(
  gaps: readonly string[],
  job: { title: string; company: string | null; requiredSkills?: readonly string[] },
  difficulty: Difficulty,
): PlannedQuestion[] {
  const posting = `The ${job.title} posting${job.company ? ` at ${job.company}` : ''}`;
  const missing = gaps.map((skill): PlannedQuestion => ({
    questionId: idOf('job-gap', skill),
    text: `${posting} asks for ${spoken(skill)}, which your résumé does not show. How would you become productive with ${spoken(skill)} in your first weeks, and what experience of yours carries over?`,
    category: 'Situational',
    difficulty,
    expectedPoints: [
      `An honest account of where you stand with ${spoken(skill)}`,
      'Related experience that transfers, with an example',
      'A concrete plan to learn it, with milestones',
    ],
    timeLimitSec: 180,
    skills: [skill],
    source: 'job',
    reason: `The job asks for ${skill}; your résumé does not mention it.`,
  }));
  const lacking = new Set(gaps);
  const shown = (job.requiredSkills ?? [])
    .filter((s) => !lacking.has(s))
    .slice(0, Math.max(0, JOB_QUESTIONS - missing.length))
    .map((skill): PlannedQuestion => ({
      questionId: idOf('job-depth', skill),
      text: `${posting} asks for ${spoken(skill)}, and your résumé shows it. What is the most demanding thing you have done with ${spoken(skill)}, and how would you use it in your first months in this job?`,
      category: 'Situational',
      difficulty,
      expectedPoints: [
        `A specific, demanding piece of work with ${spoken(skill)} and your part in it`,
        'The result, with a number where you have one',
        `How that experience applies to what this job needs ${spoken(skill)} for`,
      ],
      timeLimitSec: 180,
      skills: [skill],
      source: 'job',
      reason: `The job asks for ${skill}, and your résumé shows it: expect to be asked for depth.`,
    }));
  return [...missing, ...shown];
}

/** Each value the company states, as a behavioural prompt. */
export function companyValueQuestions(company: CompanyProfile, difficulty: Difficulty): PlannedQuestion[] {
  return company.values.map((v) => ({
    questionId: idOf('company-value', company.id, v.name),
    text: clip(
      `One of ${company.name}'s stated values is "${v.name}"${v.description ? ` (${v.description.replace(/\.$/, '')})` : ''}. Tell me about a time your work showed it.`,
      500,
    ),
    category: 'Behavioral',
    difficulty,
    expectedPoints: [
      'A specific situation and your responsibility in it',
      `Actions that show ${v.name} in practice`,
      'A result, with a number where possible',
      'What you learnt or would repeat',
    ],
    timeLimitSec: 240,
    skills: [],
    source: 'company',
    reason: `${company.name} states "${v.name}" as a value.`,
  }));
}

function dedupe(questions: PlannedQuestion[]): PlannedQuestion[] {
  const seen = new Set<string>();
  return questions.filter((q) => !seen.has(q.questionId) && seen.add(q.questionId));
}
