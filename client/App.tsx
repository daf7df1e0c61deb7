import { lazy, Suspense, useEffect, useRef } from 'react';
import { AppHeader } from './components/AppHeader';
import { useT } from './i18n/I18nProvider';
import { matchRoute, usePathname } from './routing/router';
import { DocumentListScene } from './scenes/DocumentList/DocumentListScene';
import { NotFoundScene } from './scenes/NotFound/NotFoundScene';
import { Main } from './components/Main';

// The editor (Tiptap, ProseMirror, Yjs) is most of the bundle; the list page does not need it.
const DocumentEditorScene = lazy(() =>
  import('./scenes/DocumentEditor/DocumentEditorScene').then((module) => ({
    default: module.DocumentEditorScene,
  })),
);

function EditorChunkLoading() {
  const t = useT();
  return (
    <>
      <AppHeader />
      <Main className="page">
        <p className="muted" data-testid="document-loading">
          {t('editor.loading')}
        </p>
      </Main>
    </>
  );
}

/** Picks the scene for the current path. */
export function App() {
  const pathname = usePathname();
  const route = matchRoute(pathname);
  const firstRender = useRef(true);

  useEffect(() => {
    // A new page starts at the top, as after a full load (Main moves focus there as well).
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo(0, 0);
  }, [pathname]);

  switch (route.name) {
    case 'documents':
      return <DocumentListScene />;
    case 'document':
      return (
        <Suspense fallback={<EditorChunkLoading />}>
          <DocumentEditorScene key={route.id} id={route.id} />
        </Suspense>
      );
    case 'notFound':
      return <NotFoundScene kind="page" />;
  }
}
