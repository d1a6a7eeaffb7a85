import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';

/**
 * A small history router for the console under /ui/: the gateway answers index.html for any /ui/ path, so deep links
 * (/ui/instances/42) open directly. Routes are patterns like `/contracts/:name`; a match gives the decoded params.
 */
export const BASE = '/ui';

const RouterContext = createContext(null);

export function currentPath(location = window.location) {
  const path = location.pathname.startsWith(BASE) ? location.pathname.slice(BASE.length) : location.pathname;
  return (path || '/') + (location.search || '');
}

export function RouterProvider({ children }) {
  const [path, setPath] = useState(() => currentPath());
  useEffect(() => {
    const onPop = () => setPath(currentPath());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((to, { replace = false } = {}) => {
    const url = BASE + to;
    if (replace) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    setPath(currentPath());
    window.scrollTo?.(0, 0);
  }, []);
  const value = useMemo(() => ({ path, navigate }), [path, navigate]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export function useRouter() {
  const router = useContext(RouterContext);
  if (!router) throw new Error('useRouter outside <RouterProvider>');
  return router;
}

/** `match('/contracts/:name', '/contracts/orders?x=1')` → `{ name: 'orders' }`; null when it does not match. */
export function match(pattern, path) {
  const pathname = path.split('?')[0].replace(/\/+$/, '') || '/';
  const want = pattern.split('/');
  const have = pathname.split('/');
  if (want.length !== have.length) return null;
  const params = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) {
      if (!have[i]) return null;
      params[want[i].slice(1)] = decodeURIComponent(have[i]);
    } else if (want[i] !== have[i]) {
      return null;
    }
  }
  return params;
}

/** The query parameters of the current path. */
export function useQuery() {
  const { path } = useRouter();
  const search = path.includes('?') ? path.slice(path.indexOf('?')) : '';
  return useMemo(() => Object.fromEntries(new URLSearchParams(search)), [search]);
}

/** An anchor that navigates inside the console (still a real link: middle-click and copy work). */
export function Link({ to, children, ...rest }) {
  const { navigate } = useRouter();
  const onClick = (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={BASE + to} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}
