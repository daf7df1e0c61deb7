import type { InferRequestType, InferResponseType } from 'hono/client';
import { describe, expectTypeOf, it } from 'vitest';
import type { Capability, Role, TeamKind } from '../../../shared/domain/roles';
import type { DocumentSummary } from '../../../shared/schemas/documents';
import type { CommentThread, Round } from '../../../shared/schemas/feedback';
import { getMe, signup, type CurrentUser } from '../../../client/http/account';
import { api } from '../../../client/http/client';
import { listThreads } from '../../../client/http/comments';
import { createDesign, getDesign } from '../../../client/http/designs';
import { createDocument, getDocument } from '../../../client/http/documents';
import { getRound } from '../../../client/http/rounds';
import { addMember, createTeam, listMembers } from '../../../client/http/teams';
import { listTemplates } from '../../../client/http/templates';
import { getVersion, listVersions, saveVersion } from '../../../client/http/versions';
import type { VersionProjection } from '../../../shared/domain/versions/projection';
import type { CatalogTrajectEntry, CatalogTrajectItem } from '../../../client/scenes/Catalog/catalogTrajects';
import type { TrajectStatusInfo, TrajectVersion } from '../../../client/scenes/Traject/trajectApi';

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
    expectTypeOf(saveVersion).returns.resolves.toEqualTypeOf<{ id: string }>();
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

  it('the hand-typed scene calls still match their routes', () => {
    type Catalog = InferResponseType<typeof api.catalog.$get, 200>;
    expectTypeOf<Catalog['trajects'][number]>().toExtend<CatalogTrajectItem>();
    expectTypeOf<
      InferResponseType<(typeof api.catalog.trajects)[':id']['$get'], 200>
    >().toExtend<CatalogTrajectEntry>();
    type Traject = (typeof api.trajects)[':id'];
    expectTypeOf<InferResponseType<Traject['status']['$get'], 200>>().toExtend<TrajectStatusInfo>();
    expectTypeOf<
      InferResponseType<Traject['versions']['$get'], 200>['versions'][number]
    >().toExtend<TrajectVersion>();
  });
});

describe('calls the routes refuse do not compile', () => {
  it('a missing or wrong body field, an unknown route, a missing path parameter', () => {
    // Never run: only tsc reads these.
    const _refused = () => {
      // @ts-expect-error `kind` is required
      void api.teams.$post({ json: { name: 'Zonder soort' } });
      // @ts-expect-error `role` must be one of the roles
      void api.teams[':teamId'].members.$post({
        param: { teamId: 't' },
        json: { email: 'a@b.nl', role: 'baas' },
      });
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
