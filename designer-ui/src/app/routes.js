import { match } from '../lib/router/router.jsx';
import { routes as contracts } from '../features/contracts/index.js';
import { routes as designer } from '../features/designer/index.js';
import { routes as instances } from '../features/instances/index.js';
import { routes as tasks } from '../features/tasks/index.js';
import { routes as policies } from '../features/policies/index.js';

/**
 * Every screen: `{ path, component, admin, nav? }`. `admin` screens need the role admin (the gateway refuses their
 * calls anyway; the console does not offer them). `nav` puts the screen in the top navigation.
 */
export const ROUTES = [...tasks, ...instances, ...designer, ...contracts, ...policies];

/** The navigation the user's roles open, in order. */
export function navigationFor(session) {
  return ROUTES.filter((r) => r.nav && (!r.admin || session.isAdmin)).sort((a, b) => a.nav.order - b.nav.order);
}

/** The screen for a path: the first matching route; `forbidden` when the user's roles do not open it. */
export function resolveRoute(path, session) {
  const pathname = path.split('?')[0];
  if (pathname === '/' || pathname === '') {
    const home = navigationFor(session)[0];
    return home ? { route: home, params: {} } : { route: null, params: {} };
  }
  for (const route of ROUTES) {
    const params = match(route.path, path);
    if (params) return route.admin && !session.isAdmin ? { forbidden: true } : { route, params };
  }
  return { route: null, params: {} };
}
