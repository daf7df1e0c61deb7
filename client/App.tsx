import { Suspense, useEffect, useRef } from 'react';
import { AppHeader } from './app/AppHeader';
import { Main } from './app/Main';
import { useT } from './i18n/I18nProvider';
import { matchRoute, usePathname, type Route } from './app/router';
import { LoginScene } from './features/auth/LoginScene';
import { SignupScene } from './features/auth/SignupScene';
import { NotFoundScene } from './app/NotFoundScene';
import * as scenes from './app/scenes';

/** Routes whose scene opens the editor: while its chunk loads they say so (as the editor does). */
const EDITOR_ROUTES = new Set<Route['name']>([
  'document',
  'templateDraft',
  'design',
  'versionEditor',
  'review',
]);

function ChunkLoading({ editor }: { editor: boolean }) {
  const t = useT();
  return (
    <>
      <AppHeader />
      <Main className="page">
        <p className="muted" data-testid={editor ? 'document-loading' : 'page-loading'}>
          {t(editor ? 'editor.loading' : 'app.loading')}
        </p>
      </Main>
    </>
  );
}

/** Picks the scene for the current path; a scene not loaded yet shows a loading page meanwhile. */
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

  return (
    <Suspense fallback={<ChunkLoading editor={EDITOR_ROUTES.has(route.name)} />}>
      <Scene route={route} />
    </Suspense>
  );
}

function Scene({ route }: { route: Route }) {
  switch (route.name) {
    case 'home':
      return <scenes.HomeScene />;
    case 'login':
      return <LoginScene />;
    case 'signup':
      return <SignupScene />;
    case 'account':
      return <scenes.AccountScene />;
    case 'team':
      return <scenes.TeamScene key={route.teamId} teamId={route.teamId} />;
    case 'passwordReset':
      return <scenes.PasswordResetScene key={route.token} token={route.token} />;
    case 'forgotPassword':
      return <scenes.ForgotPasswordScene />;
    case 'unsubscribe':
      return <scenes.UnsubscribeScene key={route.token} token={route.token} />;
    case 'invite':
      return <scenes.AcceptInviteScene key={route.token} token={route.token} />;
    case 'document':
      return <scenes.DocumentEditorScene key={route.id} id={route.id} />;
    case 'templateDraft':
      return <scenes.TemplateEditorScene key={route.docId} docId={route.docId} />;
    case 'design':
      return <scenes.DesignEditorScene key={route.docId} docId={route.docId} />;
    case 'traject':
      return <scenes.TrajectScene key={route.trajectId} trajectId={route.trajectId} />;
    case 'library':
      return <scenes.LibraryScene />;
    case 'templateVersion':
      return <scenes.TemplateVersionScene key={route.versionId} versionId={route.versionId} />;
    case 'templateDiff':
      return (
        <scenes.TemplateDiffScene
          key={`${route.versionId}/${route.otherId}`}
          versionId={route.versionId}
          otherId={route.otherId}
        />
      );
    case 'catalog':
      return <scenes.CatalogScene />;
    case 'search':
      return <scenes.SearchScene />;
    case 'catalogEntry':
      return <scenes.CatalogEntryScene key={route.id} id={route.id} />;
    case 'versionEditor':
      return (
        <scenes.VersionEditorScene
          key={`${route.docId}/${route.versionId}`}
          docId={route.docId}
          versionId={route.versionId}
        />
      );
    case 'certificate':
      return <scenes.CertificateScene key={`${route.of}:${route.id}`} of={route.of} id={route.id} />;
    case 'rounds':
      return <scenes.RoundsScene key={route.docId} docId={route.docId} />;
    case 'roundManage':
      return <scenes.RoundManageScene key={route.roundId} docId={route.docId} roundId={route.roundId} />;
    case 'review':
      return <scenes.ReviewScene key={route.roundId} roundId={route.roundId} />;
    case 'roundLink':
      return <scenes.RoundLinkScene key={route.token} token={route.token} />;
    case 'catalogTraject':
      return <scenes.CatalogTrajectScene key={route.id} id={route.id} />;
    case 'externalReview':
      return <scenes.ExternalReviewScene key={route.assignmentId} assignmentId={route.assignmentId} />;
    case 'notFound':
      return <NotFoundScene kind="page" />;
  }
}
