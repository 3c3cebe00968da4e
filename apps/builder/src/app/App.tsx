import { Suspense, useEffect } from 'react';
import { LoginPage } from '../pages/LoginPage';
import { EmptyState, Spinner } from '../ui/states';
import { AuthProvider, useAuth } from './auth';
import { Layout } from './Layout';
import { allowedSettingsTab, resolveRoute } from './resolve-route';
import { navigate, usePath } from './router';
import { appRoutes, homePath } from './routes';
import { AppRoutesContext } from './routes-context';
import { setTabTitle } from './tab-badge';
import { ToastProvider } from './toasts';

function Pages() {
  const { state } = useAuth();
  const path = usePath();
  const role = state.status === 'signed_in' ? state.user.role : 'agent';
  const resolved = resolveRoute(appRoutes, path, role);
  const title = resolved.kind === 'page' ? resolved.route.title : 'Flowdesk';

  useEffect(() => {
    setTabTitle(`${title} · Flowdesk`);
  }, [title]);
  useEffect(() => {
    if (state.status === 'signed_in' && path.split('?')[0] === '/') navigate(homePath(role), { replace: true });
  }, [state.status, path, role]);
  const settingsInstead =
    state.status === 'signed_in' && resolved.kind === 'forbidden'
      ? allowedSettingsTab(appRoutes, resolved.route, role)
      : null;
  useEffect(() => {
    if (settingsInstead) navigate(settingsInstead, { replace: true });
  }, [settingsInstead]);

  if (state.status === 'loading') return <Spinner label="Loading Flowdesk…" />;
  if (state.status === 'anonymous') return <LoginPage />;
  return (
    <AppRoutesContext.Provider value={appRoutes}>
      <Layout routes={appRoutes} path={path} compact={resolved.kind === 'page' && !!resolved.route.fullBleed}>
        {resolved.kind === 'page' ? (
          <div className={resolved.route.fullBleed ? 'page page-full' : 'page'}>
            <Suspense fallback={<Spinner />}>{resolved.route.render(resolved.params)}</Suspense>
          </div>
        ) : resolved.kind === 'forbidden' ? (
          <EmptyState title="Not available for your role">Ask an admin for access to this page.</EmptyState>
        ) : path === '/' ? null : (
          <EmptyState title="Page not found">There is nothing at {path}.</EmptyState>
        )}
      </Layout>
    </AppRoutesContext.Provider>
  );
}

export function App() {
  return (
    <ToastProvider>
      <AuthProvider>
        <Pages />
      </AuthProvider>
    </ToastProvider>
  );
}
