import { z } from 'zod';
import { EXPERIENCE_LEVELS } from '../../../src-shared/domain';
import type { JobProposal } from '../../../src-shared/jobs';
import type { ServiceContext } from '../../core/context';
import { normaliseSkill, type Taxonomy } from '../resume/skills';
import { proposeFromPosting, withPostingTerms } from './posting';

/**
 * Reading a posting is structured extraction; it rides on the question-writing task's provider and model (the
 * one a candidate configures for text), rather than a task of its own that every provider would have to learn.
 */
const TASK = 'generateQuestions' as const;
const MAX_CHARS = 12_000;

const Proposal = z.object({
  title: z.string().max(200).nullable(),
  company: z.string().max(200).nullable(),
  experienceLevel: z.enum(EXPERIENCE_LEVELS).nullable(),
  requiredSkills: z.array(z.string().max(100)).max(80),
  niceToHaveSkills: z.array(z.string().max(100)).max(80),
});
type Proposal = z.infer<typeof Proposal>;

const JSON_SCHEMA = {
  type: 'object',
  properties: {
    title: { type: ['string', 'null'] },
    company: { type: ['string', 'null'] },
    experienceLevel: { type: ['string', 'null'], enum: [...EXPERIENCE_LEVELS, null] },
    requiredSkills: { type: 'array', items: { type: 'string' } },
    niceToHaveSkills: { type: 'array', items: { type: 'string' } },
  },
  required: ['title', 'company', 'experienceLevel', 'requiredSkills', 'niceToHaveSkills'],
};

const SYSTEM = [
  'You read job postings for a candidate preparing for interviews.',
  'Return the job title, the hiring company, the experience level if the posting states one, the hard skills,',
  'tools, methods and certifications it requires, and those it names as nice to have. Copy every title, company',
  'and skill exactly as the posting writes it; never add one the posting does not name. Leave soft skills out.',
].join(' ');

export interface ModelProposal {
  proposal: JobProposal;
  /** Who read it: 'builtin' when no model answered. */
  provider: string;
  model: string | null;
  /** What the model proposed that the posting does not say, and so was dropped. */
  dropped: string[];
  notes: string[];
}

/**
 * The builtin reading, with what a configured model adds to it. The builtin reader is the floor: the model can add
 * skills and fill a title or company the builtin reader left empty, never take anything away; and every item it
 * returns must occur in the posting, or it is dropped.
 */
export async function proposeWithModel(ctx: ServiceContext, text: string): Promise<ModelProposal> {
  const taxonomy = ctx.taxonomy();
  const builtin = proposeFromPosting(text, taxonomy);
  if (!ctx.ai.chain.rank(TASK)[0])
    return { proposal: builtin, provider: 'builtin', model: null, dropped: [], notes: [] };
  const result = await ctx.ai.chain.run(
    {
      task: TASK,
      system: SYSTEM,
      user: `The posting:\n"""\n${text.slice(0, MAX_CHARS)}\n"""`,
      schema: Proposal,
      jsonSchema: JSON_SCHEMA,
    },
    (): Proposal => builtin,
  );
  if (result.provider === 'builtin')
    return { proposal: builtin, provider: 'builtin', model: null, dropped: [], notes: result.notes };
  const { kept, dropped } = grounded(result.value, text, taxonomy);
  return {
    proposal: merge(builtin, kept, taxonomy),
    provider: result.provider,
    model: result.model,
    dropped,
    notes: result.notes,
  };
}

/** A phrase, compared without case, spacing or the typographic forms of quotes and dashes. */
const flat = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[‐-―]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();

/** Whether the posting says this: the phrase itself as a whole word, or another name the taxonomy gives it. */
function occurs(item: string, text: string, taxonomy: Taxonomy): boolean {
  const doc = flat(text);
  const said = (phrase: string) => {
    const p = flat(phrase);
    if (!p) return false;
    return new RegExp(
      `(?<![\\p{L}\\p{N}])${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`,
      'u',
    ).test(doc);
  };
  if (said(item)) return true;
  const skill = taxonomy.index.get(normaliseSkill(item));
  return skill ? [skill.name, ...skill.aliases].some(said) : false;
}

function grounded(value: Proposal, text: string, taxonomy: Taxonomy): { kept: Proposal; dropped: string[] } {
  const dropped: string[] = [];
  const keep = (item: string | null) => {
    if (item === null || item.trim() === '') return null;
    if (occurs(item, text, taxonomy)) return item.trim();
    dropped.push(item);
    return null;
  };
  const skills = (list: string[]) => list.map(keep).filter((s): s is string => s !== null);
  const title = keep(value.title);
  const company = keep(value.company);
  const level = value.experienceLevel;
  // A level is a word, not a quotation; keep it only when the posting uses the word.
  const levelSaid = level !== null && new RegExp(`\\b${level}\\b`, 'i').test(text);
  if (level !== null && !levelSaid) dropped.push(level);
  return {
    kept: {
      title,
      company,
      experienceLevel: levelSaid ? level : null,
      requiredSkills: skills(value.requiredSkills),
      niceToHaveSkills: skills(value.niceToHaveSkills),
    },
    dropped,
  };
}

function merge(builtin: JobProposal, model: Proposal, base: Taxonomy): JobProposal {
  const taxonomy = withPostingTerms(base);
  const named = (s: string) => taxonomy.index.get(normaliseSkill(s));
  const key = (s: string) => named(s)?.id ?? normaliseSkill(s);
  const required = new Map(builtin.requiredSkills.map((s) => [key(s), s]));
  const nice = new Map(builtin.niceToHaveSkills.map((s) => [key(s), s]));
  const soft = new Map(builtin.softSkills.map((s) => [key(s), s]));
  const add = (into: Map<string, string>, s: string) => {
    const k = key(s);
    if (required.has(k) || nice.has(k) || soft.has(k)) return;
    const skill = named(s);
    // A skill the taxonomy knows takes its name; one it does not is kept as the posting writes it.
    if (skill?.category === 'soft') soft.set(k, skill.name);
    else into.set(k, skill?.name ?? s);
  };
  for (const s of model.requiredSkills) add(required, s);
  for (const s of model.niceToHaveSkills) add(nice, s);
  return {
    title: builtin.title ?? model.title,
    company: builtin.company ?? model.company,
    experienceLevel: builtin.experienceLevel ?? model.experienceLevel,
    requiredSkills: [...required.values()],
    niceToHaveSkills: [...nice.values()],
    softSkills: [...soft.values()],
    asWritten: builtin.asWritten,
  };
}
