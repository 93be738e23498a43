import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../src-shared/contract';
import { call, messageOf, on } from '../api';
import { ScreenHeading } from '../components/ScreenHeading';
import { dateTime, statusLabel } from '../format';
import { useApp } from '../store';

const PAGE_SIZE = 20;

export function History() {
  const { go, notify } = useApp();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<ChannelOutput<'sessions.list'> | null>(null);

  useEffect(() => {
    const refresh = () =>
      call('sessions.list', { page, pageSize: PAGE_SIZE })
        .then(setData)
        .catch((err: unknown) => notify('error', messageOf(err)));
    void refresh();
    return on('sessions.changed', () => void refresh());
  }, [page, notify]);

  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;

  return (
    <div className="stack">
      <ScreenHeading>History</ScreenHeading>
      {data === null ? (
        <p role="status">Loading…</p>
      ) : data.total === 0 ? (
        <div className="card">
          <p>No practice sessions yet. Every session you start appears here, newest first.</p>
          <button type="button" className="primary" onClick={() => go({ name: 'setup' })}>
            Start your first session
          </button>
        </div>
      ) : (
        <>
          <table>
            <caption className="visually-hidden">
              Practice sessions, newest first, page {page} of {pages}
            </caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Role</th>
                <th scope="col">Difficulty</th>
                <th scope="col">Status</th>
                <th scope="col">Answered</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((s) => {
                const open = s.status === 'active' || s.status === 'paused';
                return (
                  <tr key={s.id}>
                    <td>{dateTime(s.createdAt)}</td>
                    <td>{s.role}</td>
                    <td>{s.difficulty}</td>
                    <td>{statusLabel[s.status]}</td>
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
            </tbody>
          </table>
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
