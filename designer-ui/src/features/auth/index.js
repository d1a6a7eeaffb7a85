export { LoginPage } from './components/LoginPage.jsx';
export { fetchMe } from './api/me.js';
