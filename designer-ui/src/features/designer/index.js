import { createElement, lazy } from 'react';
import { ProblemMessage } from '../../lib/ui/ProblemMessage.jsx';

/** A chunk that fails to load (a new deployment replaced it, the network dropped) shows why instead of a blank page. */
function lazyScreen(load, name) {
  return lazy(() => load().catch((error) => ({
    default: () => createElement('section', { className: 'page' },
      createElement('h1', { id: 'page-title', tabIndex: -1 }, name),
      createElement(ProblemMessage, {
        error: { title: `The ${name.toLowerCase()} could not be loaded`, detail: `${error?.message ?? error}. Reload the page to try again.` },
      })),
  })));
}

// the list stays light; the designer (bpmn-js and the properties panel, ~2 MB) is its own chunk
const FlowsPage = lazyScreen(() => import('./components/FlowsPage.jsx'), 'Flows');
const DesignerPage = lazyScreen(() => import('./components/DesignerPage.jsx'), 'Flow designer');

// the first matching route wins: /flows/new before /flows/:flowKey (one component for both, so deploying a new
// flow moves the address to /flows/<id> without reopening the designer)
export const routes = [
  { path: '/flows', component: FlowsPage, admin: true, nav: { label: 'Flows', order: 30 } },
  { path: '/flows/new', component: DesignerPage, admin: true },
  { path: '/flows/:flowKey', component: DesignerPage, admin: true },
];
