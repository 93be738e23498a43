/**
 * Progress → how spoken answers sounded over time: pace, filler words a minute and long pauses, one point per
 * answer given out loud, each chart with its target band. Every chart is said in words (its caption) and given
 * as a table, so nothing depends on seeing it.
 */
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceArea,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { DeliveryTrend } from '../../../src-shared/progress';
import { DELIVERY_TARGETS } from '../../../src-shared/voice';
import { dateTime, plural } from '../format';
import { ACCENT } from './chart';
import { useApp } from '../store';
import { Table } from './Table';
import { useLoaded } from './loaded';

const BAND = 'var(--ok-band, rgba(46, 160, 67, 0.18))';

type Point = DeliveryTrend['answers'][number];
type Key = 'rate' | 'fillersPerMinute' | 'longPauses';

interface Measure {
  key: Key;
  title: string;
  unit: (n: number) => string;
  target: string;
  band: [number, number];
  within: (n: number) => boolean;
}

const T = DELIVERY_TARGETS;
const MEASURES: Measure[] = [
  {
    key: 'rate',
    title: 'Pace',
    unit: (n) => `${n} words a minute`,
    target: `${T.rate.min}–${T.rate.max} words a minute`,
    band: [T.rate.min, T.rate.max],
    within: (n) => n >= T.rate.min && n <= T.rate.max,
  },
  {
    key: 'fillersPerMinute',
    title: 'Filler words a minute',
    unit: (n) => `${n.toLocaleString('en-US')} a minute`,
    target: `at most ${T.fillersPerMinute.max} a minute`,
    band: [0, T.fillersPerMinute.max],
    within: (n) => n <= T.fillersPerMinute.max,
  },
  {
    key: 'longPauses',
    title: 'Pauses over 2 seconds',
    unit: (n) => plural(n, 'long pause'),
    target: `at most ${T.longPauses.max} an answer`,
    band: [0, T.longPauses.max],
    within: (n) => n <= T.longPauses.max,
  },
];

const mark = (m: Measure, v: number | null) =>
  v === null ? 'not measured' : `${m.unit(v)} (${m.within(v) ? '✓ on target' : '! off target'})`;

export function DeliveryTrends() {
  const { go } = useApp();
  const [trend] = useLoaded('progress.delivery', 'sessions.changed');

  return (
    <section className="card stack" aria-labelledby="delivery-heading">
      <h2 id="delivery-heading">How you sounded over time</h2>
      {trend === undefined ? (
        <p role="status">Loading…</p>
      ) : trend.answers.length === 0 ? (
        <>
          <p style={{ margin: 0 }}>
            No spoken answers yet. Answer a question out loud (Alt+R in the practice room, or choose a spoken
            mock interview) and your pace, filler words and pauses will be followed here.
          </p>
          <div>
            <button type="button" onClick={() => go({ name: 'setup' })}>
              Set up a session
            </button>
          </div>
        </>
      ) : (
        <Trends answers={trend.answers} />
      )}
    </section>
  );
}

function Trends({ answers }: { answers: Point[] }) {
  const points = answers.map((a, i) => ({ ...a, n: i + 1 }));
  return (
    <>
      <p className="muted" style={{ margin: 0 }}>
        {plural(answers.length, 'answer')} given out loud, oldest first. The shaded band is the range to aim
        for.
      </p>
      <div className="row" style={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
        {MEASURES.map((m) => (
          <MeasureChart key={m.key} measure={m} points={points} />
        ))}
      </div>
      <details>
        <summary>Every spoken answer&rsquo;s figures</summary>
        <Table
          caption="Pace, filler words and long pauses of each spoken answer"
          columns={['Answered', 'Question', ...MEASURES.map((m) => `${m.title} (aim for ${m.target})`)]}
        >
          {answers.map((a, i) => (
            <tr key={`${a.at}-${i}`}>
              <th scope="row">{dateTime(a.at)}</th>
              <td>{a.question}</td>
              {MEASURES.map((m) => (
                <td key={m.key}>{mark(m, a[m.key])}</td>
              ))}
            </tr>
          ))}
        </Table>
      </details>
    </>
  );
}

function MeasureChart({ measure: m, points }: { measure: Measure; points: (Point & { n: number })[] }) {
  const measured = points.filter((p) => p[m.key] !== null);
  const values = measured.map((p) => p[m.key]!);
  const top = Math.max(m.band[1] * 1.25, ...values) || 1;
  return (
    <figure style={{ margin: 0, flex: '1 1 16rem' }}>
      <h3 style={{ marginTop: 0 }}>{m.title}</h3>
      <div aria-hidden="true" style={{ width: '100%', height: 180 }}>
        <ResponsiveContainer>
          <LineChart data={points} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" />
            <ReferenceArea
              y1={m.band[0]}
              y2={m.band[1]}
              fill={BAND}
              fillOpacity={1}
              ifOverflow="extendDomain"
            />
            <XAxis dataKey="n" allowDecimals={false} />
            <YAxis domain={[0, Math.ceil(top)]} width={36} allowDecimals={m.key === 'fillersPerMinute'} />
            <Tooltip />
            <Line
              type="monotone"
              dataKey={m.key}
              name={m.title}
              stroke={ACCENT}
              connectNulls
              dot={points.length < 40}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption>{caption(m, measured.length, values)}</figcaption>
    </figure>
  );
}

function caption(m: Measure, count: number, values: number[]): string {
  if (count === 0) return `Not measured yet: transcribe a spoken answer to see it. Aim for ${m.target}.`;
  const last = values.at(-1)!;
  const on = values.filter(m.within).length;
  const first = count > 1 ? ` Your first measured answer: ${m.unit(values[0]!)}.` : '';
  return `Latest: ${m.unit(last)}; aim for ${m.target}.${first} ${on} of ${plural(count, 'answer')} on target.`;
}
