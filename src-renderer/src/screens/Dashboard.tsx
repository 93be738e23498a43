import {
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { CRITERIA, type Criterion } from '../../../src-shared/evaluation';
import { IMPROVEMENT_WINDOW, type Dashboard as DashboardData } from '../../../src-shared/progress';
import { CategoryTick } from '../components/ChartTicks';
import { DeliveryTrends } from '../components/DeliveryTrends';
import { ScreenHeading } from '../components/ScreenHeading';
import { categoryLabel, plural, practiceTime } from '../format';
import { ACCENT } from '../components/chart';
import { ProgressLinks } from '../components/ProgressLinks';
import { useApp } from '../store';
import { Table } from '../components/Table';
import { useLoaded } from '../components/loaded';

export const CRITERION_NAMES: Record<Criterion, string> = {
  content_quality: 'Content',
  clarity: 'Clarity',
  confidence: 'Confidence',
  technical_accuracy: 'Accuracy',
};

const shortDate = (date: string) =>
  new Date(`${date}T12:00:00Z`).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });

export function Dashboard() {
  const { go } = useApp();
  const [data] = useLoaded('progress.dashboard', 'sessions.changed');
  return (
    <div className="stack">
      <ScreenHeading>Your progress</ScreenHeading>
      <ProgressLinks current="progress" />
      {data === undefined ? (
        <p role="status">Loading…</p>
      ) : data.completed === 0 ? (
        <section className="card" aria-labelledby="empty-heading">
          <h2 id="empty-heading">Nothing to show yet</h2>
          <p>Complete your first practice session and your scores, streak and trends will appear here.</p>
          <button type="button" className="primary" onClick={() => go({ name: 'setup' })}>
            Start a practice session
          </button>
        </section>
      ) : (
        <>
          <Summary data={data} />
          <WeeklyTrend weekly={data.weekly} />
          <Categories data={data} />
          <Criteria data={data} />
          <DeliveryTrends />
          <StrengthsAndWeaknesses data={data} />
          <Recommendations data={data} />
          <Roles data={data} />
        </>
      )}
    </div>
  );
}

function Summary({ data }: { data: DashboardData }) {
  const { streak } = data;
  const needed = IMPROVEMENT_WINDOW * 2 - data.scoredSessions;
  const items: [string, string][] = [
    ['Completed interviews', String(data.completed)],
    ['Average score, all time', data.averageAllTime === null ? 'No scores yet' : String(data.averageAllTime)],
    [
      'Average score, last 30 days',
      data.average30Days === null ? 'No sessions in the last 30 days' : String(data.average30Days),
    ],
    [
      'Improvement',
      data.improvementRate === null
        ? `Complete ${plural(needed, 'more scored session')} to see your improvement rate`
        : `${data.improvementRate > 0 ? '+' : ''}${data.improvementRate}% from your first five sessions to your last five`,
    ],
    ['Practice time', practiceTime(data.practiceMs)],
    [
      'Streak',
      streak.current > 0
        ? `${plural(streak.current, 'day')}${streak.practisedToday ? ', practised today' : ', practise today to keep it'}`
        : 'No current streak: practise today to start one',
    ],
    ['Longest streak', plural(streak.longest, 'day')],
  ];
  return (
    <section className="card" aria-labelledby="summary-heading">
      <h2 id="summary-heading">Summary</h2>
      <dl
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fit, minmax(13rem, 1fr))',
          gap: '1rem',
          margin: 0,
        }}
      >
        {items.map(([term, value]) => (
          <div key={term}>
            <dt className="muted">{term}</dt>
            <dd style={{ margin: 0, fontWeight: 600 }}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function WeeklyTrend({ weekly }: { weekly: DashboardData['weekly'] }) {
  const points = weekly.map((w) => ({ week: shortDate(w.weekStart), average: w.average }));
  const first = weekly[0];
  const last = weekly.at(-1);
  const best = weekly.reduce<DashboardData['weekly'][number] | undefined>(
    (b, w) => (!b || w.average > b.average ? w : b),
    undefined,
  );
  return (
    <section className="card" aria-labelledby="trend-heading">
      <h2 id="trend-heading">Score per week</h2>
      {weekly.length < 2 ? (
        <p>
          {weekly.length === 0
            ? 'Complete 2 sessions in different weeks to see a trend.'
            : `Your week of ${shortDate(weekly[0]!.weekStart)} averaged ${weekly[0]!.average}. Practise again next week to see a trend.`}
        </p>
      ) : (
        <figure style={{ margin: 0 }}>
          <div aria-hidden="true" style={{ width: '100%', height: 260 }}>
            <ResponsiveContainer>
              <LineChart data={points} accessibilityLayer={false}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="week" minTickGap={24} />
                <YAxis domain={[0, 100]} width={32} />
                <Tooltip />
                <Line
                  type="monotone"
                  dataKey="average"
                  stroke={ACCENT}
                  dot={weekly.length < 40}
                  isAnimationActive={false}
                />
              </LineChart>
            </ResponsiveContainer>
          </div>
          <figcaption>
            Over {plural(weekly.length, 'week')} with practice, your weekly average went from {first!.average}{' '}
            (week of {shortDate(first!.weekStart)}) to {last!.average} (week of {shortDate(last!.weekStart)});
            your best week averaged {best!.average}.
          </figcaption>
          <Table
            className="visually-hidden"
            caption="Average score per week"
            showCaption
            columns={['Week of', 'Average', 'Answers']}
          >
            {weekly.map((w) => (
              <tr key={w.weekStart}>
                <th scope="row">{w.weekStart}</th>
                <td>{w.average}</td>
                <td>{w.answers}</td>
              </tr>
            ))}
          </Table>
        </figure>
      )}
    </section>
  );
}

/** Room for a bar's label beside it; longer ones wrap onto a second line (ChartTicks). */
const LABEL_WIDTH = 120;

function ScoreBars({
  label,
  rows,
}: {
  label: string;
  rows: { name: string; score: number; detail?: string }[];
}) {
  return (
    <figure style={{ margin: 0 }}>
      <div aria-hidden="true" style={{ width: '100%', height: Math.max(140, rows.length * 40 + 40) }}>
        <ResponsiveContainer>
          <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 16 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" domain={[0, 100]} />
            <YAxis
              type="category"
              dataKey="name"
              width={LABEL_WIDTH}
              tick={<CategoryTick width={LABEL_WIDTH} />}
            />
            <Bar dataKey="score" fill={ACCENT} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table>
        <caption className="visually-hidden">{label}</caption>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name}>
              <th scope="row" style={{ textAlign: 'left', paddingRight: '1rem' }}>
                {r.name}
              </th>
              <td>{r.score}</td>
              {r.detail !== undefined && <td className="muted">{r.detail}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

function Categories({ data }: { data: DashboardData }) {
  return (
    <section className="card" aria-labelledby="categories-heading">
      <h2 id="categories-heading">By question type</h2>
      {data.categories.length === 0 ? (
        <p>Answer a question (rather than skipping it) to see scores by question type.</p>
      ) : (
        <ScoreBars
          label="Average score by question type"
          rows={data.categories.map((c) => ({
            name: categoryLabel(c.category),
            score: c.average,
            detail: plural(c.answers, 'answer'),
          }))}
        />
      )}
    </section>
  );
}

function Criteria({ data }: { data: DashboardData }) {
  const rows = CRITERIA.filter((c) => data.criteria[c] !== null).map((c) => ({
    name: CRITERION_NAMES[c],
    score: data.criteria[c]!,
  }));
  return (
    <section className="card" aria-labelledby="criteria-heading">
      <h2 id="criteria-heading">By criterion</h2>
      {rows.length === 0 ? (
        <p>Answer a question to see how you do on content, clarity, confidence and accuracy.</p>
      ) : (
        <ScoreBars label="Average score by criterion" rows={rows} />
      )}
    </section>
  );
}

function StrengthsAndWeaknesses({ data }: { data: DashboardData }) {
  const list = (items: DashboardData['strengths'], empty: string) =>
    items.length === 0 ? (
      <p className="muted">{empty}</p>
    ) : (
      <ul>
        {items.map((c) => (
          <li key={c.category}>
            {categoryLabel(c.category)}: {c.average} over {plural(c.answers, 'answer')}
          </li>
        ))}
      </ul>
    );
  return (
    <section className="card" aria-labelledby="sw-heading">
      <h2 id="sw-heading">Strengths and weaknesses</h2>
      <h3>Strengths (above 80)</h3>
      {list(data.strengths, 'None yet: a question type needs 3 answers averaging above 80.')}
      <h3>Weaknesses (below 60)</h3>
      {list(data.weaknesses, 'None: no question type averages below 60 over 3 or more answers.')}
    </section>
  );
}

function Recommendations({ data }: { data: DashboardData }) {
  const go = useApp((s) => s.go);
  return (
    <section className="card" aria-labelledby="recommendations-heading">
      <h2 id="recommendations-heading">What to practise next</h2>
      <ul className="stack plain-list">
        {data.recommendations.map((r) => {
          const what =
            r.practice.categories.length > 0
              ? r.practice.categories.map(categoryLabel).join(' and ')
              : 'a mixed set';
          return (
            <li key={r.text}>
              <p style={{ margin: '0 0 0.5rem' }}>{r.text}</p>
              <button
                type="button"
                onClick={() =>
                  go({
                    name: 'setup',
                    categories: r.practice.categories,
                    jobId: r.practice.jobId ?? undefined,
                    questionCount: r.practice.questionCount,
                  })
                }
              >
                Practise {what}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Roles({ data }: { data: DashboardData }) {
  return (
    <section className="card" aria-labelledby="roles-heading">
      <h2 id="roles-heading">Roles practised most</h2>
      <ol>
        {data.roles.map((r) => (
          <li key={r.role}>
            {r.role}: {plural(r.sessions, 'session')}
            {r.average !== null && `, average ${r.average}`}
          </li>
        ))}
      </ol>
    </section>
  );
}
