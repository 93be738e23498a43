/**
 * Delivery over time: for each answer given out loud (submitted, not skipped, with a recording that was heard),
 * its pace, fillers a minute and pauses over 2 seconds, oldest first. The figures are the ones the answer's
 * "How you sounded" panel showed, read back from its newest heard recording.
 */
import type { DeliveryTrend } from '../../../src-shared/progress';
import { Delivery, type DeliveryFigure } from '../../../src-shared/voice';
import type { Codec } from '../vault/columns';
import type { Db } from './queries';

export async function deliveryTrend(db: Db, codec: Codec): Promise<DeliveryTrend> {
  const rows = await db
    .selectFrom('recordings as r')
    .innerJoin('session_questions as q', 'q.id', 'r.session_question_id')
    .innerJoin('answers as a', 'a.session_question_id', 'q.id')
    .select(['r.session_question_id', 'r.delivery', 'q.session_id', 'q.text', 'a.submitted_at'])
    .where('a.skipped', '=', 0)
    .where('r.delivery', 'is not', null)
    .orderBy('a.submitted_at')
    .orderBy('q.id')
    .orderBy('r.started_at', 'desc')
    .execute();
  const seen = new Set<string>();
  const answers: DeliveryTrend['answers'] = [];
  for (const row of rows) {
    if (seen.has(row.session_question_id)) continue;
    seen.add(row.session_question_id);
    const delivery = Delivery.parse(JSON.parse(codec.open('recordings.delivery', row.delivery!)));
    const value = (id: DeliveryFigure['id']) => delivery.figures.find((f) => f.id === id)?.value ?? null;
    answers.push({
      sessionId: row.session_id,
      at: row.submitted_at,
      question: row.text,
      rate: value('rate') === null ? null : Math.round(value('rate')!),
      fillersPerMinute: value('fillers'),
      longPauses: value('longPauses'),
    });
  }
  return { answers };
}
