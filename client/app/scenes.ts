import { lazy } from 'react';
import type { Route } from './router';

// Every page but the sign-in pages (the first thing a new visitor sees) loads on demand: the first
// visit downloads only what /inloggen needs. The editor (Tiptap, ProseMirror, Yjs) is most of the
// bundle; pages that share code (zod, the API hooks) share a chunk Vite splits off for them.
const loaders = {
  home: () => import('../features/home/HomeScene'),
  account: () => import('../features/account/AccountScene'),
  team: () => import('../features/teams/TeamScene'),
  invite: () => import('../features/invites/AcceptInviteScene'),
  passwordReset: () => import('../features/auth/PasswordResetScene'),
  forgotPassword: () => import('../features/auth/ForgotPasswordScene'),
  unsubscribe: () => import('../features/account/UnsubscribeScene'),
  traject: () => import('../features/trajects/TrajectScene'),
  library: () => import('../features/templates/LibraryScene'),
  templateVersion: () => import('../features/templates/version/TemplateVersionScene'),
  templateDiff: () => import('../features/templates/diff/TemplateDiffScene'),
  catalog: () => import('../features/catalog/CatalogScene'),
  search: () => import('../features/search/SearchScene'),
  catalogEntry: () => import('../features/catalog/CatalogEntryScene'),
  catalogTraject: () => import('../features/catalog/CatalogTrajectScene'),
  rounds: () => import('../features/rounds/RoundsScene'),
  roundManage: () => import('../features/rounds/RoundManageScene'),
  roundLink: () => import('../features/rounds/RoundLinkScene'),
  // The editor scenes: each needs the editor chunk as well.
  document: () => import('../features/documents/DocumentEditorScene'),
  templateDraft: () => import('../features/templates/editor/TemplateEditorScene'),
  design: () => import('../features/designs/DesignEditorScene'),
  // A version or a round's frozen version in the real (read-only) editor.
  versionEditor: () => import('../features/rounds/VersionEditorScene'),
  review: () => import('../features/rounds/ReviewScene'),
  certificate: () => import('../features/certificates/CertificateScene'),
  externalReview: () => import('../features/review/ExternalReviewScene'),
} satisfies Partial<Record<Route['name'], () => Promise<unknown>>>;

/**
 * Starts fetching the chunk of `route`'s page, so it arrives alongside the language catalog
 * instead of after it (the page itself asks for it only once it renders).
 */
export function preloadScene(route: Route): void {
  const load = (loaders as Partial<Record<Route['name'], () => Promise<unknown>>>)[route.name];
  // A failure shows when the page renders and asks again (reloadOnStaleChunks).
  load?.().catch(() => undefined);
}

export const HomeScene = lazy(() => loaders.home().then((module) => ({ default: module.HomeScene })));
export const AccountScene = lazy(() =>
  loaders.account().then((module) => ({ default: module.AccountScene })),
);
export const TeamScene = lazy(() => loaders.team().then((module) => ({ default: module.TeamScene })));
export const AcceptInviteScene = lazy(() =>
  loaders.invite().then((module) => ({ default: module.AcceptInviteScene })),
);
export const PasswordResetScene = lazy(() =>
  loaders.passwordReset().then((module) => ({ default: module.PasswordResetScene })),
);
export const ForgotPasswordScene = lazy(() =>
  loaders.forgotPassword().then((module) => ({ default: module.ForgotPasswordScene })),
);
export const UnsubscribeScene = lazy(() =>
  loaders.unsubscribe().then((module) => ({ default: module.UnsubscribeScene })),
);
export const TrajectScene = lazy(() =>
  loaders.traject().then((module) => ({ default: module.TrajectScene })),
);
export const LibraryScene = lazy(() =>
  loaders.library().then((module) => ({ default: module.LibraryScene })),
);
export const TemplateVersionScene = lazy(() =>
  loaders.templateVersion().then((module) => ({ default: module.TemplateVersionScene })),
);
export const TemplateDiffScene = lazy(() =>
  loaders.templateDiff().then((module) => ({ default: module.TemplateDiffScene })),
);
export const CatalogScene = lazy(() =>
  loaders.catalog().then((module) => ({ default: module.CatalogScene })),
);
export const CatalogEntryScene = lazy(() =>
  loaders.catalogEntry().then((module) => ({ default: module.CatalogEntryScene })),
);
export const CatalogTrajectScene = lazy(() =>
  loaders.catalogTraject().then((module) => ({ default: module.CatalogTrajectScene })),
);
export const RoundsScene = lazy(() => loaders.rounds().then((module) => ({ default: module.RoundsScene })));
export const RoundManageScene = lazy(() =>
  loaders.roundManage().then((module) => ({ default: module.RoundManageScene })),
);
export const RoundLinkScene = lazy(() =>
  loaders.roundLink().then((module) => ({ default: module.RoundLinkScene })),
);
export const DocumentEditorScene = lazy(() =>
  loaders.document().then((module) => ({ default: module.DocumentEditorScene })),
);
export const TemplateEditorScene = lazy(() =>
  loaders.templateDraft().then((module) => ({ default: module.TemplateEditorScene })),
);
export const DesignEditorScene = lazy(() =>
  loaders.design().then((module) => ({ default: module.DesignEditorScene })),
);
export const VersionEditorScene = lazy(() =>
  loaders.versionEditor().then((module) => ({ default: module.VersionEditorScene })),
);
export const ReviewScene = lazy(() => loaders.review().then((module) => ({ default: module.ReviewScene })));
export const SearchScene = lazy(() => loaders.search().then((module) => ({ default: module.SearchScene })));
export const CertificateScene = lazy(() =>
  loaders.certificate().then((module) => ({ default: module.CertificateScene })),
);
export const ExternalReviewScene = lazy(() =>
  loaders.externalReview().then((module) => ({ default: module.ExternalReviewScene })),
);
