import { lazy, Suspense, useEffect, useState } from 'react';
import type { SessionDetail } from '../../../src-shared/domain';
import { SCORE_KEYS, type SessionReport } from '../../../src-shared/report';
import { call, messageOf } from '../api';
import { AnswerFeedback, CRITERION_LABEL } from '../components/Feedback';
import { DeliveryPanel } from '../components/DeliveryPanel';
import { NextStepCard, useGuide } from '../components/Guide';
import { ScreenHeading } from '../components/ScreenHeading';
import { downloadBase64 } from '../files';
import { categoryLabel, clock, dateTime, statusLabel } from '../format';
import { useApp } from '../store';
import { Table } from '../components/Table';

// Loaded with the first report (the charts library is most of the bundle).
const ReportCharts = lazy(() =>
  import('../components/ReportCharts').then((m) => ({ default: m.ReportCharts })),
);

const SCORE_LABEL = { overall: 'Overall', ...CRITERION_LABEL };

/** A finished session, read-only: the report, then every question with its answer and feedback. */
export function SessionReview({ sessionId }: { sessionId: string }) {
  const { go, notify } = useApp();
  const [session, setSession] = useState<SessionDetail | null>(null);
  const [report, setReport] = useState<SessionReport | null>(null);
  const [error, setError] = useState('');
  const [guide, setGuide] = useGuide();

  useEffect(() => {
    Promise.all([call('sessions.get', { sessionId }), call('sessions.report', { sessionId })])
      .then(([s, r]) => {
        setSession(s);
        setReport(r);
        // Opening a finished session's report is the checklist's last step.
        if (s.status === 'completed') return call('guide.reportSeen', { sessionId }).then(setGuide);
      })
      .catch((err: unknown) => setError(messageOf(err)));
  }, [sessionId, setGuide]);

  if (error) return <p role="alert">{error}</p>;
  if (!session || !report) return <p role="status">Loading session…</p>;
  const open = session.status === 'active' || session.status === 'paused';

  async function exportAs(format: 'pdf' | 'md') {
    try {
      const file = await call('sessions.exportReport', { sessionId, format });
      downloadBase64(file.fileName, file.mime, file.dataBase64);
      notify('success', `Saved ${file.fileName}.`);
    } catch (err) {
      notify('error', messageOf(err));
    }
  }

  return (
    <div className="stack">
      <ScreenHeading>{report.title}</ScreenHeading>
      <p className="muted">
        {dateTime(session.createdAt)} · {statusLabel[session.status]} · {session.answeredCount} of{' '}
        {session.questionCount} answered
      </p>
      <div className="row" style={{ flexWrap: 'wrap' }}>
        {open && (
          <button type="button" className="primary" onClick={() => go({ name: 'room', sessionId })}>
            Resume session
          </button>
        )}
        {session.status === 'completed' && (
          <button
            type="button"
            className="primary"
            onClick={() =>
              call('sessions.retake', { sessionId }).then(
                (next) => go({ name: 'room', sessionId: next.id }),
                (err: unknown) => setError(messageOf(err)),
              )
            }
          >
            Retake with the same questions
          </button>
        )}
        <button type="button" onClick={() => void exportAs('pdf')}>
          Export PDF
        </button>
        <button type="button" onClick={() => void exportAs('md')}>
          Export Markdown
        </button>
        <button type="button" onClick={() => go({ name: 'history' })}>
          Back to history
        </button>
        <button type="button" onClick={() => go({ name: 'setup' })}>
          New session
        </button>
      </div>
      {session.status === 'completed' && guide?.next && <NextStepCard next={guide.next} />}
      {report.averages ? (
        <section className="card stack" aria-labelledby="report-heading">
          <h2 id="report-heading">Report</h2>
          <Table
            caption="Average scores, and change against earlier sessions"
            columns={[
              'Score',
              'Average',
              ...[report.previous, report.previousAttempt, report.firstAttempt].flatMap((c) =>
                c ? [`vs ${c.label}`] : [],
              ),
            ]}
          >
            {SCORE_KEYS.map((k) => (
              <tr key={k}>
                <th scope="row">{SCORE_LABEL[k]}</th>
                <td>{report.averages![k]}</td>
                {[report.previous, report.previousAttempt, report.firstAttempt].map(
                  (c) => c && <Change key={c.label} value={c.change[k]} />,
                )}
              </tr>
            ))}
          </Table>
          <Suspense fallback={<p role="status">Loading the charts…</p>}>
            <ReportCharts report={report} />
          </Suspense>
          <div className="row" style={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
            <div style={{ flex: '1 1 16rem' }}>
              <h3>Strengths</h3>
              {report.strengths.length ? (
                <ul>
                  {report.strengths.map((s) => (
                    <li key={s.text}>{s.text}</li>
                  ))}
                </ul>
              ) : (
                <p className="muted">None stood out yet.</p>
              )}
            </div>
            <div style={{ flex: '1 1 16rem' }}>
              <h3>To improve</h3>
              {report.improvements.length ? (
                <ul>
                  {report.improvements.map((s) => (
                    <li key={s.text}>{s.text}</li>
                  ))}
                </ul>
              ) : (
                <p className="muted">Nothing major.</p>
              )}
            </div>
          </div>
          <h3>By category</h3>
          <Table columns={['Category', 'Average', 'Answers']}>
            {report.categories.map((c) => (
              <tr key={c.category}>
                <th scope="row">{categoryLabel(c.category)}</th>
                <td>{c.overall}</td>
                <td>{c.answers}</td>
              </tr>
            ))}
          </Table>
        </section>
      ) : (
        <p className="card">
          No answers were scored in this session, so there is no report. Answer a question to get one.
        </p>
      )}
      <ol className="review">
        {session.questions.map((q) => {
          const r = report.questions.find((x) => x.position === q.position);
          return (
            <li key={q.id} className="card">
              <h2>{q.text}</h2>
              <p className="row">
                <span className="badge">{categoryLabel(q.category)}</span>
                <span className="badge">{q.difficulty}</span>
                {q.parentId && <span className="badge">Follow-up</span>}
                {q.answer && !q.answer.skipped && (
                  <span className="badge">
                    Took {clock(q.answer.timeTakenMs)} of {clock(q.timeLimitSec * 1000)}
                  </span>
                )}
                {q.answer?.overtime && <span className="badge warn">Overtime</span>}
                {r?.scores && <span className="badge ok">Score {r.scores.overall}</span>}
              </p>
              {q.answer ? (
                q.answer.skipped ? (
                  <p className="muted">Skipped.</p>
                ) : (
                  <>
                    <h3 className="visually-hidden">Your answer</h3>
                    <p className="answer">{q.answer.text}</p>
                    {(q.feedback || q.spoken?.delivery) && (
                      <details>
                        <summary>{q.spoken?.delivery ? 'Feedback and how you sounded' : 'Feedback'}</summary>
                        <AnswerFeedback
                          question={q}
                          headingLevel={3}
                          label={`How you sounded, question ${q.position + 1}`}
                        />
                      </details>
                    )}
                  </>
                )
              ) : q.spoken?.transcript ? (
                <>
                  <p className="muted">
                    Not submitted. What you said, from the recording saved when Rehearse closed:
                  </p>
                  <p className="answer">{q.spoken.transcript}</p>
                  {q.spoken.delivery && (
                    <DeliveryPanel
                      delivery={q.spoken.delivery}
                      headingLevel={3}
                      label={`How you sounded, question ${q.position + 1}`}
                    />
                  )}
                </>
              ) : q.draft && q.draft.text.trim() ? (
                <>
                  <p className="muted">Not submitted. Your draft:</p>
                  <p className="answer">{q.draft.text}</p>
                </>
              ) : (
                <p className="muted">Not answered.</p>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

/** A change in percent, green up and red down, said in words too so colour is never the only signal. */
function Change({ value }: { value: number | null }) {
  if (value === null) return <td>–</td>;
  const up = value > 0;
  return (
    <td className={value === 0 ? '' : up ? 'change-up' : 'change-down'}>
      {value === 0 ? 'no change' : `${up ? '▲ up' : '▼ down'} ${Math.abs(value)}%`}
    </td>
  );
}
