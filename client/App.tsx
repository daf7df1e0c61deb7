import { lazy, Suspense, useEffect, useRef } from 'react';
import { AppHeader } from './components/AppHeader';
import { Main } from './components/Main';
import { useT } from './i18n/I18nProvider';
import { matchRoute, usePathname } from './routing/router';
import { AccountScene } from './scenes/Account/AccountScene';
import { LoginScene } from './scenes/Auth/LoginScene';
import { SignupScene } from './scenes/Auth/SignupScene';
import { CatalogEntryScene } from './scenes/Catalog/CatalogEntryScene';
import { CatalogTrajectScene } from './scenes/Catalog/CatalogTrajectScene';
import { CatalogScene } from './scenes/Catalog/CatalogScene';
import { HomeScene } from './scenes/Home/HomeScene';
import { AcceptInviteScene } from './scenes/Invite/AcceptInviteScene';
import { LibraryScene } from './scenes/Library/LibraryScene';
import { RoundLinkScene } from './rounds/RoundLinkScene';
import { RoundManageScene } from './rounds/RoundManageScene';
import { RoundsScene } from './rounds/RoundsScene';
import { NotFoundScene } from './scenes/NotFound/NotFoundScene';
import { TeamScene } from './scenes/Team/TeamScene';
import { TemplateDiffScene } from './scenes/TemplateDiff/TemplateDiffScene';
import { TrajectScene } from './scenes/Traject/TrajectScene';
import { TemplateVersionScene } from './scenes/TemplateVersion/TemplateVersionScene';

// The editor (Tiptap, ProseMirror, Yjs) is most of the bundle; the other pages do not need it.
const DocumentEditorScene = lazy(() =>
  import('./scenes/DocumentEditor/DocumentEditorScene').then((module) => ({
    default: module.DocumentEditorScene,
  })),
);

const OntwikkelpadEditorScene = lazy(() =>
  import('./scenes/OntwikkelpadEditor/OntwikkelpadEditorScene').then((module) => ({
    default: module.OntwikkelpadEditorScene,
  })),
);

const DesignEditorScene = lazy(() =>
  import('./scenes/DesignEditor/DesignEditorScene').then((module) => ({
    default: module.DesignEditorScene,
  })),
);

// A version or a round's frozen version in the real (read-only) editor: the editor chunk as well.
const VersionEditorScene = lazy(() =>
  import('./rounds/VersionEditorScene').then((module) => ({ default: module.VersionEditorScene })),
);

const ReviewScene = lazy(() =>
  import('./rounds/ReviewScene').then((module) => ({ default: module.ReviewScene })),
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
    case 'invite':
      return <AcceptInviteScene key={route.token} token={route.token} />;
    case 'document':
      return (
        <Suspense fallback={<EditorChunkLoading />}>
          <DocumentEditorScene key={route.id} id={route.id} />
        </Suspense>
      );
    case 'ontwikkelpadDraft':
      return (
        <Suspense fallback={<EditorChunkLoading />}>
          <OntwikkelpadEditorScene key={route.docId} docId={route.docId} />
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
