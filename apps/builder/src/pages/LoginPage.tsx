import { useState } from 'react';
import { useAuth } from '../app/auth';
import { Link, usePath } from '../app/router';
import { AuthCard } from '../people/AuthCard';
import { ForgotPasswordPage } from '../people/ForgotPasswordPage';
import { PasswordField } from '../people/PasswordField';
import { SetPasswordPage } from '../people/SetPasswordPage';
import { FormError } from '../ui/FormError';
import { SubmitButton } from '../ui/SubmitButton';
import { useSubmit } from '../ui/use-submit';

/** Signed out: the sign-in form, or the page of an emailed link, or "Forgot password?". */
export function LoginPage() {
  const page = usePath().split('?')[0];
  if (page === '/accept-invite') return <SetPasswordPage kind="invite" />;
  if (page === '/reset-password') return <SetPasswordPage kind="reset" />;
  if (page === '/forgot-password') return <ForgotPasswordPage />;
  return <SignInForm />;
}

function SignInForm() {
  const { login } = useAuth();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, submit } = useSubmit(async () => {
    await login(email, password);
    return undefined;
  });

  return (
    <AuthCard title="Sign in" onSubmit={submit}>
      <label className="field">
        <span>Email</span>
        <input type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <PasswordField label="Password" autoComplete="current-password" value={password} onChange={setPassword} />
      <FormError message={error} />
      <SubmitButton block busy={busy} label="Sign in" busyLabel="Signing in…" />
      <p className="auth-links">
        <Link to="/forgot-password">Forgot password?</Link>
      </p>
    </AuthCard>
  );
}
