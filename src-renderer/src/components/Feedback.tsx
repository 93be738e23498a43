import { useId, type ReactNode } from 'react';
import type { SessionQuestion } from '../../../src-shared/domain';
import { CRITERIA, STAR_PARTS, type Criterion } from '../../../src-shared/evaluation';
import { modelLabel } from '../format';
import { DeliveryPanel } from './DeliveryPanel';
import { Table } from './Table';

export const CRITERION_LABEL: Record<Criterion, string> = {
  content_quality: 'Content',
  clarity: 'Clarity',
  confidence: 'Confidence',
  technical_accuracy: 'Technical accuracy',
};

const STATUS_LABEL = { covered: 'Covered', partial: 'Partly covered', missing: 'Missing' } as const;

/**
 * The feedback on one answer as a single block: what was said (the coach's scores and advice), then, for an
 * answer given out loud, how it sounded. A typed answer has no delivery to show.
 */
export function AnswerFeedback({
  question,
  feedback = question.feedback,
  headingLevel = 3,
  label,
}: {
  question: SessionQuestion;
  feedback?: SessionQuestion['feedback'];
  headingLevel?: 2 | 3 | 4;
  /** The delivery region's name where several answers are on one screen. */
  label?: string;
}) {
  const delivery = question.spoken?.delivery;
  return (
    <div className="stack">
      {feedback && <Feedback feedback={feedback} headingLevel={headingLevel} />}
      {delivery && <DeliveryPanel delivery={delivery} headingLevel={headingLevel} label={label} />}
    </div>
  );
}

/** Everything the coach says about one answer: scores with reasons, STAR with quotes, points, advice. */
export function Feedback({
  feedback,
  headingLevel = 3,
}: {
  feedback: NonNullable<SessionQuestion['feedback']>;
  headingLevel?: 2 | 3 | 4;
}) {
  const H = `h${headingLevel}` as 'h3';
  const r = feedback.result;
  return (
    <div className="stack feedback">
      <p>
        <strong className="meter">{r.overall}</strong> overall
        <span className="muted"> · reviewed by {modelLabel(feedback.provider, feedback.model)}</span>
      </p>
      <Verdict relevance={r.relevance} headingLevel={headingLevel} />
      <Table caption="Scores by criterion" columns={['Criterion', 'Score', 'Why']}>
        {CRITERIA.map((c) => (
          <tr key={c}>
            <th scope="row">{CRITERION_LABEL[c]}</th>
            <td>
              {r.criteria[c].score}
              {feedback.flags.includes(c) && feedback.builtinScores && (
                <span className="badge warn" title="The model and the builtin coach disagree">
                  {' '}
                  builtin says {feedback.builtinScores[c].score}
                </span>
              )}
            </td>
            <td>{r.criteria[c].reason}</td>
          </tr>
        ))}
      </Table>
      {feedback.flags.length > 0 && (
        <p className="muted">
          The model’s scores for {feedback.flags.map((c) => CRITERION_LABEL[c].toLowerCase()).join(' and ')}{' '}
          differ from the builtin coach’s by more than 30 points; weigh them with care.
        </p>
      )}
      {r.star && (
        <>
          <H>STAR structure</H>
          <ul className="stack plain-list">
            {STAR_PARTS.map((part) => {
              const p = r.star![part];
              return (
                <li key={part}>
                  <span className={`badge ${p.present ? 'ok' : 'warn'}`}>
                    {part[0]!.toUpperCase() + part.slice(1)}: {p.present ? 'present' : 'missing'}
                  </span>
                  {p.quotes.map((q) => (
                    <blockquote key={q} className="answer" style={{ margin: '0.25rem 0' }}>
                      {q}
                    </blockquote>
                  ))}
                  {p.missing.map((m) => (
                    <p key={m} className="muted" style={{ margin: 0 }}>
                      {m}
                    </p>
                  ))}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {r.expectedPoints.length > 0 && (
        <>
          <H>Expected points</H>
          <ul>
            {r.expectedPoints.map((p) => (
              <li key={p.point}>
                <span
                  className={`badge ${p.status === 'covered' ? 'ok' : p.status === 'missing' ? 'warn' : ''}`}
                >
                  {p.contradicted ? 'Contradicted' : STATUS_LABEL[p.status]}
                </span>{' '}
                {p.point}
                {p.quote && <span className="muted"> — “{p.quote}”</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      <Remarks heading={<H>Strengths</H>} items={r.strengths} />
      <Remarks heading={<H>To improve</H>} items={r.improvements} />
      {r.exampleAnswer !== '' && (
        <>
          <H>A stronger version of your answer</H>
          <p className="answer">{r.exampleAnswer}</p>
        </>
      )}
    </div>
  );
}

/** The coach's remarks of one kind under their heading, each with the words of the answer it is about; none, nothing. */
function Remarks({
  heading,
  items,
}: {
  heading: ReactNode;
  items: readonly { text: string; quote?: string | null }[];
}) {
  if (items.length === 0) return null;
  return (
    <>
      {heading}
      <ul>
        {items.map((s) => (
          <li key={s.text}>
            {s.text}
            {s.quote && <span className="muted"> — “{s.quote}”</span>}
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * What the coach decided before scoring: said first, plainly, when the text does not (fully) answer the
 * question, with what an answer would need. Nothing is shown for an answer, or for older feedback.
 */
function Verdict({
  relevance,
  headingLevel,
}: {
  relevance: NonNullable<SessionQuestion['feedback']>['result']['relevance'] | undefined;
  headingLevel: 2 | 3 | 4;
}) {
  const id = useId();
  if (!relevance || relevance.verdict === 'answers') return null;
  const H = `h${headingLevel}` as 'h3';
  const none = relevance.verdict === 'not_an_answer';
  return (
    <section className="warning-box stack" aria-labelledby={id} data-testid="verdict">
      <H id={id} style={{ margin: 0 }}>
        {none ? 'Not an answer to this question' : 'Only partly an answer to this question'}
      </H>
      <p style={{ margin: 0 }}>{relevance.message}</p>
      {relevance.evidence && <blockquote className="answer">{relevance.evidence}</blockquote>}
      <p style={{ margin: 0 }}>
        <strong>What an answer needs:</strong> {relevance.needs}
      </p>
      <p className="muted" style={{ margin: 0 }}>
        {none
          ? `Every score is capped at ${relevance.cap} until it answers the question.`
          : `The overall score is capped at ${relevance.cap} for the part that is off the question.`}
      </p>
    </section>
  );
}
