import { useState } from 'react';
import { Link } from '../app/router';
import { FormError } from '../ui/FormError';
import { SubmitButton } from '../ui/SubmitButton';
import { useSubmit } from '../ui/use-submit';
import { AuthCard } from './AuthCard';
import { peopleApi } from './people-api';

/** "Forgot password?": an address in, the same answer out whether or not it has an account. */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const { busy, error, submit } = useSubmit(async () => {
    setSent((await peopleApi.requestReset({ email })).message);
    return undefined;
  });

  if (sent) {
    return (
      <AuthCard title="Check your email">
        <p className="auth-lead" role="status">
          {sent}
        </p>
        <p className="auth-links">
          <Link to="/">Back to sign in</Link>
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Reset your password" onSubmit={submit}>
      <p className="auth-lead">Enter the email you sign in with. We will send you a link to choose a new password.</p>
      <label className="field">
        <span>Email</span>
        <input type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <FormError message={error} />
      <SubmitButton block busy={busy} label="Send reset link" busyLabel="Sending…" />
      <p className="auth-links">
        <Link to="/">Back to sign in</Link>
      </p>
    </AuthCard>
  );
}
