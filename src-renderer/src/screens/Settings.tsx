import { AiSettingsPanel } from '../components/AiSettings';
import { DataSettings } from '../components/DataSettings';
import { PassphraseSettings } from '../components/PassphraseSettings';
import { ProfileForm } from '../components/ProfileForm';
import { ReminderSettings } from '../components/ProgressWatch';
import { ScreenHeading } from '../components/ScreenHeading';
import { SyncSettings } from '../components/SyncSettings';
import { UpdateSettings } from '../components/UpdateSettings';
import { VoiceSettingsPanel } from '../components/VoiceSettingsPanel';
import { useApp } from '../store';

export function Settings() {
  const { profile, info, setProfile, notify } = useApp();
  return (
    <div className="stack">
      <ScreenHeading>Settings</ScreenHeading>
      <section className="card" aria-labelledby="profile-heading">
        <h2 id="profile-heading">Your profile</h2>
        <ProfileForm
          initial={profile}
          submitLabel="Save profile"
          onSaved={(p) => {
            setProfile(p);
            notify('success', 'Profile saved.');
          }}
        />
      </section>
      <AiSettingsPanel />
      <VoiceSettingsPanel />
      <ReminderSettings />
      <DataSettings />
      <PassphraseSettings />
      <SyncSettings />
      <UpdateSettings />
      <section className="card" aria-labelledby="about-heading">
        <h2 id="about-heading">About</h2>
        <p>
          Rehearse {info?.version}. Your data is stored only on this computer, in <code>{info?.dataDir}</code>
          .
        </p>
      </section>
    </div>
  );
}
