import { PASSWORD_MIN_LENGTH } from '@flowdesk/contract';
import { useState } from 'react';
import { useToast } from '../app/toasts';
import { FormError } from '../ui/FormError';
import { useSubmit } from '../ui/use-submit';
import { peopleApi } from './people-api';

const EMPTY = { current: '', next: '', confirm: '' };

/** Change my own password: the current one, the new one twice. My other devices are signed out. */
export function ChangePasswordForm() {
  const toast = useToast();
  const [fields, setFields] = useState(EMPTY);
  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) =>
    setFields({ ...fields, [key]: e.target.value });
  const { busy, error, submit } = useSubmit(async () => {
    if (fields.next.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
    if (fields.next !== fields.confirm) return 'The two new passwords are not the same.';
    const { endedSessions } = await peopleApi.changePassword({
      currentPassword: fields.current,
      newPassword: fields.next,
    });
    setFields(EMPTY);
    toast.success(
      endedSessions > 0
        ? `Password changed. ${endedSessions === 1 ? 'One other device was' : `${endedSessions} other devices were`} signed out.`
        : 'Password changed.',
    );
    return undefined;
  });

  return (
    <form className="card settings-section profile-form password-form" onSubmit={submit} aria-label="Change password">
      <h2>Change password</h2>
      <label className="field">
        <span>Current password</span>
        <input
          type="password"
          autoComplete="current-password"
          required
          value={fields.current}
          onChange={set('current')}
        />
      </label>
      <label className="field">
        <span>New password</span>
        <input
          type="password"
          autoComplete="new-password"
          required
          value={fields.next}
          aria-describedby="change-password-hint"
          onChange={set('next')}
        />
      </label>
      <small id="change-password-hint" className="hint field-hint">
        At least {PASSWORD_MIN_LENGTH} characters. Your other devices will be signed out.
      </small>
      <label className="field">
        <span>Repeat the new password</span>
        <input type="password" autoComplete="new-password" required value={fields.confirm} onChange={set('confirm')} />
      </label>
      <FormError message={error} />
      <div className="profile-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Changing…' : 'Change password'}
        </button>
      </div>
    </form>
  );
}
