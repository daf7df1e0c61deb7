import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { CurrentUserProvider } from './features/auth/CurrentUserProvider';
import { ErrorBoundary } from './app/ErrorBoundary';
import { I18nProvider } from './i18n/I18nProvider';
import { reloadOnStaleChunks } from './app/reloadOnStaleChunks';
import './styles/app.css';
import './styles/templates.css';
import './styles/designs.css';
import './styles/versions.css';
import './styles/comments.css';

reloadOnStaleChunks();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');

createRoot(container).render(
  <StrictMode>
    <I18nProvider>
      <ErrorBoundary>
        <CurrentUserProvider>
          <App />
        </CurrentUserProvider>
      </ErrorBoundary>
    </I18nProvider>
  </StrictMode>,
);
