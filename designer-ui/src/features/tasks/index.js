import { lazy } from 'react';

const TasksPage = lazy(() => import('./components/TasksPage.jsx'));
const TaskPage = lazy(() => import('./components/TaskPage.jsx'));

export const routes = [
  { path: '/tasks', component: TasksPage, admin: false, nav: { label: 'Tasks', order: 10 } },
  { path: '/tasks/:id', component: TaskPage, admin: false },
];
