import { randomUUID } from 'node:crypto';
import type { BrowserContext } from 'playwright-core';
import { EXAMPLE_CRITERIA } from '../../../shared/domain/review';
import { makeDesignGreen } from '../../support/designFixtures';
import { addActivity } from '../../../shared/editor/designDoc';
import { editDraft, editDraftOutcome, toggleOutcome } from '../../support/yclient';
import {
  addMemberViaApi,
  api,
  createDocumentViaApi,
  createTeamViaApi,
  exampleTemplate,
  newSignedInContext,
  type BrowserHarness,
} from '../helpers';
import { approveViaCommittee, sharedCommittee } from '../committee';

/**
 * A populated world for page-by-page checks and screenshots: two teams, a design with content and
 * comments, an ontwikkelpad draft published twice, feedback rounds with a reviewer, a traject, the
 * catalog, a committee's review and certificates. Everything goes through the real API (and the
 * WebSocket for document content), except the database shortcuts of committee.ts.
 */

/** Who looks at a page: each has its own browser context (cookies). */
export type Persona = 'anonymous' | 'owner' | 'reviewer' | 'committee';

/** One page of the tour. */
export interface TourPage {
  /** Short, file-name-safe name (screenshots, failure reports). */
  name: string;
  path: string;
  /** A selector that shows once the page's content has loaded. */
  ready: string;
  as: Persona;
  /** Clicked after `ready`: a panel or popover shown over the page (it then counts as its own page). */
  open?: string;
  /** Shown once `open` was clicked. */
  opened?: string;
}

/** The world and the pages to visit. */
export interface Tour {
  contexts: Record<Persona, BrowserContext>;
  pages: TourPage[];
}

async function cookieOf(context: BrowserContext): Promise<string> {
  const cookies = await context.cookies();
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}

const inAWeek = () => new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();

/** Builds the world through `harness`'s server and lists every page of the app with it. */
export async function buildTour(harness: BrowserHarness): Promise<Tour> {
  const url = harness.server.url;
  const wsUrl = `${url.replace(/^http/, 'ws')}/collab`;
  const ada = await newSignedInContext(harness, 'Ada Langenaam-Vandenberghe');
  const bram = await newSignedInContext(harness, 'Bram');
  const lea = await newSignedInContext(harness, 'Lea Leraar');
  const anonymous = await harness.newContext();
  const committee = await sharedCommittee(harness);
  const cookie = { cookie: await cookieOf(ada.context) };
  const call = <T = unknown>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) =>
    api<T>(ada.context, url, method, path, body);

  // Two teams: a co-creatieteam (with Bram) and an atelier that writes an ontwikkelpad.
  const example = await exampleTemplate(ada.context, url);
  const teamId = await createTeamViaApi(ada.context, url, 'Co-creatielab Zuid-Limburg en Omstreken');
  await addMemberViaApi(ada.context, url, teamId, bram.user.email, 'editor');
  const atelierId = await createTeamViaApi(ada.context, url, 'Atelier Curriculumontwikkeling', 'atelier');

  // The ontwikkelpad: published 1.0, changed, published 2.0 (a diff), the draft stays open.
  const { id: draftId } = await call<{ id: string }>('POST', '/api/templates/drafts', {
    teamId: atelierId,
    fromVersionId: example.id,
  });
  const first = await call<{ id: string }>('POST', `/api/templates/drafts/${draftId}/publish`, {
    changeNote: 'Eerste versie van het atelier.',
  });
  await editDraft(wsUrl, draftId, cookie, (doc) =>
    editDraftOutcome(doc, 'sc-wat-1', { description: 'Ontwerpt een samenhangende leerlijn met de sectie.' }),
  );
  const second = await call<{ id: string }>('POST', `/api/templates/drafts/${draftId}/publish`, {
    changeNote: 'Leeruitkomst 1 aangescherpt.',
  });

  // The design: content in several parts, comments on the whole and on a leeruitkomst.
  const design = async (title: string) =>
    (await call<{ id: string }>('POST', '/api/designs', { teamId, title, templateId: example.id })).id;
  const designId = await design('Curriculum samen maken met de hele sectie en de schoolleiding');
  await editDraft(wsUrl, designId, cookie, (doc) => {
    makeDesignGreen(doc, ['sc-wat-1', 'sc-wat-2']);
    toggleOutcome(doc, 'sc-hoe-1', true);
    addActivity(doc, { title: 'Lesbezoek bij een collega', kind: 'intervisie', mode: 'formeel', hours: 8 });
  });
  await api(bram.context, url, 'POST', `/api/documents/${designId}/comments`, {
    anchor: null,
    body: 'Mooi begin! Zullen we de leerlijn vrijdag met de sectie bespreken?',
  });
  await call('POST', `/api/documents/${designId}/comments`, {
    anchor: { type: 'item', itemKind: 'outcome', itemId: 'sc-wat-1', label: 'Leerlijn' },
    body: 'Het bewijs hierbij kan concreter: welke lessen horen erbij?',
  });
  const version = await call<{ id: string }>('POST', `/api/documents/${designId}/versions`, {
    label: 'Voor feedback',
  });

  // Feedback: a closed, triaged round (the summary) and an open one Lea reviews through a link.
  const openRound = (title: string) =>
    call<{ id: string; criteria: Array<{ id: string }> }>('POST', `/api/documents/${designId}/rounds`, {
      versionId: version.id,
      title,
      deadline: inAWeek(),
    });
  const joinAndAnswer = async (round: { id: string; criteria: Array<{ id: string }> }) => {
    const link = await call<{ token: string }>('POST', `/api/rounds/${round.id}/links`, {});
    await api(lea.context, url, 'POST', `/api/round-links/${link.token}/accept`);
    await api(lea.context, url, 'PUT', `/api/rounds/${round.id}/responses`, {
      answers: [{ criterionId: round.criteria[0]!.id, score: 3, text: 'Goed bruikbaar in de klas.' }],
      submit: true,
      perspective: 'leraar',
    });
    return link.token;
  };
  const closed = await openRound('Feedback van leraren uit de onderbouw');
  await joinAndAnswer(closed);
  await call('POST', `/api/rounds/${closed.id}/close`);
  const summary = await call<{ items: Array<{ kind: string; id: string }> }>(
    'GET',
    `/api/rounds/${closed.id}/summary`,
  );
  for (const item of summary.items.slice(1)) {
    await call('PUT', `/api/rounds/${closed.id}/triage`, {
      itemKind: item.kind,
      itemId: item.id,
      decision: 'verwerkt',
      reason: 'Overgenomen in de volgende versie.',
    });
  }
  const open = await openRound('Tweede ronde');
  const roundToken = await joinAndAnswer(open);

  // The catalog: an approved design, and a traject of it approved too.
  const approvedId = await design('Onderzoeksmatig werken aan curriculumvernieuwing');
  // Every leeruitkomst of the example, so the traject of it alone covers them all (approvable).
  const outcomes = ['sc-wat-1', 'sc-wat-2', 'sc-wat-3', 'sc-hoe-1', 'sc-hoe-2', 'sc-hoe-3'];
  await editDraft(wsUrl, approvedId, cookie, (doc) => makeDesignGreen(doc, outcomes));
  await approveViaCommittee(harness, approvedId);
  const traject = async (title: string) =>
    (
      await call<{ id: string }>('POST', '/api/trajects', {
        teamId,
        title,
        templateVersionId: example.id,
      })
    ).id;
  const trajectId = await traject('Curriculumspecialist in één jaar');
  await call('PUT', `/api/trajects/${trajectId}/items`, {
    items: [{ designId: approvedId }, { designId }],
  });
  const catalogTrajectId = await traject('Curriculumvernieuwing in de onderbouw');
  await call('PUT', `/api/trajects/${catalogTrajectId}/items`, { items: [{ designId: approvedId }] });
  await harness.server.deps.database.db
    .updateTable('trajects')
    .set({ status: 'aangemeld-externe-toetsing' })
    .where('id', '=', catalogTrajectId)
    .execute();
  await call('POST', `/api/trajects/${catalogTrajectId}/status`, { to: 'goedgekeurd' });

  // A design waiting in the committee's queue (its review page).
  const submittedId = await design('Feedback geven in de klas');
  await editDraft(wsUrl, submittedId, cookie, (doc) => makeDesignGreen(doc, ['sc-wat-1']));
  await harness.server.deps.database.db
    .updateTable('designs')
    .set({ status: 'aangemeld-externe-toetsing' })
    .where('doc_id', '=', submittedId)
    .execute();
  const assignmentId = randomUUID();
  await harness.server.deps.stores.reviews.insert({
    id: assignmentId,
    docId: submittedId,
    reviewTeamId: committee.teamId,
    versionId: null,
    criteria: EXAMPLE_CRITERIA,
    submittedBy: ada.user.id,
  });

  const documentId = await createDocumentViaApi(ada.context, url, teamId, 'Verslag van de studiedag');
  const invite = await call<{ token: string }>('POST', `/api/teams/${teamId}/invites`, { role: 'editor' });

  const h1 = 'main h1';
  const pages: TourPage[] = [
    { name: 'landing', path: '/', ready: h1, as: 'anonymous' },
    { name: 'login', path: '/inloggen', ready: 'form', as: 'anonymous' },
    { name: 'signup', path: '/aanmelden', ready: 'form', as: 'anonymous' },
    { name: 'forgot-password', path: '/wachtwoord-vergeten', ready: h1, as: 'anonymous' },
    { name: 'password-reset', path: '/wachtwoord-herstellen/onbekend', ready: h1, as: 'anonymous' },
    { name: 'unsubscribe', path: '/afmelden/onbekend', ready: h1, as: 'anonymous' },
    {
      name: 'invite',
      path: `/uitnodiging/${invite.token}`,
      ready: '[data-testid="invite-details"]',
      as: 'anonymous',
    },
    { name: 'round-link', path: `/feedback/${roundToken}`, ready: h1, as: 'anonymous' },
    { name: 'catalog', path: '/catalogus', ready: '[data-testid="catalog-item"]', as: 'anonymous' },
    { name: 'catalog-entry', path: `/catalogus/${approvedId}`, ready: h1, as: 'anonymous' },
    {
      name: 'catalog-traject',
      path: `/catalogus/trajecten/${catalogTrajectId}`,
      ready: '[data-testid="catalog-traject-item"]',
      as: 'anonymous',
    },
    { name: 'not-found', path: '/bestaat-niet', ready: h1, as: 'anonymous' },
    { name: 'teams', path: '/', ready: '[data-testid="team-card"]', as: 'owner' },
    {
      name: 'notifications',
      path: '/',
      ready: '[data-testid="team-card"]',
      as: 'owner',
      open: '[data-testid="notifications-button"]',
      opened: '[data-testid="notifications-popover"]',
    },
    { name: 'team', path: `/teams/${teamId}`, ready: '[data-testid="team-designs"]', as: 'owner' },
    { name: 'design', path: `/ontwerpen/${designId}`, ready: '[data-testid="design-outcome"]', as: 'owner' },
    {
      name: 'design-comments',
      path: `/ontwerpen/${designId}`,
      ready: '[data-testid="design-outcome"]',
      as: 'owner',
      open: '[data-testid="comments-toggle"][aria-expanded="false"]',
      opened: '[data-testid="comment-thread"]',
    },
    {
      name: 'design-versions',
      path: `/ontwerpen/${designId}`,
      ready: '[data-testid="design-outcome"]',
      as: 'owner',
      open: '[data-testid="versions-open"]',
      opened: '[data-testid="versions-dialog"] li',
    },
    { name: 'document', path: `/d/${documentId}`, ready: '[data-testid="section-editor"]', as: 'owner' },
    {
      name: 'ontwikkelpad-draft',
      path: `/ontwikkelpaden/${draftId}`,
      ready: '[data-testid="draft-title"]',
      as: 'owner',
    },
    { name: 'library', path: '/bibliotheek', ready: '[data-testid="library-item"]', as: 'owner' },
    {
      name: 'template-version',
      path: `/bibliotheek/${second.id}`,
      ready: '[data-testid="version-title"]',
      as: 'owner',
    },
    {
      name: 'template-diff',
      path: `/bibliotheek/${second.id}/vergelijk/${first.id}`,
      ready: '[data-testid="diff-range"]',
      as: 'owner',
    },
    {
      name: 'rounds',
      path: `/ontwerpen/${designId}/feedback`,
      ready: '[data-testid="round-item"]',
      as: 'owner',
    },
    {
      name: 'round-manage',
      path: `/ontwerpen/${designId}/feedback/${open.id}`,
      ready: '[data-testid="round-heading"]',
      as: 'owner',
    },
    {
      name: 'round-triage',
      path: `/ontwerpen/${designId}/feedback/${closed.id}`,
      ready: '[data-testid="round-heading"]',
      as: 'owner',
    },
    {
      name: 'version-editor',
      path: `/ontwerpen/${designId}/versies/${version.id}`,
      ready: '[data-testid="version-banner"]',
      as: 'owner',
    },
    { name: 'traject', path: `/trajecten/${trajectId}`, ready: '[data-testid="matrix-cell"]', as: 'owner' },
    {
      name: 'design-certificate',
      path: `/ontwerpen/${designId}/certificaat`,
      ready: '[data-testid="certificate-title"]',
      as: 'owner',
    },
    {
      name: 'traject-certificate',
      path: `/trajecten/${trajectId}/certificaat`,
      ready: '[data-testid="certificate-title"]',
      as: 'owner',
    },
    { name: 'account', path: '/account', ready: h1, as: 'owner' },
    { name: 'search', path: '/zoeken?q=curriculum', ready: '[data-testid="search-result"]', as: 'owner' },
    { name: 'review', path: `/ronde/${open.id}`, ready: '[data-testid="review-heading"]', as: 'reviewer' },
    {
      name: 'review-summary',
      path: `/ronde/${closed.id}`,
      ready: '[data-testid="review-heading"]',
      as: 'reviewer',
    },
    { name: 'committee-team', path: `/teams/${committee.teamId}`, ready: h1, as: 'committee' },
    {
      name: 'committee-review',
      path: `/toetsing/${assignmentId}`,
      ready: '[data-testid="review-state"]',
      as: 'committee',
    },
  ];
  return {
    contexts: { anonymous, owner: ada.context, reviewer: lea.context, committee: committee.context },
    pages,
  };
}
