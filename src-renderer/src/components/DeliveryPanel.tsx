/** How a spoken answer sounded: each delivery figure against its target, with one tip, and the fillers heard. */
import type { Delivery } from '../../../src-shared/voice';
import { clock } from '../format';
import { Table } from './Table';

export function DeliveryPanel({
  delivery,
  headingLevel = 3,
  label = 'How you sounded',
}: {
  delivery: Delivery;
  headingLevel?: 2 | 3 | 4;
  /** The region's name, where a screen shows several (one per answer in a review). */
  label?: string;
}) {
  const H = `h${headingLevel}` as 'h3';
  return (
    <section className="stack" aria-label={label}>
      <H style={{ margin: 0 }}>How you sounded</H>
      <Table
        caption="Delivery figures, each with its target and a tip"
        columns={['Measure', 'Yours', 'Aim for', 'Tip']}
      >
        {delivery.figures.map((f) => (
          <tr key={f.id}>
            <th scope="row">{f.label}</th>
            <td>
              {f.shown}
              {f.within !== null && (
                // a word and a sign, never colour alone
                <span className={`badge ${f.within ? 'ok' : 'warn'}`}>
                  {f.within ? '✓ on target' : '! off target'}
                </span>
              )}
            </td>
            <td>{f.target}</td>
            <td>{f.tip}</td>
          </tr>
        ))}
      </Table>
      {delivery.fillers.length > 0 && (
        <p style={{ margin: 0 }}>
          Fillers heard:{' '}
          {delivery.fillers
            .map((f) => (f.at === null ? `“${f.word}”` : `“${f.word}” at ${clock(f.at * 1000)}`))
            .join(', ')}
          .
        </p>
      )}
      <p className="hint" style={{ margin: 0 }}>
        {delivery.fillerNote} Pauses are found by a voice-activity detector on this computer.
      </p>
    </section>
  );
}
