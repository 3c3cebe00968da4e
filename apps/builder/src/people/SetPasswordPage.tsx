import { PASSWORD_MIN_LENGTH } from '@flowdesk/contract';
import { useState } from 'react';
import { ApiError, errorMessage } from '../api/client';
import { useAuth } from '../app/auth';
import { Link, navigate, usePath } from '../app/router';
import { FormError } from '../ui/FormError';
import { SubmitButton } from '../ui/SubmitButton';
import { Spinner } from '../ui/states';
import { useAsync } from '../ui/use-async';
import { useSubmit } from '../ui/use-submit';
import { AuthCard } from './AuthCard';
import { PasswordField } from './PasswordField';
import { peopleApi } from './people-api';

const TEXT = {
  invite: { title: 'Join your team', action: 'Set password and sign in', busy: 'Setting your password…' },
  reset: { title: 'Choose a new password', action: 'Save password and sign in', busy: 'Saving…' },
};

/** The token of an emailed link (`?token=` of the page's address). */
function tokenOf(path: string): string {
  return new URLSearchParams(path.split('?')[1] ?? '').get('token') ?? '';
}

/**
 * The page an invite or reset email links to: who the link is for, a new password typed twice, then signed in.
 * An expired, used, replaced or changed link shows why, and what to do instead.
 */
export function SetPasswordPage({ kind }: { kind: 'invite' | 'reset' }) {
  const token = tokenOf(usePath());
  const { setUser } = useAuth();
  const info = useAsync(() => (kind === 'invite' ? peopleApi.inviteInfo(token) : peopleApi.resetInfo(token)), [token]);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const text = TEXT[kind];
  const { busy, error, submit } = useSubmit(async () => {
    if (password.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
    if (password !== confirm) return 'The two passwords are not the same.';
    const body = { token, password };
    const { user } = kind === 'invite' ? await peopleApi.acceptInvite(body) : await peopleApi.finishReset(body);
    navigate('/', { replace: true });
    setUser(user);
    return undefined;
  });

  if (info.status === 'loading') return <Spinner label="Checking your link…" />;
  if (info.status === 'error') {
    const problem = info.error instanceof ApiError && info.error.code.startsWith('link_');
    return (
      <AuthCard title={problem ? 'This link cannot be used' : 'Something went wrong'}>
        <p className="form-error" role="alert">
          {errorMessage(info.error)}
        </p>
        <p className="auth-links">
          <Link to="/">Go to sign in</Link>
          {kind === 'reset' ? <Link to="/forgot-password">Send a new reset link</Link> : null}
        </p>
      </AuthCard>
    );
  }
  const { name, email, workspaceName } = info.value;
  return (
    <AuthCard title={text.title} onSubmit={submit}>
      <p className="auth-lead">
        {kind === 'invite' ? (
          <>
            Welcome, <strong>{name}</strong>. Choose a password to join <strong>{workspaceName}</strong>.
          </>
        ) : (
          <>
            Choose a new password for <strong>{email}</strong>. Every device signed in to your account will be signed
            out.
          </>
        )}
      </p>
      {kind === 'invite' ? (
        <label className="field">
          <span>Email</span>
          <input type="email" autoComplete="username" value={email} readOnly />
        </label>
      ) : null}
      <PasswordField
        label="New password"
        autoComplete="new-password"
        value={password}
        onChange={setPassword}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
      />
      <PasswordField label="Repeat the password" autoComplete="new-password" value={confirm} onChange={setConfirm} />
      <FormError message={error} />
      <SubmitButton block busy={busy} label={text.action} busyLabel={text.busy} />
    </AuthCard>
  );
}
