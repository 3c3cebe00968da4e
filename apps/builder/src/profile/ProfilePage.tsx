import { type FormEvent, useState } from 'react';
import { api } from '../api/api';
import { updateProfile } from '../api/auth';
import { ApiError } from '../api/client';
import { useAuth, useUser } from '../app/auth';
import { useToast } from '../app/toasts';
import { SettingsTabs } from '../bot/SettingsTabs';
import { ChangePasswordForm } from '../people/ChangePasswordForm';
import { FormError } from '../ui/FormError';
import { Avatar, webUrl } from './Avatar';

/** The signed-in person's name and picture, as teammates and visitors (in the widget) see them. */
export function ProfilePage() {
  const user = useUser();
  const { setUser } = useAuth();
  const toast = useToast();
  const [name, setName] = useState(user.name);
  const [avatarUrl, setAvatarUrl] = useState(user.avatarUrl ?? '');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const trimmed = avatarUrl.trim();
  const urlProblem = trimmed && !webUrl(trimmed) ? 'Use an address starting with http:// or https://' : null;
  const changed = name.trim() !== user.name || (trimmed || null) !== (user.avatarUrl ?? null);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (urlProblem || !name.trim()) return;
    setSaving(true);
    setError(null);
    try {
      const { user: saved } = await updateProfile(api, { name: name.trim(), avatarUrl: trimmed || null });
      setUser(saved);
      setName(saved.name);
      setAvatarUrl(saved.avatarUrl ?? '');
      toast.success('Profile saved');
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Settings</h1>
          <p>Your name and picture, shown to teammates and to visitors when you answer a chat, and your password.</p>
        </div>
      </div>
      <SettingsTabs />
      <form className="card settings-section profile-form" onSubmit={save} aria-label="Your profile">
        <h2>Your profile</h2>
        <div className="profile-preview" aria-live="polite">
          <Avatar name={name || user.name} url={urlProblem ? null : trimmed} className="avatar avatar-large" />
          <span>
            <strong>{name.trim() || user.name}</strong>
            <span className="hint">{user.email}</span>
          </span>
        </div>
        <label className="field">
          <span>Name</span>
          <input value={name} maxLength={100} required onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field">
          <span>Avatar URL</span>
          <input
            type="url"
            value={avatarUrl}
            maxLength={2000}
            placeholder="https://example.com/me.png"
            aria-invalid={urlProblem ? true : undefined}
            onChange={(e) => setAvatarUrl(e.target.value)}
          />
          <small className={urlProblem ? 'field-error' : 'hint'}>
            {urlProblem ?? 'A square picture works best. Leave empty to show your initial.'}
          </small>
        </label>
        <FormError message={error} />
        <div className="profile-actions">
          <button
            type="submit"
            className="btn btn-primary"
            disabled={saving || !changed || !!urlProblem || !name.trim()}
          >
            {saving ? 'Saving…' : 'Save profile'}
          </button>
        </div>
      </form>
      <ChangePasswordForm />
    </>
  );
}
