import { lazy, Suspense, useEffect, useRef } from 'react';
import { AppHeader } from './app/AppHeader';
import { Main } from './app/Main';
import { useT } from './i18n/I18nProvider';
import { matchRoute, usePathname } from './app/router';
import { AccountScene } from './features/account/AccountScene';
import { LoginScene } from './features/auth/LoginScene';
import { SignupScene } from './features/auth/SignupScene';
import { PasswordResetScene } from './features/auth/PasswordResetScene';
import { CatalogEntryScene } from './features/catalog/CatalogEntryScene';
import { CatalogTrajectScene } from './features/catalog/CatalogTrajectScene';
import { CatalogScene } from './features/catalog/CatalogScene';
import { HomeScene } from './features/home/HomeScene';
import { AcceptInviteScene } from './features/invites/AcceptInviteScene';
import { LibraryScene } from './features/templates/LibraryScene';
import { RoundLinkScene } from './features/rounds/RoundLinkScene';
import { RoundManageScene } from './features/rounds/RoundManageScene';
import { RoundsScene } from './features/rounds/RoundsScene';
import { NotFoundScene } from './app/NotFoundScene';
import { TeamScene } from './features/teams/TeamScene';
import { TemplateDiffScene } from './features/templates/diff/TemplateDiffScene';
import { TrajectScene } from './features/trajects/TrajectScene';
import { TemplateVersionScene } from './features/templates/version/TemplateVersionScene';

// The editor (Tiptap, ProseMirror, Yjs) is most of the bundle; the other pages do not need it.
const DocumentEditorScene = lazy(() =>
  import('./features/documents/DocumentEditorScene').then((module) => ({
    default: module.DocumentEditorScene,
  })),
);

const TemplateEditorScene = lazy(() =>
  import('./features/templates/editor/TemplateEditorScene').then((module) => ({
    default: module.TemplateEditorScene,
  })),
);

const DesignEditorScene = lazy(() =>
  import('./features/designs/DesignEditorScene').then((module) => ({
    default: module.DesignEditorScene,
  })),
);

// A version or a round's frozen version in the real (read-only) editor: the editor chunk as well.
const VersionEditorScene = lazy(() =>
  import('./features/rounds/VersionEditorScene').then((module) => ({ default: module.VersionEditorScene })),
);

const ReviewScene = lazy(() =>
  import('./features/rounds/ReviewScene').then((module) => ({ default: module.ReviewScene })),
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
    case 'home':
      return <HomeScene />;
    case 'login':
      return <LoginScene />;
    case 'signup':
      return <SignupScene />;
    case 'account':
      return <AccountScene />;
    case 'team':
      return <TeamScene key={route.teamId} teamId={route.teamId} />;
    case 'passwordReset':
      return <PasswordResetScene key={route.token} token={route.token} />;
    case 'invite':
      return <AcceptInviteScene key={route.token} token={route.token} />;
    case 'document':
      return (
        <Suspense fallback={<EditorChunkLoading />}>
          <DocumentEditorScene key={route.id} id={route.id} />
        </Suspense>
      );
    case 'templateDraft':
      return (
        <Suspense fallback={<EditorChunkLoading />}>
          <TemplateEditorScene key={route.docId} docId={route.docId} />
        </Suspense>
      );
    case 'design':
      return (
        <Suspense fallback={<EditorChunkLoading />}>
          <DesignEditorScene key={route.docId} docId={route.docId} />
        </Suspense>
      );
    case 'traject':
      return <TrajectScene key={route.trajectId} trajectId={route.trajectId} />;
    case 'library':
      return <LibraryScene />;
    case 'templateVersion':
      return <TemplateVersionScene key={route.versionId} versionId={route.versionId} />;
    case 'templateDiff':
      return (
        <TemplateDiffScene
          key={`${route.versionId}/${route.otherId}`}
          versionId={route.versionId}
          otherId={route.otherId}
        />
      );
    case 'catalog':
      return <CatalogScene />;
    case 'catalogEntry':
      return <CatalogEntryScene key={route.id} id={route.id} />;
    case 'versionEditor':
      return (
        <Suspense fallback={<EditorChunkLoading />}>
          <VersionEditorScene
            key={`${route.docId}/${route.versionId}`}
            docId={route.docId}
            versionId={route.versionId}
          />
        </Suspense>
      );
    case 'rounds':
      return <RoundsScene key={route.docId} docId={route.docId} />;
    case 'roundManage':
      return <RoundManageScene key={route.roundId} docId={route.docId} roundId={route.roundId} />;
    case 'review':
      return (
        <Suspense fallback={<EditorChunkLoading />}>
          <ReviewScene key={route.roundId} roundId={route.roundId} />
        </Suspense>
      );
    case 'roundLink':
      return <RoundLinkScene key={route.token} token={route.token} />;
    case 'catalogTraject':
      return <CatalogTrajectScene key={route.id} id={route.id} />;
    case 'notFound':
      return <NotFoundScene kind="page" />;
  }
}
