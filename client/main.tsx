import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { IdentityProvider } from './realtime/identity';
import { ErrorBoundary } from './components/ErrorBoundary';
import { I18nProvider } from './i18n/I18nProvider';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');

createRoot(container).render(
  <StrictMode>
    <I18nProvider>
      <ErrorBoundary>
        <IdentityProvider>
          <App />
        </IdentityProvider>
      </ErrorBoundary>
    </I18nProvider>
  </StrictMode>,
);
