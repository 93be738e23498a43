/**
 * The builtin question engine: one pure function from what we know of the candidate to a set of questions,
 * each with where it came from and why. The service gathers the inputs (bank, résumé, job, company, history);
 * everything here is deterministic for a given `random`, so tests can count outcomes over many draws.
 */
import { DIFFICULTIES, GENERAL_ROLE, type Category, type Difficulty } from '../../../src-shared/domain';
import type { CompanyProfile } from '../../../src-shared/companies';
import type { PlanNotice, PlannedQuestion, PrivateQuestion } from '../../../src-shared/questions';
import type { ParsedResume } from '../../../src-shared/resume';
import { andList } from '../../../src-shared/format';
import { normaliseSkill } from '../resume/skills';
import type { BankEntry } from './bank';
import {
  allocate,
  DEFAULT_MIX,
  orderForInterview,
  weightedSample,
  WEAK_BOOST,
  type Candidate,
  type Random,
  NO_REPEAT_SESSIONS,
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

/**
 * The order a set is filled in: the role's own, general and private questions at the chosen difficulty (tier
 * 0), then theirs one, two and three steps away (tiers 1–3); other roles' questions (tiers 4–7, by the same
 * distance) only when all of those run out. A tier is used only when the ones before it cannot fill the set.
 */
interface Tiered extends Candidate {
  tier: number;
}
const LAST_TIER = 7;
const tierOf = (scope: 'own' | 'general' | 'other' | 'private', distance: number) =>
  (scope === 'other' ? 4 : 0) + distance;
const distance = (q: Difficulty, wanted: Difficulty) =>
  Math.abs(DIFFICULTIES.indexOf(q) - DIFFICULTIES.indexOf(wanted));

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
      weight: ROLE_WEIGHT[scope] * (1 + JOB_SKILL_BOOST * probes.length),
      tier: tierOf(scope, distance(q.difficulty, input.difficulty)),
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
      weight: ROLE_WEIGHT.private,
      tier: tierOf('private', distance(q.difficulty, input.difficulty)),
    }));
  return [...fromBank, ...fromPrivate];
}

export function planQuestions(input: EngineInput): PlannedQuestion[] {
  return planWithNotice(input).questions;
}

export interface PlanOutcome {
  questions: PlannedQuestion[];
  /** Why the set is not all at the chosen difficulty, or shorter than asked; null when it is exactly that. */
  notice: PlanNotice | null;
}

export function planWithNotice(input: EngineInput): PlanOutcome {
  const random = input.random ?? Math.random;
  const exclude = input.exclude ?? new Set<string>();
  const inCategories = (q: { category: Category }) =>
    input.categories.length === 0 || input.categories.includes(q.category);
  const allowed = (q: { category: Category; questionId: string }) =>
    !exclude.has(q.questionId) && inCategories(q);

  const jobSkills = new Map((input.job?.requiredSkills ?? []).map((s) => [normaliseSkill(s), s]));
  const everything = bankCandidates(input, jobSkills);
  const pool = everything.filter(allowed);
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
  const countAvailable = (items: { category: Category }[]) => {
    const out: Partial<Record<Category, number>> = {};
    for (const q of items) if ((weights[q.category] ?? 0) > 0) out[q.category] = (out[q.category] ?? 0) + 1;
    return out;
  };
  const personalAll = [...personal.resume, ...personal.job, ...personal.company];

  // Each tier is shared out only after the tiers before it are used up, so the mix bends before the
  // difficulty does: a Hard set takes every fresh Hard question in any mixed category before a Medium one.
  const quotas: Map<Category, number>[] = [];
  let left = input.count;
  for (let tier = 0; tier <= LAST_TIER && left > 0; tier++) {
    const available = countAvailable([
      ...pool.filter((q) => q.tier === tier),
      ...(tier === 0 ? personalAll : []),
    ]);
    const quota = allocate(weights, available, left, random);
    quotas[tier] = quota;
    for (const n of quota.values()) left -= n;
  }
  const first = quotas[0] ?? new Map<Category, number>();

  const chosen: PlannedQuestion[] = [];
  const take = (items: PlannedQuestion[], max: number) => {
    const fresh = items.filter((q) => (first.get(q.category) ?? 0) > 0);
    for (const q of weightedSample(
      fresh.map((q) => ({ ...q, weight: 1 })),
      fresh.length,
      random,
    )) {
      if (max <= 0) break;
      if ((first.get(q.category) ?? 0) <= 0) continue;
      const { weight: _weight, ...question } = q;
      chosen.push(question);
      first.set(q.category, first.get(q.category)! - 1);
      max--;
    }
  };
  // Job gaps first (the candidate most needs to prepare them), then the résumé, then the company's values.
  take(personal.job, Math.max(1, Math.round(input.count * SHARE.job)));
  take(personal.resume, input.count >= 3 ? Math.max(1, Math.round(input.count * SHARE.resume)) : 0);
  take(personal.company, Math.ceil((first.get('Behavioral') ?? 0) * SHARE.companyOfBehavioral));

  quotas.forEach((quota, tier) => {
    for (const [category, n] of quota) {
      if (n <= 0) continue;
      const picked = weightedSample(
        pool.filter((q) => q.category === category && q.tier === tier),
        n,
        random,
      );
      for (const { weight: _weight, tier: _tier, ...q } of picked) chosen.push(q);
    }
  });
  // Personal questions left over when their category ran short fill what the bank could not.
  if (chosen.length < input.count) {
    const asked = new Set(chosen.map((q) => q.questionId));
    const rest = personalAll.filter((q) => !asked.has(q.questionId));
    chosen.push(...rest.slice(0, input.count - chosen.length));
  }
  const questions = orderForInterview(chosen, input.categories);
  const repeatable = everything.filter(
    (q) => q.tier === 0 && exclude.has(q.questionId) && inCategories(q) && (weights[q.category] ?? 0) > 0,
  ).length;
  const otherRoles = new Set(pool.filter((q) => q.tier >= 4).map((q) => q.questionId));
  return {
    questions,
    notice: noticeOf(
      input,
      questions.map((q) => ({ difficulty: q.difficulty, otherRole: otherRoles.has(q.questionId) })),
      repeatable,
    ),
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Says, before the session starts, how the set differs from what was asked for and why. */
export function noticeOf(
  input: Pick<EngineInput, 'role' | 'difficulty' | 'count' | 'categories' | 'exclude'>,
  questions: readonly { difficulty: Difficulty; otherRole: boolean }[],
  repeatable: number,
): PlanNotice | null {
  const own = questions.filter((q) => !q.otherRole);
  const atLevel = own.filter((q) => q.difficulty === input.difficulty).length;
  if (atLevel === input.count) return null;
  const kinds =
    input.categories.length === 0
      ? ''
      : ` ${input.categories.map((c) => c.replace('_', ' ').toLowerCase()).join(' or ')}`;
  const what = `${input.difficulty}${kinds} question${atLevel === 1 ? '' : 's'} for ${input.role}`;
  const shortBy = repeatable > 0 && (input.exclude?.size ?? 0) > 0;
  const head = shortBy
    ? `${atLevel === 0 ? 'No' : `Only ${atLevel}`} ${what} left that you have not seen in your last ${NO_REPEAT_SESSIONS} sessions`
    : `The bank holds ${atLevel === 0 ? 'no' : `only ${atLevel}`} ${what}`;
  const added = [
    ...DIFFICULTIES.filter((d) => d !== input.difficulty)
      .map((d) => ({ d, n: own.filter((q) => q.difficulty === d).length }))
      .filter((x) => x.n > 0)
      .map((x) => `${x.n} ${x.d}`),
    ...(own.length < questions.length ? [`${questions.length - own.length} from other roles’ banks`] : []),
  ];
  const list = andList(added);
  const tail = [
    list ? `${list} added` : '',
    questions.length < input.count
      ? `the set has ${plural(questions.length, 'question')}, not ${input.count}`
      : '',
  ].filter(Boolean);
  return {
    message: `${[head, ...tail].join('; ')}.`,
    repeatable: shortBy ? repeatable : 0,
    missing: input.count - atLevel,
  };
}
