import { ProfileForm } from '../components/ProfileForm';
import { ScreenHeading } from '../components/ScreenHeading';
import { useApp } from '../store';

export function Onboarding() {
  const setProfile = useApp((s) => s.setProfile);
  const go = useApp((s) => s.go);
  return (
    <div className="card">
      <ScreenHeading>Welcome to Rehearse</ScreenHeading>
      <p className="muted">
        Three quick questions so your practice fits the job you want. Everything stays on this computer, and
        you can change it later in Settings.
      </p>
      <ProfileForm
        initial={null}
        submitLabel="Continue"
        onSaved={(p) => {
          setProfile(p);
          go({ name: 'home' });
        }}
      />
    </div>
  );
}
