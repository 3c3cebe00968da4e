import { type FormEvent, useState } from 'react';
import { errorMessage } from '../api/client';
import { useAuth } from '../app/auth';
import { Link, usePath } from '../app/router';
import { ForgotPasswordPage } from '../people/ForgotPasswordPage';
import { SetPasswordPage } from '../people/SetPasswordPage';

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
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(email, password);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="login-page">
      <form className="login-card" onSubmit={submit} aria-labelledby="login-title">
        <div className="brand brand-large">
          <span className="brand-mark">F</span> Flowdesk
        </div>
        <h1 id="login-title">Sign in</h1>
        <label className="field">
          <span>Email</span>
          <input
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label className="field">
          <span>Password</span>
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="auth-links">
          <Link to="/forgot-password">Forgot password?</Link>
        </p>
      </form>
    </main>
  );
}
