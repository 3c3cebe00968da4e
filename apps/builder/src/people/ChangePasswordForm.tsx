import { PASSWORD_MIN_LENGTH } from '@flowdesk/contract';
import { useState } from 'react';
import { useToast } from '../app/toasts';
import { FormError } from '../ui/FormError';
import { SubmitButton } from '../ui/SubmitButton';
import { useSubmit } from '../ui/use-submit';
import { PasswordField } from './PasswordField';
import { peopleApi } from './people-api';

const EMPTY = { current: '', next: '', confirm: '' };

/** Change my own password: the current one, the new one twice. My other devices are signed out. */
export function ChangePasswordForm() {
  const toast = useToast();
  const [fields, setFields] = useState(EMPTY);
  const set = (key: keyof typeof EMPTY) => (value: string) => setFields({ ...fields, [key]: value });
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
      <PasswordField
        label="Current password"
        autoComplete="current-password"
        value={fields.current}
        onChange={set('current')}
      />
      <PasswordField
        label="New password"
        autoComplete="new-password"
        value={fields.next}
        onChange={set('next')}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. Your other devices will be signed out.`}
      />
      <PasswordField
        label="Repeat the new password"
        autoComplete="new-password"
        value={fields.confirm}
        onChange={set('confirm')}
      />
      <FormError message={error} />
      <div className="profile-actions">
        <SubmitButton busy={busy} label="Change password" busyLabel="Changing…" />
      </div>
    </form>
  );
}
