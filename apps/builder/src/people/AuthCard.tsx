import type { FormEvent, ReactNode } from 'react';

/** The centred card of the sign-in page, for the pages around it (forgot password, emailed links). */
export function AuthCard({
  title,
  onSubmit,
  children,
}: {
  title: string;
  onSubmit?: (event: FormEvent) => void;
  children: ReactNode;
}) {
  const content = (
    <>
      <div className="brand brand-large">
        <span className="brand-mark">F</span> Flowdesk
      </div>
      <h1 id="auth-title">{title}</h1>
      {children}
    </>
  );
  return (
    <main className="login-page">
      {onSubmit ? (
        <form className="login-card" onSubmit={onSubmit} aria-labelledby="auth-title">
          {content}
        </form>
      ) : (
        <section className="login-card" aria-labelledby="auth-title">
          {content}
        </section>
      )}
    </main>
  );
}
