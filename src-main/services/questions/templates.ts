/**
 * Questions written for this candidate from their parsed résumé and the job they are aiming at. Every
 * question names a real entry (a company, a project, a bullet they wrote) and its expected points come from
 * that entry, so the feedback can check the answer against what the résumé claims.
 */
import type { Difficulty } from '../../../src-shared/domain';
import type { CompanyProfile } from '../../../src-shared/companies';
import type { PlannedQuestion } from '../../../src-shared/questions';
import type { Experience, ParsedResume } from '../../../src-shared/resume';
import { clip } from '../../formats/text';
import { fingerprint } from '../ai/cache';

const idOf = (kind: string, ...parts: string[]) =>
  `${kind}-${fingerprint(parts.join('\u0000').toLowerCase()).slice(0, 10)}`;

const where = (e: Experience) =>
  e.title && e.company ? `${e.title} at ${e.company}` : (e.company ?? e.title ?? 'a previous role');

const mentions = (text: string, skill: string) =>
  new RegExp(
    `(^|[^\\p{L}\\p{N}])${skill.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`,
    'iu',
  ).test(text);

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
  for (const e of resume.experience) {
    if (!e.company) continue;
    const text = [e.title ?? '', ...e.bullets].join('\n');
    const skill = skills.find((s) => mentions(text, s.name));
    if (!skill) continue;
    const bullet = e.bullets.find((b) => mentions(b, skill.name));
    out.push({
      ...base,
      questionId: idOf('resume-skill', e.company, skill.name),
      text: `At ${e.company} you worked with ${skill.name}. Walk me through a problem you solved with it: what you built, the trade-offs you weighed and how it turned out.`,
      category: 'Technical',
      expectedPoints: [
        `The problem at ${e.company} and why ${skill.name} fitted it`,
        `Your own decisions and the trade-offs of ${skill.name}`,
        bullet ? clip(`The outcome you claim: ${bullet}`, 120) : 'A concrete, measurable outcome',
      ],
      timeLimitSec: 240,
      skills: [skill.name],
      reason: `From your résumé: ${skill.name} in your time as ${where(e)}.`,
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
      reason: `From your résumé: a result you claim as ${where(e)}.`,
    });
  }

  for (const p of resume.projects) {
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
    if (before.end && monthIndex(after.start, 'start') - monthIndex(before.end, 'end') > 6) {
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
        reason: `From your résumé: the time between ${where(before)} and ${where(after)}.`,
      });
    } else if (before.company && after.company && before.company !== after.company) {
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
      .filter((e) => mentions([e.title ?? '', ...e.bullets].join('\n'), s.name))
      .reduce((sum, e) => sum + (e.months ?? 0), 0);
    if (months < 24) continue;
    const years = Math.floor(months / 12);
    out.push({
      ...base,
      questionId: idOf('resume-years', s.name),
      text: `You have about ${years} years with ${s.name}. What do you understand about it now that you did not in your first year, and where would you not use it?`,
      category: 'Technical',
      expectedPoints: [
        `A lesson about ${s.name} learnt from experience, with an example`,
        `A limitation of ${s.name} and when to choose something else`,
        'How your way of working with it has changed',
      ],
      timeLimitSec: 240,
      skills: [s.name],
      reason: `From your résumé: about ${years} years of ${s.name} across your roles.`,
    });
  }
  return dedupe(out);
}

/** Skills the job asks for and the résumé does not show: how the candidate would close the gap. */
export function jobGapQuestions(
  gaps: readonly string[],
  job: { title: string; company: string | null },
  difficulty: Difficulty,
): PlannedQuestion[] {
  const at = job.company ? `${job.title} at ${job.company}` : job.title;
  return gaps.map((skill) => ({
    questionId: idOf('job-gap', skill),
    text: `The ${at} role asks for ${skill}, which your résumé does not show. How would you become productive with ${skill} in your first weeks, and what experience of yours carries over?`,
    category: 'Situational',
    difficulty,
    expectedPoints: [
      `An honest account of where you stand with ${skill}`,
      'Related experience that transfers, with an example',
      'A concrete plan to learn it, with milestones',
    ],
    timeLimitSec: 180,
    skills: [skill],
    source: 'job',
    reason: `The job asks for ${skill}; your résumé does not mention it.`,
  }));
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
