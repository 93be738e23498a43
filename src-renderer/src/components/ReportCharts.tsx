import {
  CartesianGrid,
  Line,
  LineChart,
  PolarAngleAxis,
  PolarGrid,
  PolarRadiusAxis,
  Radar,
  RadarChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { CRITERIA } from '../../../src-shared/evaluation';
import type { SessionReport } from '../../../src-shared/report';
import { AngleTick } from './ChartTicks';
import { ACCENT } from './chart';
import { CRITERION_LABEL } from './Feedback';

/**
 * The report's two charts. Each figure is hidden from screen readers, which read the table beside it: the
 * same numbers, in order.
 */
export function ReportCharts({ report }: { report: SessionReport }) {
  if (!report.averages) return null;
  const radar = CRITERIA.map((c) => ({ criterion: CRITERION_LABEL[c], score: report.averages![c] }));
  const line = report.questions
    .filter((q) => q.scores)
    .map((q) => ({ question: `Q${q.position + 1}`, overall: q.scores!.overall }));
  return (
    <div className="row" style={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
      <figure style={{ flex: '1 1 18rem', margin: 0 }}>
        <figcaption>Criteria</figcaption>
        <div aria-hidden="true" style={{ width: '100%', height: 240 }}>
          <ResponsiveContainer>
            <RadarChart
              data={radar}
              outerRadius="62%"
              margin={{ top: 12, right: 24, bottom: 12, left: 24 }}
              accessibilityLayer={false}
            >
              <PolarGrid />
              <PolarAngleAxis dataKey="criterion" tick={<AngleTick />} />
              <PolarRadiusAxis domain={[0, 100]} tickCount={3} />
              <Radar
                dataKey="score"
                stroke={ACCENT}
                fill={ACCENT}
                fillOpacity={0.35}
                isAnimationActive={false}
              />
            </RadarChart>
          </ResponsiveContainer>
        </div>
        <table>
          <caption className="visually-hidden">Average score per criterion</caption>
          <tbody>
            {radar.map((r) => (
              <tr key={r.criterion}>
                <th scope="row">{r.criterion}</th>
                <td>{r.score}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figure>
      {line.length >= 2 ? (
        <figure style={{ flex: '1 1 18rem', margin: 0 }}>
          <figcaption>Score by question</figcaption>
          <div aria-hidden="true" style={{ width: '100%', height: 240 }}>
            <ResponsiveContainer>
              <LineChart data={line} accessibilityLayer={false}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="question" />
                <YAxis domain={[0, 100]} />
                <Tooltip />
                <Line type="monotone" dataKey="overall" stroke={ACCENT} isAnimationActive={false} />
              </LineChart>
            </ResponsiveContainer>
          </div>
          <p className="visually-hidden">
            Overall score by question: {line.map((l) => `${l.question} ${l.overall}`).join(', ')}.
          </p>
        </figure>
      ) : (
        <p className="muted">Answer two or more questions to see how your score moved across the session.</p>
      )}
    </div>
  );
}
