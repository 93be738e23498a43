import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BankFile, type BankQuestion } from '../../../src-shared/domain';

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
