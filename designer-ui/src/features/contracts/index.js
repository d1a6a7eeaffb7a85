import { lazy } from 'react';

// placeholder until the feature lands
const ContractsPage = lazy(() => import('./components/ContractsPage.jsx'));

export const routes = [
  { path: '/contracts', component: ContractsPage, admin: true, nav: { label: 'Contracts', order: 50 } },
];
