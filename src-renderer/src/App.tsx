import { lazy, Suspense, useEffect } from 'react';
import { on } from './api';
import { Notices } from './components/Notices';
import { ProgressWatch } from './components/ProgressWatch';
import { Achievements } from './screens/Achievements';
import { Leaderboard } from './screens/Leaderboard';
import { StudyPlan } from './screens/StudyPlan';
import { Companies } from './screens/Companies';
import { Diagnostics } from './screens/Diagnostics';
import { MyQuestions } from './screens/MyQuestions';
import { History } from './screens/History';
import { Jobs } from './screens/Jobs';
import { Resume } from './screens/Resume';
import { Home } from './screens/Home';
import { Onboarding } from './screens/Onboarding';
import { PracticeRoom } from './screens/PracticeRoom';
import { PracticeSetup } from './screens/PracticeSetup';
import { SessionReview } from './screens/SessionReview';
import { Settings } from './screens/Settings';
import { Unlock } from './screens/Unlock';
import { useApp, type Screen } from './store';

// The charts library is most of the bundle: it loads when the first screen with charts opens, not at start.
const Dashboard = lazy(() => import('./screens/Dashboard').then((m) => ({ default: m.Dashboard })));

const NAV: { label: string; screen: Screen }[] = [
  { label: 'Home', screen: { name: 'home' } },
  { label: 'Practice', screen: { name: 'setup' } },
  { label: 'History', screen: { name: 'history' } },
  { label: 'Progress', screen: { name: 'progress' } },
  { label: 'Leaderboard', screen: { name: 'leaderboard' } },
  { label: 'My questions', screen: { name: 'questions' } },
  { label: 'Companies', screen: { name: 'companies' } },
  { label: 'Résumé', screen: { name: 'resume' } },
  { label: 'Jobs', screen: { name: 'jobs' } },
  { label: 'Settings', screen: { name: 'settings' } },
];

function CurrentScreen({ screen }: { screen: Screen }) {
  switch (screen.name) {
    case 'home':
      return <Home />;
    case 'setup':
      return (
        <PracticeSetup
          key={`${screen.companyId}-${screen.jobId}-${screen.categories?.join()}-${screen.questionCount}`}
          companyId={screen.companyId}
          jobId={screen.jobId}
          categories={screen.categories}
          questionCount={screen.questionCount}
        />
      );
    case 'room':
      return <PracticeRoom key={screen.sessionId} sessionId={screen.sessionId} />;
    case 'review':
      return <SessionReview key={screen.sessionId} sessionId={screen.sessionId} />;
    case 'history':
      return <History />;
    case 'settings':
      return <Settings />;
    case 'resume':
      return <Resume />;
    case 'jobs':
      return <Jobs />;
    case 'questions':
      return <MyQuestions />;
    case 'companies':
      return <Companies />;
    case 'diagnostics':
      return <Diagnostics />;
    case 'progress':
      return (
        <Suspense fallback={<p role="status">Loading your progress…</p>}>
          <Dashboard />
        </Suspense>
      );
    case 'achievements':
      return <Achievements />;
    case 'leaderboard':
      return <Leaderboard />;
    case 'plan':
      return <StudyPlan />;
  }
}

export function App() {
  const { status, loadError, profile, vault, screen, load, go, setVault, notify } = useApp();

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => on('vault.changed', (next) => void setVault(next)), [setVault]);
  // What the host announces on its own (a background backup that failed): an alert, or a polite note for info.
  useEffect(
    () => on('app.notice', (n) => notify(n.level === 'info' ? 'success' : 'error', n.message)),
    [notify],
  );

  if (status === 'loading') {
    return (
      <main id="main">
        <p role="status">Loading Rehearse…</p>
      </main>
    );
  }
  if (status === 'failed') {
    return (
      <main id="main">
        <h1>Rehearse could not start</h1>
        <p role="alert">{loadError}</p>
        <button type="button" onClick={() => void load()}>
          Try again
        </button>
      </main>
    );
  }
  if (vault?.enabled && vault.locked) {
    return (
      <>
        <main id="main">
          <Unlock vault={vault} />
        </main>
        <Notices />
      </>
    );
  }
  if (!profile) {
    return (
      <>
        <main id="main">
          <Onboarding />
        </main>
        <Notices />
      </>
    );
  }
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <span className="brand">Rehearse</span>
        <nav aria-label="Main">
          <ul>
            {NAV.map((item) => {
              const current =
                item.screen.name === screen.name ||
                (item.screen.name === 'setup' && screen.name === 'room') ||
                (item.screen.name === 'progress' &&
                  (screen.name === 'achievements' || screen.name === 'plan'));
              return (
                <li key={item.label}>
                  <button
                    type="button"
                    className="nav-link"
                    aria-current={current ? 'page' : undefined}
                    onClick={() => go(item.screen)}
                  >
                    {item.label}
                  </button>
                </li>
              );
            })}
          </ul>
        </nav>
      </header>
      <main id="main">
        <ProgressWatch />
        <CurrentScreen screen={screen} />
      </main>
      <Notices />
    </>
  );
}
