import { lazy } from 'react';

// placeholder until the feature lands
const PoliciesPage = lazy(() => import('./components/PoliciesPage.jsx'));

export const routes = [
  { path: '/policies', component: PoliciesPage, admin: true, nav: { label: 'Policies', order: 60 } },
];
