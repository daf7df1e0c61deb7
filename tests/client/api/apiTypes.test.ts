import type { InferRequestType, InferResponseType } from 'hono/client';
import { describe, expectTypeOf, it } from 'vitest';
import type { Capability, Role, TeamKind } from '../../../shared/domain/roles';
import type { DocumentSummary } from '../../../shared/schemas/documents';
import type { CommentThread, Round } from '../../../shared/schemas/rounds';
import { getMe, signup, type CurrentUser } from '../../../client/features/account/accountApi';
import type { CatalogEntry, CatalogItem } from '../../../client/features/catalog/catalogApi';
import { api } from '../../../client/api/client';
import { listThreads } from '../../../client/features/comments/commentsApi';
import {
  createDesign,
  getDesign,
  type DesignInfo,
  type TrajectDetail,
  type TrajectSummary,
} from '../../../client/features/designs/designsApi';
import {
  createDocument,
  getDocument,
  type DocumentWithAccess,
} from '../../../client/features/documents/documentsApi';
import type { InviteInfo } from '../../../client/features/invites/invitesApi';
import type { NotificationList } from '../../../client/features/notifications/notificationsApi';
import {
  getRound,
  type CriterionInput,
  type DirectoryTeam,
  type RoundLinkInfo,
} from '../../../client/features/rounds/roundsApi';
import {
  addMember,
  createTeam,
  listMembers,
  type AuditEvent,
  type CreatedInvite,
  type Invite,
  type Member,
  type MyTeam,
  type TeamWithAccess,
} from '../../../client/features/teams/teamsApi';
import {
  listTemplates,
  type PublishPreview,
  type TemplateDiff,
  type TemplateDraft,
  type TemplateVersionDetail,
  type TemplateVersionSummary,
} from '../../../client/features/templates/templatesApi';
import {
  getVersion,
  listVersions,
  saveVersion,
  type DesignStatusInfo,
  type StatusMove,
  type VersionDetail,
  type VersionDiff,
  type VersionSummary,
} from '../../../client/features/versions/versionsApi';
import type { VersionProjection } from '../../../shared/domain/versions/projection';
import type {
  CatalogTrajectEntry,
  CatalogTrajectItem,
} from '../../../client/features/catalog/catalogTrajects';
import type {
  TrajectItemView,
  TrajectStatusInfo,
  TrajectVersion,
  TrajectView,
} from '../../../client/features/trajects/trajectsApi';

// Checked by `npm run check` (tsc over tests/): a route whose answer or body no longer matches what
// the client and its callers rely on fails here, by name, instead of somewhere in the UI. At run
// time these assertions do nothing.

describe('the wire contract, as the routes type it', () => {
  it('GET /api/me, signup and login answer { id, email, name }', () => {
    expectTypeOf<CurrentUser>().toEqualTypeOf<{ id: string; email: string; name: string }>();
    expectTypeOf(getMe).returns.resolves.toEqualTypeOf<CurrentUser>();
    expectTypeOf(signup).returns.resolves.toEqualTypeOf<CurrentUser>();
  });

  it('POST /api/teams takes { name, kind } and answers { id }', () => {
    expectTypeOf(createTeam).parameter(0).toExtend<{ name: string; kind: TeamKind }>();
    expectTypeOf(createTeam).returns.resolves.toEqualTypeOf<{ id: string }>();
  });

  it('POST /api/teams/:teamId/members takes { email, role }', () => {
    expectTypeOf(addMember).parameter(1).toEqualTypeOf<{ email: string; role: Role }>();
  });

  it('POST /api/designs and /api/documents answer { id, docId }', () => {
    expectTypeOf(createDesign).returns.resolves.toExtend<{ id: string; docId: string }>();
    expectTypeOf(createDocument).returns.resolves.toEqualTypeOf<{ id: string; docId: string }>();
  });

  it('the versions of a document: list, snapshot, one version with its projection', () => {
    expectTypeOf(listVersions).returns.resolves.items.toExtend<{
      id: string;
      label: string;
      createdAt: string;
    }>();
    expectTypeOf(saveVersion).returns.resolves.toEqualTypeOf<{ id: string; unchanged: boolean }>();
    expectTypeOf(getVersion).returns.resolves.toHaveProperty('json').toEqualTypeOf<VersionProjection>();
  });

  it('GET /api/templates lists published versions with { id, title, version }', () => {
    expectTypeOf(listTemplates).returns.resolves.items.toExtend<{
      id: string;
      title: string;
      version: string;
    }>();
  });
});

describe('what the scenes rely on', () => {
  it('a document and a design carry the caller’s role and capabilities', () => {
    expectTypeOf(getDocument).returns.resolves.toExtend<
      DocumentSummary & { role: Role; capabilities: Capability[] }
    >();
    expectTypeOf(getDesign).returns.resolves.toExtend<{
      docId: string;
      role: Role;
      capabilities: Capability[];
    }>();
    expectTypeOf(listMembers).returns.resolves.items.toExtend<{ userId: string; role: Role }>();
  });

  it('feedback answers are the shared feedback types', () => {
    expectTypeOf(getRound).returns.resolves.toEqualTypeOf<Round>();
    expectTypeOf(listThreads).returns.resolves.toEqualTypeOf<CommentThread[]>();
    expectTypeOf<InferResponseType<(typeof api.rounds)[':roundId']['$get'], 200>>().toEqualTypeOf<Round>();
  });

  it('the catalog and traject scenes get what they render', () => {
    expectTypeOf<CatalogTrajectItem>().toExtend<{ id: string; kind: 'traject'; itemCount: number }>();
    expectTypeOf<CatalogTrajectEntry['items'][number]>().toExtend<{
      position: number;
      alternativeGroup: string | null;
      inCatalog: boolean;
    }>();
    expectTypeOf<TrajectStatusInfo>().toExtend<{ canChange: boolean }>();
    expectTypeOf<TrajectVersion['snapshot']['items'][number]>().toExtend<{
      designId: string;
      title: string;
    }>();
    expectTypeOf<TrajectItemView>().toExtend<{ source: 'team' | 'catalog'; teamName: string | null }>();
  });
});

/** 'lost' when an inference fell back to any, unknown or never. */
type Inference<T> = 0 extends 1 & T
  ? 'lost'
  : [T] extends [never]
    ? 'lost'
    : unknown extends T
      ? 'lost'
      : 'ok';

/** Every answer type the client's API modules export. */
interface Answers {
  CurrentUser: CurrentUser;
  CatalogItem: CatalogItem;
  CatalogEntry: CatalogEntry;
  DesignInfo: DesignInfo;
  TrajectDetail: TrajectDetail;
  TrajectSummary: TrajectSummary;
  DocumentWithAccess: DocumentWithAccess;
  InviteInfo: InviteInfo;
  NotificationList: NotificationList;
  CriterionInput: CriterionInput;
  DirectoryTeam: DirectoryTeam;
  RoundLinkInfo: RoundLinkInfo;
  MyTeam: MyTeam;
  TeamWithAccess: TeamWithAccess;
  Member: Member;
  Invite: Invite;
  CreatedInvite: CreatedInvite;
  AuditEvent: AuditEvent;
  TemplateVersionSummary: TemplateVersionSummary;
  TemplateVersionDetail: TemplateVersionDetail;
  TemplateDiff: TemplateDiff;
  TemplateDraft: TemplateDraft;
  PublishPreview: PublishPreview;
  VersionSummary: VersionSummary;
  VersionDetail: VersionDetail;
  VersionDiff: VersionDiff;
  DesignStatusInfo: DesignStatusInfo;
  StatusMove: StatusMove;
  CatalogTrajectItem: CatalogTrajectItem;
  CatalogTrajectEntry: CatalogTrajectEntry;
  TrajectStatusInfo: TrajectStatusInfo;
  TrajectVersion: TrajectVersion;
  TrajectView: TrajectView;
}

describe('every exported answer type is inferred from its route', () => {
  it('none fell back to any, unknown or never', () => {
    // A failure names the types whose inference was lost.
    type Lost = { [K in keyof Answers]: Inference<Answers[K]> extends 'ok' ? never : K }[keyof Answers];
    expectTypeOf<Lost>().toEqualTypeOf<never>();
  });
});

describe('calls the routes refuse do not compile', () => {
  it('a missing or wrong body field, an unknown route, a missing path parameter', () => {
    // Never run: only tsc reads these.
    const _refused = () => {
      // @ts-expect-error `kind` is required
      void api.teams.$post({ json: { name: 'Zonder soort' } });
      const members = api.teams[':teamId'].members;
      // @ts-expect-error `role` must be one of the roles
      void members.$post({ param: { teamId: 't' }, json: { email: 'a@b.nl', role: 'baas' } });
      // @ts-expect-error there is no such route
      void api.teams[':teamId'].archive.$post({ param: { teamId: 't' } });
      // @ts-expect-error the path parameter is required
      void api.documents[':id'].$get({});
    };
    expectTypeOf<InferRequestType<typeof api.auth.login.$post>['json']>().toEqualTypeOf<{
      email: string;
      password: string;
    }>();
  });
});
