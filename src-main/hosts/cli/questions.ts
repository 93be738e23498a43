/** `rehearse questions`: the builtin engine from files on disk, for scripting and checking what it would ask. */
import { AppError } from '../../../src-shared/errors';
import { PlanInput, type PlannedQuestion } from '../../../src-shared/questions';
import type { Runtime } from '../../core/runtime';
import { companyHandlers } from '../../services/companies/service';
import { proposeFromPosting } from '../../services/jobs/posting';
import { planQuestions } from '../../services/questions/engine';
import { engineInputWith } from '../../services/questions/inputs';
import { parseResumeAt, readPosting } from './resume';

export interface QuestionsOptions {
  role?: string;
  difficulty?: string;
  count?: number;
  categories: string[];
  resumeFile?: string;
  jobFile?: string;
  company?: string;
}

async function findCompany(runtime: Runtime, wanted: string) {
  const all = await companyHandlers(runtime.ctx)['companies.list']({});
  const key = wanted.trim().toLowerCase();
  const found = all.find((c) => c.id === wanted || c.name.toLowerCase() === key);
  if (!found)
    throw new AppError(
      'NOT_FOUND',
      `No company profile named "${wanted}". Known: ${all.map((c) => c.name).join(', ')}.`,
    );
  return found;
}

export async function questionsFromFiles(runtime: Runtime, o: QuestionsOptions): Promise<PlannedQuestion[]> {
  const parsed = PlanInput.safeParse({
    role: o.role ?? '',
    difficulty: o.difficulty,
    questionCount: o.count,
    categories: o.categories,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('VALIDATION_ERROR', issue.message, {
      field: String(issue.path[0]),
      reason: issue.message,
    });
  }
  const resume = o.resumeFile ? await parseResumeAt(o.resumeFile) : null;
  const posting = o.jobFile ? readPosting(o.jobFile) : null;
  const proposal = posting ? proposeFromPosting(posting, runtime.ctx.taxonomy()) : null;
  const job = proposal && {
    title: proposal.title ?? 'the job',
    company: proposal.company,
    requiredSkills: proposal.requiredSkills,
    niceToHaveSkills: proposal.niceToHaveSkills,
    experienceLevel: proposal.experienceLevel,
  };
  const company = o.company ? await findCompany(runtime, o.company) : null;
  return planQuestions(await engineInputWith(runtime.ctx, parsed.data, { resume, job, company }));
}

export function describeQuestions(questions: PlannedQuestion[]): string {
  return questions
    .map(
      (q, i) =>
        `${i + 1}. [${q.category.replace('_', ' ')} · ${q.difficulty} · ${Math.round(q.timeLimitSec / 60)} min] ${q.text}\n` +
        `   why: ${q.reason}\n` +
        q.expectedPoints.map((p) => `   - ${p}`).join('\n'),
    )
    .join('\n\n');
}
