/** Evaluations in the database: written with the answer, read back per session, merged builtin + model. */
import type { Kysely, Transaction } from 'kysely';
import { CRITERIA, type EvaluationResult, type Criterion } from '../../../src-shared/evaluation';
import type { SessionQuestion } from '../../../src-shared/domain';
import type { Database } from '../../db/schema';
import type { Codec } from '../vault/columns';

type Db = Kysely<Database> | Transaction<Database>;

/** A model's score this far from the builtin one is shown to the candidate as a disagreement, not trusted. */
export const DISAGREEMENT = 30;

export async function storeEvaluation(
  db: Db,
  row: {
    answerId: string;
    provider: string;
    model: string | null;
    result: EvaluationResult;
    flags?: Criterion[];
    at: string;
  },
  codec: Codec,
): Promise<void> {
  const values = {
    model: row.model,
    overall: row.result.overall,
    content_quality: row.result.criteria.content_quality.score,
    clarity: row.result.criteria.clarity.score,
    confidence: row.result.criteria.confidence.score,
    technical_accuracy: row.result.criteria.technical_accuracy.score,
    result: codec.seal('evaluations.result', JSON.stringify(row.result)),
    flags: JSON.stringify(row.flags ?? []),
    created_at: row.at,
  };
  await db
    .insertInto('evaluations')
    .values({ answer_id: row.answerId, provider: row.provider, ...values })
    .onConflict((oc) => oc.columns(['answer_id', 'provider']).doUpdateSet(values))
    .execute();
}

export function disagreements(builtin: EvaluationResult, model: EvaluationResult): Criterion[] {
  return CRITERIA.filter((c) => Math.abs(builtin.criteria[c].score - model.criteria[c].score) > DISAGREEMENT);
}

/** Each answer's feedback in a session, keyed by answer id: the model's if any, with the builtin scores kept. */
export async function feedbackFor(
  db: Db,
  sessionId: string,
  codec: Codec,
): Promise<Map<string, NonNullable<SessionQuestion['feedback']>>> {
  const rows = await db
    .selectFrom('evaluations as e')
    .innerJoin('answers as a', 'a.id', 'e.answer_id')
    .innerJoin('session_questions as q', 'q.id', 'a.session_question_id')
    .select(['e.answer_id', 'e.provider', 'e.model', 'e.result', 'e.flags'])
    .where('q.session_id', '=', sessionId)
    .execute();
  const byAnswer = new Map<string, typeof rows>();
  for (const r of rows) byAnswer.set(r.answer_id, [...(byAnswer.get(r.answer_id) ?? []), r]);
  const out = new Map<string, NonNullable<SessionQuestion['feedback']>>();
  for (const [answerId, list] of byAnswer) {
    const builtin = list.find((r) => r.provider === 'builtin');
    const model = list.find((r) => r.provider !== 'builtin');
    const chosen = model ?? builtin!;
    const parse = (stored: string) =>
      JSON.parse(codec.open('evaluations.result', stored)) as EvaluationResult;
    const builtinResult = builtin ? parse(builtin.result) : null;
    out.set(answerId, {
      result: chosen === builtin ? builtinResult! : parse(chosen.result),
      provider: chosen.provider,
      model: chosen.model,
      flags: JSON.parse(chosen.flags) as Criterion[],
      builtinScores: model && builtinResult ? builtinResult.criteria : null,
    });
  }
  return out;
}
