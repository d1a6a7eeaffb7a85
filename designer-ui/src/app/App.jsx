import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { createClient } from '../lib/api/client.js';
import { ApiProvider } from '../lib/api/ApiContext.jsx';
import { clearSession, isExpired, loadSession, saveSession } from '../lib/session/session.js';
import { RouterProvider, useRouter } from '../lib/router/router.jsx';
import { Loading } from '../lib/ui/Page.jsx';
import { LoginPage } from '../features/auth/index.js';
import { Shell } from './Shell.jsx';
import { resolveRoute } from './routes.js';
import { SessionContext } from '../lib/session/SessionContext.js';

/** The console: sign-in, then the shell with the screens the user's roles open. */
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

  // a token that expires while the page is open signs the user out instead of failing every call
  useEffect(() => {
    if (!session?.expiresAt) return undefined;
    const timer = setTimeout(() => logout('Your session expired. Sign in again.'), Math.max(0, session.expiresAt - Date.now()));
    return () => clearTimeout(timer);
  }, [session, logout]);

  if (!session || isExpired(session)) {
    return (
      <LoginPage client={client} notice={notice}
                 onToken={(token) => { setNotice(null); setSession(saveSession(token)); }} />
    );
  }
  return (
    <SessionContext.Provider value={{ session, logout }}>
      <ApiProvider value={client}>
        <Shell session={session} onLogout={() => logout()}>
          <Screen session={session} />
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
