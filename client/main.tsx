import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { CurrentUserProvider } from './auth/CurrentUserProvider';
import { ErrorBoundary } from './components/ErrorBoundary';
import { I18nProvider } from './i18n/I18nProvider';
import './styles.css';
import './ontwikkelpaden.css';
import './designs.css';
import './versions.css';
import './comments.css';

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
