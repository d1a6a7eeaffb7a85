import { lazy } from 'react';

const InstancesPage = lazy(() => import('./components/InstancesPage.jsx'));
const InstancePage = lazy(() => import('./components/InstancePage.jsx'));

export const routes = [
  { path: '/instances', component: InstancesPage, admin: true, nav: { label: 'Instances', order: 20 } },
  { path: '/instances/:id', component: InstancePage, admin: true },
];
