import { lazy, Suspense, useEffect } from 'react';
import { on } from './api';
import { Notices } from './components/Notices';
import { ProgressWatch } from './components/ProgressWatch';
import { Home } from './screens/Home';
import { Onboarding } from './screens/Onboarding';
import { useApp, type Screen } from './store';

/**
 * Only the screens that can open first (home, onboarding, unlock) are in the start bundle; each other screen
 * loads when it is first opened, so the first screen parses and renders sooner. The charts library, most of
 * the bundle, comes with the first screen that draws charts.
 */
const Dashboard = lazy(() => import('./screens/Dashboard').then((m) => ({ default: m.Dashboard })));
const Achievements = lazy(() => import('./screens/Achievements').then((m) => ({ default: m.Achievements })));
const Leaderboard = lazy(() => import('./screens/Leaderboard').then((m) => ({ default: m.Leaderboard })));
const StudyPlan = lazy(() => import('./screens/StudyPlan').then((m) => ({ default: m.StudyPlan })));
const Companies = lazy(() => import('./screens/Companies').then((m) => ({ default: m.Companies })));
const Diagnostics = lazy(() => import('./screens/Diagnostics').then((m) => ({ default: m.Diagnostics })));
const MyQuestions = lazy(() => import('./screens/MyQuestions').then((m) => ({ default: m.MyQuestions })));
const History = lazy(() => import('./screens/History').then((m) => ({ default: m.History })));
const Jobs = lazy(() => import('./screens/Jobs').then((m) => ({ default: m.Jobs })));
const Resume = lazy(() => import('./screens/Resume').then((m) => ({ default: m.Resume })));
const PracticeRoom = lazy(() => import('./screens/PracticeRoom').then((m) => ({ default: m.PracticeRoom })));
const PracticeSetup = lazy(() =>
  import('./screens/PracticeSetup').then((m) => ({ default: m.PracticeSetup })),
);
const SessionReview = lazy(() =>
  import('./screens/SessionReview').then((m) => ({ default: m.SessionReview })),
);
// Only a protected data folder opens on it, and it brings the data settings (erase) with it.
const Unlock = lazy(() => import('./screens/Unlock').then((m) => ({ default: m.Unlock })));
const Settings = lazy(() => import('./screens/Settings').then((m) => ({ default: m.Settings })));

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
          <Suspense fallback={<p role="status">Loading…</p>}>
            <Unlock vault={vault} />
          </Suspense>
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
        <Suspense fallback={<p role="status">Loading…</p>}>
          <CurrentScreen screen={screen} />
        </Suspense>
      </main>
      <Notices />
    </>
  );
}
