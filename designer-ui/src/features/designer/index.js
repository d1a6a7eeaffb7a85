import { lazy } from 'react';

// placeholder until the feature lands
const FlowsPage = lazy(() => import('./components/FlowsPage.jsx'));

export const routes = [
  { path: '/designer', component: FlowsPage, admin: true, nav: { label: 'Flows', order: 30 } },
];
