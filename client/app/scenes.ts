import { lazy } from 'react';

// Every page but the sign-in pages (the first thing a new visitor sees) loads on demand: the first
// visit downloads only what /inloggen needs. The editor (Tiptap, ProseMirror, Yjs) is most of the
// bundle; pages that share code (zod, the API hooks) share a chunk Vite splits off for them.

export const HomeScene = lazy(() =>
  import('../features/home/HomeScene').then((module) => ({ default: module.HomeScene })),
);
export const AccountScene = lazy(() =>
  import('../features/account/AccountScene').then((module) => ({ default: module.AccountScene })),
);
export const TeamScene = lazy(() =>
  import('../features/teams/TeamScene').then((module) => ({ default: module.TeamScene })),
);
export const AcceptInviteScene = lazy(() =>
  import('../features/invites/AcceptInviteScene').then((module) => ({ default: module.AcceptInviteScene })),
);
export const TrajectScene = lazy(() =>
  import('../features/trajects/TrajectScene').then((module) => ({ default: module.TrajectScene })),
);
export const LibraryScene = lazy(() =>
  import('../features/templates/LibraryScene').then((module) => ({ default: module.LibraryScene })),
);
export const TemplateVersionScene = lazy(() =>
  import('../features/templates/version/TemplateVersionScene').then((module) => ({
    default: module.TemplateVersionScene,
  })),
);
export const TemplateDiffScene = lazy(() =>
  import('../features/templates/diff/TemplateDiffScene').then((module) => ({
    default: module.TemplateDiffScene,
  })),
);
export const CatalogScene = lazy(() =>
  import('../features/catalog/CatalogScene').then((module) => ({ default: module.CatalogScene })),
);
export const CatalogEntryScene = lazy(() =>
  import('../features/catalog/CatalogEntryScene').then((module) => ({ default: module.CatalogEntryScene })),
);
export const CatalogTrajectScene = lazy(() =>
  import('../features/catalog/CatalogTrajectScene').then((module) => ({
    default: module.CatalogTrajectScene,
  })),
);
export const RoundsScene = lazy(() =>
  import('../features/rounds/RoundsScene').then((module) => ({ default: module.RoundsScene })),
);
export const RoundManageScene = lazy(() =>
  import('../features/rounds/RoundManageScene').then((module) => ({ default: module.RoundManageScene })),
);
export const RoundLinkScene = lazy(() =>
  import('../features/rounds/RoundLinkScene').then((module) => ({ default: module.RoundLinkScene })),
);

// The editor scenes: each needs the editor chunk as well.
export const DocumentEditorScene = lazy(() =>
  import('../features/documents/DocumentEditorScene').then((module) => ({
    default: module.DocumentEditorScene,
  })),
);
export const TemplateEditorScene = lazy(() =>
  import('../features/templates/editor/TemplateEditorScene').then((module) => ({
    default: module.TemplateEditorScene,
  })),
);
export const DesignEditorScene = lazy(() =>
  import('../features/designs/DesignEditorScene').then((module) => ({ default: module.DesignEditorScene })),
);
// A version or a round's frozen version in the real (read-only) editor.
export const VersionEditorScene = lazy(() =>
  import('../features/rounds/VersionEditorScene').then((module) => ({ default: module.VersionEditorScene })),
);
export const ReviewScene = lazy(() =>
  import('../features/rounds/ReviewScene').then((module) => ({ default: module.ReviewScene })),
);
