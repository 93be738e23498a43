/**
 * The builtin question engine: one pure function from what we know of the candidate to a set of questions,
 * each with where it came from and why. The service gathers the inputs (bank, résumé, job, company, history);
 * everything here is deterministic for a given `random`, so tests can count outcomes over many draws.
 */
import { GENERAL_ROLE, type Category, type Difficulty } from '../../../src-shared/domain';
import type { CompanyProfile } from '../../../src-shared/companies';
import type { PlannedQuestion, PrivateQuestion } from '../../../src-shared/questions';
import type { ParsedResume } from '../../../src-shared/resume';
import { normaliseSkill } from '../resume/skills';
import type { BankEntry } from './bank';
import {
  allocate,
  DEFAULT_MIX,
  difficultyWeight,
  orderForInterview,
  weightedSample,
  WEAK_BOOST,
  type Candidate,
  type Random,
} from './select';
import { companyValueQuestions, jobGapQuestions, resumeQuestions } from './templates';

export interface EngineInput {
  role: string;
  difficulty: Difficulty;
  count: number;
  /** Chosen by the candidate; empty means the engine mixes. */
  categories: Category[];
  bank: readonly BankEntry[];
  privateQuestions?: readonly PrivateQuestion[];
  resume?: ParsedResume | null;
  job?: { title: string; company: string | null; requiredSkills: string[]; gaps: string[] } | null;
  company?: CompanyProfile | null;
  weakCategories?: Category[];
  /** Question ids asked in the last sessions; never asked again (a retake does not come through here). */
  exclude?: ReadonlySet<string>;
  random?: Random;
}

/** Personal questions take at most these shares of a set, so the bank still covers the role. */
const SHARE = { resume: 0.3, job: 0.2, companyOfBehavioral: 0.6 } as const;

/** Each required job skill a bank question probes multiplies its chance by this much more. */
const JOB_SKILL_BOOST = 4;

const ROLE_WEIGHT = { own: 1, general: 0.8, private: 1.5, other: 1 } as const;

/** Questions from other roles' banks: only when the candidate's own role and the general set run out. */
interface Tiered extends Candidate {
  tier: 0 | 1;
}

/** Normalised text and skills per bank entry, worked out once per bank rather than once per set. */
const keysCache = new WeakMap<readonly BankEntry[], Map<BankEntry, { text: string; skills: string[] }>>();
function keysOf(bank: readonly BankEntry[]) {
  let keys = keysCache.get(bank);
  if (!keys) {
    keys = new Map(
      bank.map((q) => [q, { text: ` ${normaliseSkill(q.text)} `, skills: q.skills.map(normaliseSkill) }]),
    );
    keysCache.set(bank, keys);
  }
  return keys;
}

function bankCandidates(input: EngineInput, jobSkills: Map<string, string>): Tiered[] {
  const weak = new Set(input.weakCategories ?? []);
  const keys = keysOf(input.bank);
  const fromBank = input.bank.map((q): Tiered => {
    const scope = q.role === input.role ? 'own' : q.role === GENERAL_ROLE ? 'general' : 'other';
    const k = keys.get(q)!;
    const probes = [...jobSkills].filter(([key]) => k.skills.includes(key) || k.text.includes(` ${key} `));
    const origin =
      scope === 'own'
        ? `From the ${q.role} bank`
        : scope === 'general'
          ? 'From the general set'
          : `From the ${q.role} bank (the ${input.role} bank had no fresh ones left)`;
    const reason =
      probes.length > 0
        ? `Probes ${probes.map(([, name]) => name).join(', ')}, which the job asks for.`
        : `${origin}, ${q.difficulty}.`;
    return {
      questionId: q.id,
      text: q.text,
      category: q.category,
      difficulty: q.difficulty,
      expectedPoints: q.expectedPoints,
      timeLimitSec: q.timeLimitSec,
      skills: q.skills,
      source: probes.length > 0 ? 'job' : 'bank',
      reason: weak.has(q.category)
        ? `${reason} ${q.category.replace('_', ' ')} is one of your weaker categories.`
        : reason,
      weight:
        ROLE_WEIGHT[scope] *
        difficultyWeight(q.difficulty, input.difficulty) *
        (1 + JOB_SKILL_BOOST * probes.length),
      tier: scope === 'other' ? 1 : 0,
    };
  });
  const fromPrivate = (input.privateQuestions ?? [])
    .filter((q) => q.role === null || q.role === input.role)
    .map((q): Tiered => ({
      questionId: q.id,
      text: q.text,
      category: q.category,
      difficulty: q.difficulty,
      expectedPoints: q.expectedPoints,
      timeLimitSec: q.timeLimitSec,
      skills: q.skills,
      source: 'private',
      reason: `From your own questions${q.tags.length > 0 ? ` (${q.tags.join(', ')})` : ''}.`,
      weight: ROLE_WEIGHT.private * difficultyWeight(q.difficulty, input.difficulty),
      tier: 0,
    }));
  return [...fromBank, ...fromPrivate];
}

export function planQuestions(input: EngineInput): PlannedQuestion[] {
  const random = input.random ?? Math.random;
  const exclude = input.exclude ?? new Set<string>();
  const allowed = (q: { category: Category; questionId: string }) =>
    !exclude.has(q.questionId) && (input.categories.length === 0 || input.categories.includes(q.category));

  const jobSkills = new Map((input.job?.requiredSkills ?? []).map((s) => [normaliseSkill(s), s]));
  const pool = bankCandidates(input, jobSkills).filter(allowed);
  const personal = {
    resume: input.resume ? resumeQuestions(input.resume, input.difficulty).filter(allowed) : [],
    job: input.job ? jobGapQuestions(input.job.gaps, input.job, input.difficulty).filter(allowed) : [],
    company: input.company ? companyValueQuestions(input.company, input.difficulty).filter(allowed) : [],
  };

  const weights: Partial<Record<Category, number>> = {};
  const base = input.company ? input.company.categoryWeights : DEFAULT_MIX;
  for (const c of input.categories.length > 0 ? input.categories : (Object.keys(base) as Category[])) {
    const w = input.categories.length > 0 && !input.company ? 1 : (base[c] ?? 0);
    weights[c] = w * ((input.weakCategories ?? []).includes(c) ? WEAK_BOOST : 1);
  }
  if (Object.values(weights).every((w) => w === 0)) for (const c of input.categories) weights[c] = 1;
  // Other roles' questions only count as available when the role's own and the general set cannot fill the set.
  const countAvailable = (items: { category: Category }[]) => {
    const out: Partial<Record<Category, number>> = {};
    for (const q of items) out[q.category] = (out[q.category] ?? 0) + 1;
    return out;
  };
  const personalAll = [...personal.resume, ...personal.job, ...personal.company];
  const ownAvailable = countAvailable([...pool.filter((q) => q.tier === 0), ...personalAll]);
  const ownTotal = Object.entries(ownAvailable)
    .filter(([c]) => (weights[c as Category] ?? 0) > 0)
    .reduce((s, [, n]) => s + n, 0);
  const available = ownTotal >= input.count ? ownAvailable : countAvailable([...pool, ...personalAll]);
  const quota = allocate(weights, available, input.count, random);

  const chosen: PlannedQuestion[] = [];
  const take = (items: PlannedQuestion[], max: number) => {
    const fresh = items.filter((q) => (quota.get(q.category) ?? 0) > 0);
    for (const q of weightedSample(
      fresh.map((q) => ({ ...q, weight: 1 })),
      fresh.length,
      random,
    )) {
      if (max <= 0) break;
      if ((quota.get(q.category) ?? 0) <= 0) continue;
      const { weight: _weight, ...question } = q;
      chosen.push(question);
      quota.set(q.category, quota.get(q.category)! - 1);
      max--;
    }
  };
  // Job gaps first (the candidate most needs to prepare them), then the résumé, then the company's values.
  take(personal.job, Math.max(1, Math.round(input.count * SHARE.job)));
  take(personal.resume, input.count >= 3 ? Math.max(1, Math.round(input.count * SHARE.resume)) : 0);
  take(personal.company, Math.ceil((quota.get('Behavioral') ?? 0) * SHARE.companyOfBehavioral));

  for (const [category, n] of quota) {
    if (n <= 0) continue;
    const inCategory = pool.filter((q) => q.category === category);
    const own = weightedSample(
      inCategory.filter((q) => q.tier === 0),
      n,
      random,
    );
    const picked = [
      ...own,
      ...weightedSample(
        inCategory.filter((q) => q.tier === 1),
        n - own.length,
        random,
      ),
    ];
    for (const { weight: _weight, tier: _tier, ...q } of picked) chosen.push(q);
  }
  // Personal questions left over when their category ran short fill what the bank could not.
  if (chosen.length < input.count) {
    const asked = new Set(chosen.map((q) => q.questionId));
    const rest = [...personal.job, ...personal.resume, ...personal.company].filter(
      (q) => !asked.has(q.questionId),
    );
    chosen.push(...rest.slice(0, input.count - chosen.length));
  }
  return orderForInterview(chosen, input.categories);
}
