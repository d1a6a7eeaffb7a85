import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { createClient } from '../lib/api/client.js';
import { ApiProvider } from '../lib/api/ApiContext.jsx';
import { clearSession, isExpired, loadSession, saveSession } from '../lib/session/session.js';
import { RouterProvider, useRouter } from '../lib/router/router.jsx';
import { Loading } from '../lib/ui/Page.jsx';
import { fetchMe, LoginPage, revokeToken } from '../features/auth/index.js';
import { Shell } from './Shell.jsx';
import { resolveRoute } from './routes.js';
import { SessionContext } from '../lib/session/SessionContext.js';
import { withScope } from '../lib/session/scope.js';

/** The longest delay setTimeout takes; a longer one fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The console: sign-in, then the shell with the screens the user's scope opens. */
export function App() {
  return (
    <RouterProvider>
      <Console />
    </RouterProvider>
  );
}

function Console() {
  const [session, setSession] = useState(() => loadSession());
  const [notice, setNotice] = useState(null);
  // the gateway's word on what the user administers, for the token it was asked with
  const [answered, setAnswered] = useState({ token: null, scope: null });

  const logout = useCallback((why) => {
    clearSession();
    setSession(null);
    setNotice(why ?? null);
  }, []);

  const client = useMemo(
    () => createClient({
      getToken: () => session?.token ?? null,
      onUnauthorized: () => logout('Your session ended. Sign in again.'),
    }),
    [session, logout],
  );

  // signing out revokes the token at the gateway too; a client of its own, so a refusal there (the token may have
  // expired already) does not bring the "session ended" notice to the sign-in page
  const signOut = useCallback(() => {
    const token = session?.token ?? null;
    revokeToken(createClient({ getToken: () => token }));
    logout();
  }, [session, logout]);

  // a token that expires while the page is open signs the user out instead of failing every call; a timer longer than
  // setTimeout can count (2^31 - 1 ms, about 24.8 days: an identity provider's long-lived token) would fire at once,
  // so such a wait is taken in steps
  const [wakeUps, setWakeUps] = useState(0);
  useEffect(() => {
    if (!session?.expiresAt) return undefined;
    const left = Math.max(0, session.expiresAt - Date.now());
    const timer = left > MAX_TIMER_MS
      ? setTimeout(() => setWakeUps((n) => n + 1), MAX_TIMER_MS)
      : setTimeout(() => logout('Your session expired. Sign in again.'), left);
    return () => clearTimeout(timer);
  }, [session, logout, wakeUps]);

  useEffect(() => {
    if (!session || isExpired(session)) return undefined;
    const controller = new AbortController();
    fetchMe(client, { signal: controller.signal })
      .then((me) => setAnswered({ token: session.token, scope: me.scope }))
      // without an answer the token's claims decide what is shown; the gateway still checks every call
      .catch((error) => { if (error?.name !== 'AbortError') setAnswered({ token: session.token, scope: null }); });
    return () => controller.abort();
  }, [session, client]);

  if (!session || isExpired(session)) {
    return (
      <LoginPage client={client} notice={notice}
                 onToken={(token) => { setNotice(null); setSession(saveSession(token)); }} />
    );
  }
  if (answered.token !== session.token) {
    return <Loading label="Signing in…" />;
  }
  const user = answered.scope ? withScope(session, answered.scope) : session;
  return (
    <SessionContext.Provider value={{ session: user, logout }}>
      <ApiProvider value={client}>
        <Shell session={user} onLogout={signOut}>
          <Screen session={user} />
        </Shell>
      </ApiProvider>
    </SessionContext.Provider>
  );
}

function Screen({ session }) {
  const { path } = useRouter();
  const { route, params, forbidden } = resolveRoute(path, session);
  if (forbidden) {
    return (
      <section className="page">
        <h1>Not for your role</h1>
        <p>This screen needs the role <code>admin</code>.</p>
      </section>
    );
  }
  if (!route) {
    return (
      <section className="page">
        <h1>Not found</h1>
        <p>No screen at <code>{path}</code>.</p>
      </section>
    );
  }
  const Component = route.component;
  return (
    <Suspense fallback={<Loading label="Loading the screen…" />}>
      <Component {...params} />
    </Suspense>
  );
}
