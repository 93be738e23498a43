import { ScreenHeading } from '../components/ScreenHeading';
import { dateTime } from '../format';
import { ProgressLinks } from '../components/ProgressLinks';
import { useLoaded } from '../components/loaded';

export function Achievements() {
  const [items] = useLoaded('progress.achievements', 'sessions.changed');

  const earned = items?.filter((a) => a.earnedAt !== null) ?? [];
  const toGo = items?.filter((a) => a.earnedAt === null) ?? [];
  return (
    <div className="stack">
      <ScreenHeading>Achievements</ScreenHeading>
      <ProgressLinks current="achievements" />
      {items === undefined ? (
        <p role="status">Loading…</p>
      ) : (
        <>
          <p>
            {earned.length} of {items.length} earned.
          </p>
          <section className="card" aria-labelledby="earned-heading">
            <h2 id="earned-heading">Earned</h2>
            {earned.length === 0 ? (
              <p className="muted">
                None yet. Complete your first practice session to earn “First interview”.
              </p>
            ) : (
              <ul className="stack plain-list">
                {earned.map((a) => (
                  <li key={a.id}>
                    <strong>{a.title}</strong> — {a.description}
                    <br />
                    <span className="muted">
                      Earned {dateTime(a.earnedAt!)}
                      {a.detail ? ` · ${a.detail}` : ''}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          {toGo.length > 0 && (
            <section className="card" aria-labelledby="togo-heading">
              <h2 id="togo-heading">Still to earn</h2>
              <ul className="stack plain-list">
                {toGo.map((a) => (
                  <li key={a.id}>
                    <strong id={`achievement-${a.id}`}>{a.title}</strong> — {a.description}
                    <div className="row" style={{ alignItems: 'center' }}>
                      <progress
                        value={a.progress.value}
                        max={a.progress.target}
                        aria-labelledby={`achievement-${a.id}`}
                        aria-describedby={`achievement-${a.id}-label`}
                      />
                      <span className="muted" id={`achievement-${a.id}-label`}>
                        {a.progress.label}
                      </span>
                    </div>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </div>
  );
}
