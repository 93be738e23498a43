import { useApp } from '../store';

/** Success toasts are polite and fade; errors are assertive and stay until dismissed. */
export function Notices() {
  const notices = useApp((s) => s.notices);
  const dismiss = useApp((s) => s.dismiss);
  return (
    <>
      <div className="notices" role="status" aria-live="polite">
        {notices
          .filter((n) => n.kind === 'success')
          .map((n) => (
            <div key={n.id} className="notice">
              <span>{n.message}</span>
            </div>
          ))}
      </div>
      <div className="notices" role="alert" style={{ bottom: '5rem' }}>
        {notices
          .filter((n) => n.kind === 'error')
          .map((n) => (
            <div key={n.id} className="notice error">
              <span>{n.message}</span>
              <button type="button" onClick={() => dismiss(n.id)} aria-label="Dismiss message">
                ×
              </button>
            </div>
          ))}
      </div>
    </>
  );
}
