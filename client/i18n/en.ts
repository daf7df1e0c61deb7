import type { Messages } from './nl';

/** English messages; the type forces exactly the keys of `nl.ts`. */
export const en: Messages = {
  'app.name': 'Werkplaats',
  'app.skipToContent': 'Skip to content',
  'app.homeLink': 'Werkplaats — go to the start page',
  'app.loading': 'Loading…',

  'language.groupLabel': 'Language',
  'language.nl': 'NL — Nederlands',
  'language.en': 'EN — English',

  'identity.nameLabel': 'Your name',

  'error.title': 'Something went wrong',
  'error.body': 'This page could not be shown. Reload the page; your changes are kept on this device.',
  'error.reload': 'Reload page',
  'error.network': 'No connection to the server. Check your internet connection and try again.',
  'error.unknown': 'Something went wrong ({status}). Please try again.',

  'list.pageTitle': 'Documents',
  'list.heading': 'Documents',
  'list.loading': 'Loading documents…',
  'list.empty': 'There are no documents yet. Create your first document above.',
  'list.allHeading': 'All documents',
  'list.untitled': 'Untitled document',
  'list.updatedAt': 'Last changed',
  'list.retry': 'Try again',
  'list.newHeading': 'New document',
  'list.titleLabel': 'Title',
  'list.titleHint': 'Optional — you can change the title later.',
  'list.create': 'Create new document',
  'list.creating': 'Creating…',

  'notFound.pageTitle': 'Not found',
  'notFound.heading': 'Document not found',
  'notFound.body': 'This document does not exist (any more), or the link was not copied completely.',
  'notFound.pageHeading': 'Page not found',
  'notFound.pageBody': 'There is no page at this address.',
  'notFound.back': 'To all documents',

  'editor.back': 'All documents',
  'editor.titleLabel': 'Title',
  'editor.loading': 'Loading document…',
  'editor.noSections': 'This document has no sections yet.',
  'editor.presenceLabel': 'In this document now',
  'editor.presenceYou': '{name} (you)',
  'editor.anonymous': 'Anonymous',

  'status.saved': 'Saved',
  'status.saving': 'Saving…',
  'status.offline': 'Offline — your changes are kept',

  'toolbar.label': 'Formatting for {section}',
  'toolbar.bold': 'Bold',
  'toolbar.italic': 'Italic',
  'toolbar.heading': 'Subheading H3',
  'toolbar.bulletList': 'Bulleted list',
  'toolbar.orderedList': 'Numbered list',
  'toolbar.undo': 'Undo',
  'toolbar.redo': 'Redo',
};
