// The global sheet and the shared components' sheets first, in this order, so a feature's own
// styles (loaded with its bundle) come after them and win ties.
import './styles.css';
import './ui/controls.css';
import './ui/content.css';
import './ui/badges.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { I18nProvider } from './i18n/index.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
);
