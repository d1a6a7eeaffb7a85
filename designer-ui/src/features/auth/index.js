export { LoginPage } from './components/LoginPage.jsx';
