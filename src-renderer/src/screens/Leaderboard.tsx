import { useCallback, useEffect, useId, useState } from 'react';
import { ROLES } from '../../../src-shared/domain';
import { SYNC_PERIODS, type LeaderboardView, type SyncPeriod } from '../../../src-shared/sync';
import { call, messageOf } from '../api';
import { ScreenHeading } from '../components/ScreenHeading';
import { dateTime, plural } from '../format';
import { useApp } from '../store';
import { Table } from '../components/Table';
import { Options } from '../components/form';

type Role = (typeof ROLES)[number];

const PERIOD_LABEL: Record<SyncPeriod, string> = { weekly: 'This week', all_time: 'All time' };

/** The anonymous leaderboard for the candidate's role and where their average stands (with leaderboard sync on). */
export function Leaderboard() {
  const { notify, go } = useApp();
  const id = useId();
  const [period, setPeriod] = useState<SyncPeriod>('weekly');
  const [role, setRole] = useState<Role | undefined>(undefined);
  const [view, setView] = useState<LeaderboardView | null>(null);
  const [loading, setLoading] = useState(false);

  const fetchView = useCallback(
    () =>
      call('sync.leaderboard', role ? { period, role } : { period })
        .then(
          (v) => {
            setView(v);
            if (!role && v.role) setRole(v.role);
          },
          (err: unknown) => notify('error', messageOf(err)),
        )
        .finally(() => setLoading(false)),
    [period, role, notify],
  );
  useEffect(() => {
    void fetchView();
  }, [fetchView]);
  const load = () => {
    setLoading(true);
    void fetchView();
  };

  return (
    <div className="stack">
      <ScreenHeading>Leaderboard</ScreenHeading>
      {view && !view.enabled ? (
        <section className="card">
          <p>{view.message}</p>
          <button type="button" className="primary" onClick={() => go({ name: 'settings' })}>
            Go to Settings
          </button>
        </section>
      ) : (
        <>
          <div className="row">
            <div className="field">
              <label htmlFor={`${id}-role`}>Role</label>
              <select
                id={`${id}-role`}
                value={role ?? ''}
                onChange={(e) => setRole((e.target.value || undefined) as Role | undefined)}
              >
                <Options values={ROLES} none={role ? undefined : 'Every role'} />
              </select>
            </div>
            <fieldset className="field">
              <legend>Period</legend>
              <div className="row">
                {SYNC_PERIODS.map((p) => (
                  <label key={p} className="row">
                    <input
                      type="radio"
                      name={`${id}-period`}
                      value={p}
                      checked={period === p}
                      onChange={() => setPeriod(p)}
                    />
                    {PERIOD_LABEL[p]}
                  </label>
                ))}
              </div>
            </fieldset>
            <button type="button" onClick={load} disabled={loading}>
              Refresh
            </button>
          </div>
          <p role="status" className="muted">
            {loading
              ? 'Loading…'
              : view?.message
                ? `${view.message}${view.fetchedAt ? ` Fetched ${dateTime(view.fetchedAt)}.` : ''}`
                : view?.fetchedAt
                  ? `Updated ${dateTime(view.fetchedAt)}.`
                  : ''}
          </p>
          {view && (
            <>
              <section className="card" aria-labelledby={`${id}-you`}>
                <h2 id={`${id}-you`}>Where you stand</h2>
                {view.percentile ? (
                  <p>
                    Your average, <strong>{view.percentile.score}</strong>, is higher than{' '}
                    <strong>
                      {view.percentile.percentile === null ? '—' : `${view.percentile.percentile}%`}
                    </strong>{' '}
                    of the {plural(view.percentile.cohortSize, 'candidate')} practising {view.role} (their
                    average: {view.percentile.cohortAverage ?? '—'}).
                    {view.percentile.topTenPercent &&
                      ` The top 10% average ${view.percentile.topTenPercent.averageScore} and practise ${view.percentile.topTenPercent.sessionsPerWeek} sessions a week.`}
                  </p>
                ) : (
                  <p className="muted">Finish a session in this role to see your percentile.</p>
                )}
                <p className="muted">
                  You are {view.alias ?? 'not registered yet'}
                  {view.public ? ' on the public board.' : ', hidden from the public board.'}
                </p>
              </section>
              <Table
                caption={`Top 10, ${view.role ?? 'every role'}, ${PERIOD_LABEL[view.period].toLowerCase()}`}
                showCaption
                columns={['Rank', 'Alias', 'Average score', 'Interviews']}
              >
                {view.entries.length === 0 ? (
                  <tr>
                    <td colSpan={4}>Nobody yet.</td>
                  </tr>
                ) : (
                  view.entries.map((e) => (
                    <tr key={e.alias} aria-current={e.alias === view.alias ? 'true' : undefined}>
                      <td>{e.rank}</td>
                      <td>{e.alias === view.alias ? <strong>{e.alias} (you)</strong> : e.alias}</td>
                      <td>{e.averageScore}</td>
                      <td>{e.interviews}</td>
                    </tr>
                  ))
                )}
              </Table>
            </>
          )}
        </>
      )}
    </div>
  );
}
