export { LoginPage } from './components/LoginPage.jsx';
export { fetchMe } from './api/me.js';
export { revokeToken } from './api/logout.js';
