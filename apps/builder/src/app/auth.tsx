import { createContext, type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { api, UNAUTHORIZED_EVENT } from '../api/api';
import { login as apiLogin, logout as apiLogout, type CurrentUser, fetchMe } from '../api/auth';
import { useRequiredContext } from '../ui/required-context';

type AuthState = { status: 'loading' } | { status: 'anonymous' } | { status: 'signed_in'; user: CurrentUser };

interface AuthContextValue {
  state: AuthState;
  login(email: string, password: string): Promise<void>;
  logout(): Promise<void>;
  /** Replaces the signed-in user after they changed their profile. */
  setUser(user: CurrentUser): void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function useAuth(): AuthContextValue {
  return useRequiredContext(AuthContext, 'useAuth outside AuthProvider');
}

/** The signed-in user; only call inside pages rendered after login. */
export function useUser(): CurrentUser {
  const { state } = useAuth();
  if (state.status !== 'signed_in') throw new Error('useUser without a signed-in user');
  return state.user;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    fetchMe(api)
      .then(({ user }) => !cancelled && setState({ status: 'signed_in', user }))
      .catch(() => !cancelled && setState({ status: 'anonymous' }));
    const onUnauthorized = () => setState({ status: 'anonymous' });
    window.addEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
    return () => {
      cancelled = true;
      window.removeEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
    };
  }, []);

  const login = useCallback(async (email: string, password: string) => {
    const { user } = await apiLogin(api, email, password);
    setState({ status: 'signed_in', user });
  }, []);

  const logout = useCallback(async () => {
    await apiLogout(api).catch(() => undefined);
    setState({ status: 'anonymous' });
  }, []);

  const setUser = useCallback((user: CurrentUser) => setState({ status: 'signed_in', user }), []);

  const value = useMemo(() => ({ state, login, logout, setUser }), [state, login, logout, setUser]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
