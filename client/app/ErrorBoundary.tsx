import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useT } from '../i18n/I18nProvider';
import { Main } from './Main';

interface Props {
  children: ReactNode;
}

interface State {
  failed: boolean;
}

function CrashMessage() {
  const t = useT();
  return (
    <Main className="page page--narrow">
      <div className="notice" role="alert">
        <h1>{t('error.title')}</h1>
        <p>{t('error.body')}</p>
        <button type="button" className="button button--primary" onClick={() => location.reload()}>
          {t('error.reload')}
        </button>
      </div>
    </Main>
  );
}

/** Shows a calm message instead of a blank page when rendering throws. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Werkplaats crashed while rendering', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.failed ? <CrashMessage /> : this.props.children;
  }
}
