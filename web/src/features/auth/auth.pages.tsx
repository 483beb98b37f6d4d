// The signed-out bundle: the login page.
export { LoginPage } from './LoginPage.tsx';
