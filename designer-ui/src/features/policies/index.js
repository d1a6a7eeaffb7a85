import { lazy } from 'react';

const PoliciesPage = lazy(() => import('./components/PoliciesPage.jsx'));

export const routes = [
  { path: '/policies', component: PoliciesPage, admin: true, nav: { label: 'Policies', order: 60 } },
];
