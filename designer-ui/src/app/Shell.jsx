import { useEffect } from 'react';
import { Link, useRouter } from '../lib/router/router.jsx';
import { navigationFor } from './routes.js';
import { describeScope } from '../lib/session/scope.js';

/** Header with role-aware navigation and the user menu; moves focus to the page heading on navigation. */
export function Shell({ session, onLogout, children }) {
  const { path } = useRouter();
  const nav = navigationFor(session);
  const active = nav.find((r) => path === r.path || path.startsWith(`${r.path}/`) || path.startsWith(`${r.path}?`));

  useEffect(() => {
    document.getElementById('page-title')?.focus({ preventScroll: true });
  }, [path]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="topbar">
        <span className="brand">Flowgate</span>
        <nav aria-label="Main">
          <ul>
            {nav.map((r) => (
              <li key={r.path}>
                <Link to={r.path} aria-current={active === r ? 'page' : undefined}>{r.nav.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="user">
          <span title={session.roles.join(', ')}>
            {session.username}
            {session.tenant ? ` · ${session.tenant}` : ''}
          </span>
          {describeScope(session) && <span className="scope">{describeScope(session)}</span>}
          <button type="button" onClick={onLogout}>Log out</button>
        </div>
      </header>
      <main id="main">{children}</main>
    </div>
  );
}
