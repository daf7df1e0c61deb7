import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { CurrentUserProvider } from './features/auth/CurrentUserProvider';
import { ErrorBoundary } from './app/ErrorBoundary';
import { I18nProvider, storedLanguage } from './i18n/I18nProvider';
import { loadMessages } from './i18n/translate';
import { reloadOnStaleChunks } from './app/reloadOnStaleChunks';
import { matchRoute } from './app/router';
import { preloadScene } from './app/scenes';
import { installSheetFocus } from './ui/sheetFocus';
import './styles/app.css';
import './styles/templates.css';
import './styles/designs.css';
import './styles/versions.css';
import './styles/comments.css';
import './styles/margin.css';
import './styles/sheets.css';

reloadOnStaleChunks();
installSheetFocus();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
const root = container;

// Only the language shown is fetched (the other on a switch); nothing renders before its words are
// there. The page's own chunk is fetched meanwhile.
const language = storedLanguage();
preloadScene(matchRoute(location.pathname));
loadMessages(language).then(
  (messages) =>
    createRoot(root).render(
      <StrictMode>
        <I18nProvider initial={{ language, messages }}>
          <ErrorBoundary>
            <CurrentUserProvider>
              <App />
            </CurrentUserProvider>
          </ErrorBoundary>
        </I18nProvider>
      </StrictMode>,
    ),
  () => {
    // No messages to say it with: both languages, plainly (reloadOnStaleChunks may reload first).
    root.textContent =
      'Werkplaats kon niet laden; herlaad de pagina. — Werkplaats could not load; reload the page.';
  },
);
