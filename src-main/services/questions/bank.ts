import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BankFile, type BankQuestion } from '../../../src-shared/domain';

export interface BankEntry extends BankQuestion {
  role: string;
}

export interface QuestionBank {
  /** Every question, checked against the bank's rules on first use. */
  readonly all: readonly BankEntry[];
  readonly roles: readonly string[];
  /** How many questions the files hold, known without checking them (the first screen shows it). */
  readonly size: number;
}

/**
 * Reads every resources/questions/*.json. Checking 1,000-odd questions against the rules costs about 20 ms, so
 * it waits for the first use rather than hold up the first screen; a malformed shipped file is a bug (the bank's
 * tests check every file), and it still fails loudly then.
 */
export function loadBank(dir: string): QuestionBank {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, data: JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown }));
  let checked: { all: BankEntry[]; roles: string[] } | undefined;
  const check = () => {
    if (checked) return checked;
    const all: BankEntry[] = [];
    const roles: string[] = [];
    for (const { file, data } of files) {
      const parsed = BankFile.safeParse(data);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(
          `Question bank file ${file} is invalid at ${issue?.path.join('.')}: ${issue?.message}`,
        );
      }
      roles.push(parsed.data.role);
      for (const q of parsed.data.questions) all.push({ ...q, role: parsed.data.role });
    }
    return (checked = { all, roles });
  };
  const size = files.reduce((n, { data }) => {
    const questions = (data as { questions?: unknown } | null)?.questions;
    return n + (Array.isArray(questions) ? questions.length : 0);
  }, 0);
  return {
    get all() {
      return check().all;
    },
    get roles() {
      return check().roles;
    },
    size,
  };
}
