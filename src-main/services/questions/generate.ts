/**
 * Questions written by a model for this candidate: the same fields and rules as the bank, screened like every
 * generated question, cached for a month. When no model is set up, or its answer fails validation, the
 * builtin set stands, so a model can only make a set better.
 */
import { z } from 'zod';
import type { CompanyProfile } from '../../../src-shared/companies';
import type { Category, Difficulty } from '../../../src-shared/domain';
import { AppError } from '../../../src-shared/errors';
import { modelLabel } from '../../../src-shared/format';
import { PrivateQuestionInput, QuestionFields, type PlannedQuestion } from '../../../src-shared/questions';
import type { ParsedResume } from '../../../src-shared/resume';
import type { ServiceContext } from '../../core/context';
import { fingerprint, questionSetKey } from '../ai/cache';
import { screenQuestion } from '../ai/content-filter';
import type { EngineInput } from './engine';
import { importRows, textKey } from './private';

export interface Generated {
  questions: PlannedQuestion[];
  provider: string;
  model: string | null;
  notes: string[];
  cached: boolean;
}

function setSchema(count: number, difficulty: Difficulty, categories: Category[]) {
  return z
    .object({
      questions: z
        .array(QuestionFields)
        .min(count)
        .max(count + 2),
    })
    .superRefine((set, check) => {
      set.questions.forEach((q, i) => {
        const screening = screenQuestion(q.text);
        if (!screening.ok)
          check.addIssue({ code: 'custom', path: ['questions', i, 'text'], message: screening.reason });
        if (q.difficulty !== difficulty)
          check.addIssue({
            code: 'custom',
            path: ['questions', i, 'difficulty'],
            message: `must be ${difficulty}`,
          });
        if (categories.length > 0 && !categories.includes(q.category))
          check.addIssue({
            code: 'custom',
            path: ['questions', i, 'category'],
            message: `must be one of ${categories.join(', ')}`,
          });
      });
    });
}

const JSON_SCHEMA = {
  type: 'object',
  properties: {
    questions: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          text: { type: 'string', minLength: 10, maxLength: 500 },
          category: {
            type: 'string',
            enum: ['Technical', 'Behavioral', 'Situational', 'Domain_Specific', 'System_Design', 'Coding'],
          },
          difficulty: { type: 'string', enum: ['Easy', 'Medium', 'Hard', 'Expert'] },
          expectedPoints: {
            type: 'array',
            items: { type: 'string', maxLength: 120 },
            minItems: 3,
            maxItems: 6,
          },
          timeLimitSec: { type: 'integer', minimum: 120, maximum: 600 },
          skills: { type: 'array', items: { type: 'string' }, maxItems: 5 },
        },
        required: ['text', 'category', 'difficulty', 'expectedPoints', 'timeLimitSec', 'skills'],
      },
    },
  },
  required: ['questions'],
};

/** What the model is told about the candidate: their work and skills, never their name or contact details. */
export function resumeContext(resume: ParsedResume): string {
  const roles = resume.experience
    .slice(0, 4)
    .map(
      (e) =>
        `- ${e.title ?? 'Role'}${e.company ? ` at ${e.company}` : ''}: ${e.bullets.slice(0, 3).join(' ')}`,
    );
  return [
    `Seniority: ${resume.seniority}; about ${Math.round(resume.totalExperienceMonths / 12)} years of experience.`,
    `Skills: ${resume.skills
      .slice(0, 25)
      .map((s) => s.name)
      .join(', ')}.`,
    'Experience:',
    ...roles,
    ...resume.projects.slice(0, 3).map((p) => `- Project ${p.name}: ${p.description}`),
  ].join('\n');
}

function prompt(input: Omit<EngineInput, 'random'>, company: CompanyProfile | null | undefined) {
  const lines = [
    `Write ${input.count} interview questions for a ${input.role} candidate at ${input.difficulty} difficulty.`,
    input.categories.length > 0
      ? `Use only these categories: ${input.categories.join(', ')}.`
      : 'Mix categories like a real interview: mostly Technical, then Behavioral and Situational.',
    `Every question has difficulty "${input.difficulty}", 3 to 6 expected answer points, a time limit of 120 to 600 seconds and up to 5 skills.`,
  ];
  if (input.resume)
    lines.push(
      '',
      'The candidate’s résumé:',
      resumeContext(input.resume),
      'Ask about real entries from it where it helps.',
    );
  if (input.job)
    lines.push(
      '',
      `The job: ${input.job.title}${input.job.company ? ` at ${input.job.company}` : ''}. It requires: ${input.job.requiredSkills.join(', ') || 'no listed skills'}.`,
      input.job.gaps.length > 0
        ? `The résumé does not show: ${input.job.gaps.join(', ')}. Ask about at least one.`
        : '',
    );
  if (company)
    lines.push(
      '',
      `The company states these values: ${company.values.map((v) => v.name).join('; ')}. Turn some into behavioural questions.`,
    );
  return lines.filter((l) => l !== undefined).join('\n');
}

const SYSTEM =
  'You are an experienced interviewer writing practice questions. Questions are professional, specific and answerable in a few minutes. Never ask about age, religion, health, family, nationality or politics. Reply with JSON only: {"questions": [...]}.';

export async function generateQuestions(
  ctx: ServiceContext,
  input: Omit<EngineInput, 'random'>,
  builtin: PlannedQuestion[],
  options: { signal?: AbortSignal; onProgress?: (status: string) => void } = {},
): Promise<Generated> {
  const provider = ctx.ai.chain.rank('generateQuestions')[0];
  if (!provider)
    return {
      questions: builtin,
      provider: 'builtin',
      model: null,
      notes: ctx.ai.exclusionNotes(),
      cached: false,
    };
  const model = provider.model('generateQuestions');
  const key = questionSetKey({
    role: input.role,
    difficulty: input.difficulty,
    count: input.count,
    categories: input.categories,
    resumeFingerprint: input.resume ? fingerprint(JSON.stringify(input.resume)) : null,
    jobFingerprint: input.job ? fingerprint(JSON.stringify(input.job)) : null,
    provider: provider.id,
    model,
  });
  const label = `${provider.id}${model ? ` (${model})` : ''}`;
  const toPlanned = (questions: z.infer<typeof QuestionFields>[], by: string): PlannedQuestion[] =>
    questions.slice(0, input.count).map((q) => ({
      ...q,
      questionId: `ai-${fingerprint(q.text).slice(0, 12)}`,
      source: 'ai',
      reason: `Written by ${by} for ${[input.resume && 'your résumé', input.job && 'the job', input.company && input.company.name].filter(Boolean).join(', ') || `a ${input.role}`}.`,
    }));
  const hit = await ctx.ai.cache.get<z.infer<typeof QuestionFields>[]>('questions', key);
  if (hit) return { questions: toPlanned(hit, label), provider: provider.id, model, notes: [], cached: true };

  options.onProgress?.(`Asking ${label} to write your questions…`);
  let received = 0;
  const result = await ctx.ai.chain.run(
    {
      task: 'generateQuestions',
      system: SYSTEM,
      user: prompt(input, input.company),
      schema: setSchema(input.count, input.difficulty, input.categories),
      jsonSchema: JSON_SCHEMA,
    },
    () => null,
    {
      signal: options.signal,
      onToken: (chunk) => {
        received += chunk.length;
        options.onProgress?.(`${label} is writing… ${received.toLocaleString('en-US')} characters so far`);
      },
    },
  );
  if (result.value === null)
    return {
      questions: builtin,
      provider: 'builtin',
      model: null,
      notes: [...result.notes, 'Kept the builtin questions.'],
      cached: false,
    };
  await ctx.ai.cache.put('questions', key, result.value.questions, result.provider, result.model);
  return {
    questions: toPlanned(result.value.questions, modelLabel(result.provider, result.model)),
    provider: result.provider,
    model: result.model,
    notes: result.notes,
    cached: false,
  };
}

/** The model that would write questions now, as the candidate knows it ("llama3.2 (Ollama)"); null when none. */
export function writerOf(ctx: ServiceContext): string | null {
  const provider = ctx.ai.chain.rank('generateQuestions').find((p) => ctx.ai.chain.healthOf(p.id) !== false);
  return provider ? modelLabel(provider.id, provider.model('generateQuestions')) : null;
}

/** Only the list's shape is checked as a whole; each question is judged on its own so one bad one costs one. */
const LooseSet = z.object({ questions: z.array(z.unknown()).min(1) });

const DROP_REASONS = {
  malformed: (n: number) => `${n} did not follow the question rules`,
  difficulty: (n: number) => `${n} ${n === 1 ? 'was' : 'were'} not at the chosen difficulty`,
  category: (n: number) => `${n} ${n === 1 ? 'was' : 'were'} not of the chosen question types`,
  screened: (n: number) => `${n} ${n === 1 ? 'was' : 'were'} set aside by the content screen`,
  duplicate: (n: number) => `${n} repeated ${n === 1 ? 'a question' : 'questions'} already in the bank`,
} as const;

/**
 * Asks the model for the questions a set is missing at its difficulty, keeps the ones that meet the bank's
 * rules (right difficulty and types, screened, not already in the shipped or the candidate's bank) and adds
 * them to the candidate's bank, where the next plan takes them first. Says how many it could make, and why not
 * more; a cancelled or failed request writes nothing.
 */
export async function generateMore(
  ctx: ServiceContext,
  input: Omit<EngineInput, 'random'>,
  missing: number,
  options: { signal: AbortSignal; onProgress: (status: string) => void },
): Promise<{ added: number; asked: number; message: string; cancelled: boolean }> {
  const writer = writerOf(ctx);
  if (!writer)
    throw new AppError(
      'UNAVAILABLE',
      'No AI coach is set up to write questions. Set one up in Settings → AI coach.',
    );
  if (missing <= 0)
    return { added: 0, asked: 0, message: 'The bank already fills this set.', cancelled: false };
  const cancelled = () => ({
    added: 0,
    asked: missing,
    message: 'Cancelled: no questions were added.',
    cancelled: true,
  });
  // A few more than needed, as some may be set aside; the set takes what it needs, the bank keeps the rest.
  const asked = missing;
  const request = Math.min(asked + 2, asked * 2);
  options.onProgress(`Asking ${writer} for ${asked} ${input.difficulty} questions…`);
  let received = 0;
  let result;
  try {
    result = await ctx.ai.chain.run(
      {
        task: 'generateQuestions',
        system: SYSTEM,
        user: `${prompt({ ...input, count: request }, input.company)}\nEvery question must be new: not one a candidate for ${input.role} would find in a standard question bank word for word.`,
        schema: LooseSet,
        jsonSchema: JSON_SCHEMA,
      },
      () => null,
      {
        signal: options.signal,
        onToken: (chunk) => {
          received += chunk.length;
          options.onProgress(`${writer} is writing… ${received.toLocaleString('en-US')} characters so far`);
        },
      },
    );
  } catch (err) {
    if (options.signal.aborted) return cancelled();
    throw err;
  }
  if (options.signal.aborted) return cancelled();
  if (result.value === null)
    return {
      added: 0,
      asked,
      message: `${writer} could not write questions this time: ${result.notes.join(' ') || 'no answer.'} Nothing was added.`,
      cancelled: false,
    };

  const taken = new Set([
    ...input.bank.map((q) => textKey(q.text)),
    ...(input.privateQuestions ?? []).map((q) => textKey(q.text)),
  ]);
  const dropped: Record<keyof typeof DROP_REASONS, number> = {
    malformed: 0,
    difficulty: 0,
    category: 0,
    screened: 0,
    duplicate: 0,
  };
  const rows: z.output<typeof PrivateQuestionInput>[] = [];
  for (const raw of result.value.questions) {
    const parsed = QuestionFields.safeParse(raw);
    if (!parsed.success) dropped.malformed++;
    else if (parsed.data.difficulty !== input.difficulty) dropped.difficulty++;
    else if (input.categories.length > 0 && !input.categories.includes(parsed.data.category))
      dropped.category++;
    else if (!screenQuestion(parsed.data.text).ok) dropped.screened++;
    else if (taken.has(textKey(parsed.data.text))) dropped.duplicate++;
    else {
      taken.add(textKey(parsed.data.text));
      rows.push(PrivateQuestionInput.parse({ ...parsed.data, role: input.role }));
    }
  }
  const by = modelLabel(result.provider, result.model);
  const { imported } = await importRows(ctx, rows, {
    origin: 'generated',
    writtenBy: by,
    keep: () => !options.signal.aborted,
  });
  if (options.signal.aborted) return cancelled();
  const why = (Object.keys(dropped) as (keyof typeof DROP_REASONS)[])
    .filter((k) => dropped[k] > 0)
    .map((k) => DROP_REASONS[k](dropped[k]));
  const kind = `${input.difficulty} question${imported === 1 ? '' : 's'}`;
  const head =
    imported === 0
      ? `${by} wrote no usable ${input.difficulty} questions, so none were added`
      : imported >= asked
        ? `Added ${imported} ${kind} by ${by} to your bank; the set is full`
        : `Added ${imported} ${kind} by ${by} to your bank, ${asked - imported} short of the ${asked} missing`;
  const setAside = why.length > 0 ? ` Set aside: ${why.join('; ')}.` : '';
  return { added: imported, asked, message: `${head}.${setAside}`, cancelled: false };
}
