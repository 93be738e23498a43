import { useEffect, useId, useState } from 'react';
import type { ChannelInput, ChannelOutput } from '../../../src-shared/contract';
import { SESSION_STATUSES, type SessionStatus } from '../../../src-shared/domain';
import type { Job } from '../../../src-shared/jobs';
import { call, messageOf, on } from '../api';
import { ScreenHeading } from '../components/ScreenHeading';
import { dateTime, statusLabel } from '../format';
import { useApp } from '../store';
import { JobOptions, Options } from '../components/form';
import { Table } from '../components/Table';

const PAGE_SIZE = 20;

type Period = 'all' | '7d' | '30d' | 'custom';
interface Filters {
  period: Period;
  from: string;
  to: string;
  role: string;
  jobId: string;
  status: SessionStatus | '';
}
const NO_FILTERS: Filters = { period: 'all', from: '', to: '', role: '', jobId: '', status: '' };

/** Days are the candidate's local calendar days: "last 7 days" starts at local midnight six days ago. */
function toQuery(f: Filters): Omit<ChannelInput<'sessions.list'>, 'page' | 'pageSize'> {
  const startOfDay = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate());
  const daysAgo = (n: number) => {
    const d = startOfDay(new Date());
    d.setDate(d.getDate() - n);
    return d.toISOString();
  };
  const local = (date: string, end: boolean) => {
    const [y, m, d] = date.split('-').map(Number);
    return new Date(y!, m! - 1, d!, end ? 23 : 0, end ? 59 : 0, end ? 59 : 0, end ? 999 : 0).toISOString();
  };
  return {
    since:
      f.period === '7d'
        ? daysAgo(6)
        : f.period === '30d'
          ? daysAgo(29)
          : f.period === 'custom' && f.from
            ? local(f.from, false)
            : undefined,
    until: f.period === 'custom' && f.to ? local(f.to, true) : undefined,
    role: f.role || undefined,
    jobId: f.jobId || undefined,
    status: f.status || undefined,
  };
}

export function History() {
  const { go, notify } = useApp();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<ChannelOutput<'sessions.list'> | null>(null);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [filterError, setFilterError] = useState('');
  const [jobs, setJobs] = useState<Job[]>([]);
  const catalog = useApp((s) => s.catalog);
  const id = useId();

  useEffect(() => {
    call('jobs.list', {}).then(setJobs, () => undefined);
  }, []);

  useEffect(() => {
    const refresh = () =>
      call('sessions.list', { page, pageSize: PAGE_SIZE, ...toQuery(filters) })
        .then((d) => {
          setData(d);
          setFilterError('');
        })
        .catch((err: unknown) => setFilterError(messageOf(err)));
    void refresh();
    return on('sessions.changed', () => void refresh());
  }, [page, notify, filters]);

  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
  const set = (patch: Partial<Filters>) => {
    setPage(1);
    setFilters({ ...filters, ...patch });
  };

  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;

  return (
    <div className="stack">
      <ScreenHeading>History</ScreenHeading>
      <form className="card" aria-labelledby={`${id}-filters`} onSubmit={(e) => e.preventDefault()}>
        <h2 id={`${id}-filters`} className="visually-hidden">
          Filters
        </h2>
        <div className="row" style={{ flexWrap: 'wrap', alignItems: 'flex-end' }}>
          <div className="field">
            <label htmlFor={`${id}-period`}>When</label>
            <select
              id={`${id}-period`}
              value={filters.period}
              onChange={(e) => set({ period: e.target.value as Period })}
            >
              <option value="all">Any time</option>
              <option value="7d">Last 7 days</option>
              <option value="30d">Last 30 days</option>
              <option value="custom">Custom range</option>
            </select>
          </div>
          {filters.period === 'custom' && (
            <>
              <div className="field">
                <label htmlFor={`${id}-from`}>From</label>
                <input
                  id={`${id}-from`}
                  type="date"
                  value={filters.from}
                  onChange={(e) => set({ from: e.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor={`${id}-to`}>To</label>
                <input
                  id={`${id}-to`}
                  type="date"
                  value={filters.to}
                  onChange={(e) => set({ to: e.target.value })}
                  aria-invalid={filterError ? true : undefined}
                  aria-describedby={filterError ? `${id}-filter-error` : undefined}
                />
              </div>
            </>
          )}
          <div className="field">
            <label htmlFor={`${id}-role`}>Role</label>
            <select id={`${id}-role`} value={filters.role} onChange={(e) => set({ role: e.target.value })}>
              <Options values={catalog?.roles ?? []} none="Any role" />
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-job`}>Job posting</label>
            <select id={`${id}-job`} value={filters.jobId} onChange={(e) => set({ jobId: e.target.value })}>
              <JobOptions jobs={jobs} none="Any job" />
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-status`}>Status</label>
            <select
              id={`${id}-status`}
              value={filters.status}
              onChange={(e) => set({ status: e.target.value as SessionStatus | '' })}
            >
              <Options
                values={SESSION_STATUSES.filter((s) => s !== 'setup')}
                none="Any status"
                label={(s) => statusLabel[s]}
              />
            </select>
          </div>
          <button type="button" disabled={!filtered} onClick={() => set(NO_FILTERS)}>
            Clear filters
          </button>
        </div>
        {filterError && (
          <p className="error-text" id={`${id}-filter-error`} role="alert">
            {filterError}
          </p>
        )}
      </form>
      {data === null ? (
        <p role="status">Loading…</p>
      ) : data.total === 0 && filtered ? (
        <p className="card">No sessions match these filters. Clear them to see everything.</p>
      ) : data.total === 0 ? (
        <div className="card">
          <p>No practice sessions yet. Every session you start appears here, newest first.</p>
          <button type="button" className="primary" onClick={() => go({ name: 'setup' })}>
            Start your first session
          </button>
        </div>
      ) : (
        <>
          <Table
            caption={`Practice sessions, newest first, page ${page} of ${pages}`}
            columns={['Date', 'Role', 'Difficulty', 'Status', 'Answered']}
            actions
          >
            {data.items.map((s) => {
              const open = s.status === 'active' || s.status === 'paused';
              return (
                <tr key={s.id}>
                  <td>{dateTime(s.createdAt)}</td>
                  <td>{s.role}</td>
                  <td>{s.difficulty}</td>
                  <td>
                    {statusLabel[s.status]}
                    {s.attempt > 1 ? ` · Attempt #${s.attempt}` : ''}
                  </td>
                  <td>
                    {s.answeredCount} of {s.questionCount}
                  </td>
                  <td>
                    <button
                      type="button"
                      onClick={() =>
                        go(open ? { name: 'room', sessionId: s.id } : { name: 'review', sessionId: s.id })
                      }
                      aria-label={`${open ? 'Resume' : 'Open'} ${s.role} session from ${dateTime(s.createdAt)}`}
                    >
                      {open ? 'Resume' : 'Open'}
                    </button>
                  </td>
                </tr>
              );
            })}
          </Table>
          {pages > 1 && (
            <nav aria-label="History pages" className="row">
              <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                Previous page
              </button>
              <span>
                Page {page} of {pages}
              </span>
              <button type="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
                Next page
              </button>
            </nav>
          )}
        </>
      )}
    </div>
  );
}
