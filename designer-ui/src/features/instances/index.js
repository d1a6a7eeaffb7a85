import { lazy } from 'react';

// placeholder until the feature lands
const InstancesPage = lazy(() => import('./components/InstancesPage.jsx'));

export const routes = [
  { path: '/instances', component: InstancesPage, admin: true, nav: { label: 'Instances', order: 20 } },
];
