import { lazy } from 'react';

const ContractsPage = lazy(() => import('./components/ContractsPage.jsx'));
const PublishPage = lazy(() => import('./components/PublishPage.jsx'));
const ContractPage = lazy(() => import('./components/ContractPage.jsx'));
const DocsPage = lazy(() => import('./components/DocsPage.jsx'));

// the first matching route wins: /contracts/publish before /contracts/:name
export const routes = [
  { path: '/contracts', component: ContractsPage, admin: true, nav: { label: 'Contracts', order: 50 } },
  { path: '/contracts/publish', component: PublishPage, admin: true },
  { path: '/contracts/:name', component: ContractPage, admin: true },
  { path: '/contracts/:name/docs', component: DocsPage, admin: true },
];
