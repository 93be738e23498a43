import { useCallback, useEffect, useState } from 'react';
import type { AiStatus } from '../../../src-shared/ai';
import { call, messageOf } from '../api';
import { ScreenHeading } from '../components/ScreenHeading';
import { dateTime } from '../format';
import { useApp } from '../store';
import { Table } from '../components/Table';

const QUOTA_NOTE = {
  ok: '.',
  warning: ': getting close to the limit.',
  limited: ': other providers are asked first.',
  exhausted: ': used up, so it rests until tomorrow.',
} as const;
const ms = (n: number | null) => (n === null ? '—' : `${Math.round(n)} ms`);
/** The reasons are written as a clause (doctor prints them after the name); the screen shows a sentence. */
const sentence = (r: string) => (r ? `${r[0]!.toUpperCase()}${r.slice(1)}.` : '');
const rate = (r: number | null) => (r === null ? 'no lookups yet' : `${Math.round(r * 100)}%`);

export function Diagnostics() {
  const notify = useApp((s) => s.notify);
  const [status, setStatus] = useState<AiStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const refresh = useCallback(
    (channel: 'ai.status' | 'ai.check') => {
      setBusy(true);
      call(channel, {})
        .then(setStatus, (err: unknown) => notify('error', messageOf(err)))
        .finally(() => setBusy(false));
    },
    [notify],
  );
  useEffect(() => {
    call('ai.status', {}).then(setStatus, (err: unknown) => notify('error', messageOf(err)));
  }, [notify]);

  async function exportCsv() {
    const { csv } = await call('ai.diagnostics.csv', {});
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `rehearse-diagnostics-${new Date().toISOString().slice(0, 10)}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  return (
    <div className="stack">
      <ScreenHeading>Diagnostics</ScreenHeading>
      <p className="muted">
        How each AI provider is doing, and why one is not in use. The built-in coach always works and needs no
        set-up.
      </p>
      <div className="row">
        <button type="button" onClick={() => refresh('ai.check')} disabled={busy}>
          {busy ? 'Checking…' : 'Check providers now'}
        </button>
        <button type="button" onClick={() => void exportCsv()} disabled={!status}>
          Export CSV
        </button>
      </div>
      {!status ? (
        <p role="status">Loading…</p>
      ) : (
        <>
          <Table caption="AI providers" columns={['Provider', 'Health', 'Latency p50 / p95', 'Today']}>
            <tr>
              <td>Built-in coach</td>
              <td>
                <span className="badge ok">Working</span>
                <p className="hint">Always available, offline.</p>
              </td>
              <td>instant</td>
              <td>—</td>
            </tr>
            {status.providers.map((p) =>
              p.configured ? (
                <tr key={p.id}>
                  <td>{p.label}</td>
                  <td>
                    <span
                      className={`badge ${p.health === 'ok' ? 'ok' : p.health === 'failing' ? 'warn' : ''}`}
                    >
                      {p.health === 'ok' ? 'Working' : p.health === 'failing' ? 'Not working' : 'Not checked'}
                    </span>
                    {p.reason && <p className="hint">{p.reason}</p>}
                    {p.breaker !== 'closed' && <p className="hint">Paused after repeated failures.</p>}
                  </td>
                  <td>
                    {ms(p.latencyP50Ms)} / {ms(p.latencyP95Ms)}
                    <span className="muted"> ({p.calls} calls)</span>
                  </td>
                  <td>
                    {p.today.requests} requests, {p.today.characters.toLocaleString()} characters
                    {p.today.costUsd > 0 ? `, about $${p.today.costUsd.toFixed(2)}` : ''}
                    {p.quota && (
                      <p className={`hint${p.quota.state === 'ok' ? '' : ' error-text'}`}>
                        {Math.round(p.quota.used * 100)}% of today&apos;s quota{QUOTA_NOTE[p.quota.state]}
                      </p>
                    )}
                  </td>
                </tr>
              ) : (
                // Not in use: why, and where to change that, instead of figures it does not have.
                <tr key={p.id}>
                  <td>{p.label}</td>
                  <td colSpan={3}>
                    <span className="badge">Not set up</span>
                    <p className="hint">{sentence(p.reason ?? '')}</p>
                  </td>
                </tr>
              ),
            )}
          </Table>
          <p>
            Cache: generated questions {rate(status.cache.questions.hitRate)}, evaluations{' '}
            {rate(status.cache.evaluation.hitRate)} served from cache.
          </p>
          <p className="muted">
            {status.checkedAt ? `Last checked ${dateTime(status.checkedAt)}.` : 'Not checked yet.'}
          </p>
        </>
      )}
    </div>
  );
}
