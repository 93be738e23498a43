import { useApp } from '../store';

/** The buttons that move between the three progress screens. */
export function ProgressLinks({ current }: { current: 'progress' | 'achievements' | 'plan' }) {
  const go = useApp((s) => s.go);
  const links = [
    { name: 'progress', label: 'Dashboard' },
    { name: 'achievements', label: 'Achievements' },
    { name: 'plan', label: 'Study plan' },
  ] as const;
  return (
    <nav aria-label="Progress" className="row">
      {links.map((l) => (
        <button
          key={l.name}
          type="button"
          aria-current={current === l.name ? 'page' : undefined}
          onClick={() => go({ name: l.name })}
        >
          {l.label}
        </button>
      ))}
    </nav>
  );
}
