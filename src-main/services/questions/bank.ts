import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BankFile,
  type BankQuestion,
  type Difficulty,
  DIFFICULTIES,
  GENERAL_ROLE,
} from '../../../src-shared/domain';

export interface BankEntry extends BankQuestion {
  role: string;
}

export interface QuestionBank {
  all: readonly BankEntry[];
  roles: readonly string[];
}

/** Reads every resources/questions/*.json; a malformed shipped file is a bug, so it fails loudly. */
export function loadBank(dir: string): QuestionBank {
  const all: BankEntry[] = [];
  const roles: string[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const parsed = BankFile.safeParse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`Question bank file ${file} is invalid at ${issue?.path.join('.')}: ${issue?.message}`);
    }
    roles.push(parsed.data.role);
    for (const q of parsed.data.questions) all.push({ ...q, role: parsed.data.role });
  }
  return { all, roles };
}

export type Random = () => number;

function shuffle<T>(items: T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const distance = (a: Difficulty, b: Difficulty) =>
  Math.abs(DIFFICULTIES.indexOf(a) - DIFFICULTIES.indexOf(b));

/**
 * Picks `count` questions for a role: the role's own and the general set, the chosen difficulty first and the
 * nearest ones after, interleaving categories so a session does not ask five technical questions in a row.
 * A role the bank does not know (typed by the candidate) gets the general set, then the rest of the bank.
 */
export function selectQuestions(
  bank: QuestionBank,
  opts: { role: string; difficulty: Difficulty; count: number; random?: Random },
): BankEntry[] {
  const random = opts.random ?? Math.random;
  const ownPool = bank.all.filter((q) => q.role === opts.role || q.role === GENERAL_ROLE);
  const fallback = bank.all.filter((q) => q.role !== opts.role && q.role !== GENERAL_ROLE);
  const ranked = [ownPool, fallback].flatMap((pool) =>
    shuffle(pool, random).sort(
      (a, b) => distance(a.difficulty, opts.difficulty) - distance(b.difficulty, opts.difficulty),
    ),
  );
  const chosen = ranked.slice(0, opts.count);

  const byCategory = new Map<string, BankEntry[]>();
  for (const q of chosen) byCategory.set(q.category, [...(byCategory.get(q.category) ?? []), q]);
  const queues = [...byCategory.values()];
  const mixed: BankEntry[] = [];
  while (mixed.length < chosen.length) {
    for (const queue of queues) {
      const next = queue.shift();
      if (next) mixed.push(next);
    }
  }
  return mixed;
}
