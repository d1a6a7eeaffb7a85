import { lazy } from 'react';

// placeholder until the feature lands
const TasksPage = lazy(() => import('./components/TasksPage.jsx'));

export const routes = [
  { path: '/tasks', component: TasksPage, admin: false, nav: { label: 'Tasks', order: 10 } },
];
