import { useCallback, useMemo, useRef, useState } from 'react';
import { createApi } from './lib/api';
import { loadSession, saveSession, type Session } from './lib/session';
import { AuthScreen } from './components/AuthScreen';
import { Dashboard } from './components/Dashboard';
import { ToastProvider } from './components/Toasts';

export function App() {
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const [notice, setNotice] = useState<string | null>(null);
  const tokenRef = useRef<string | null>(session?.token ?? null);
  tokenRef.current = session?.token ?? null;

  const logout = useCallback((message?: string) => {
    saveSession(null);
    tokenRef.current = null;
    setSession(null);
    setNotice(message ?? null);
  }, []);

  const api = useMemo(
    () =>
      createApi({
        getToken: () => tokenRef.current,
        onUnauthorized: () => {
          if (tokenRef.current) logout('Your session has ended. Please log in again.');
        },
      }),
    [logout],
  );

  const login = useCallback((s: Session) => {
    saveSession(s);
    tokenRef.current = s.token;
    setNotice(null);
    setSession(s);
  }, []);

  return (
    <ToastProvider>
      {session ? (
        <Dashboard key={session.token} api={api} session={session} getToken={() => tokenRef.current} onLogout={logout} />
      ) : (
        <AuthScreen api={api} onLogin={login} notice={notice} />
      )}
    </ToastProvider>
  );
}
