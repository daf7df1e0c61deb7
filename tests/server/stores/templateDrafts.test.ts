import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isUniqueViolation } from '../../../server/db/portable';
import { createDocumentStore } from '../../../server/stores/documents';
import { createTeamStore } from '../../../server/stores/teams';
import { createTemplateDraftStore, type TemplateDraftStore } from '../../../server/stores/templateDrafts';
import { createUserStore } from '../../../server/stores/users';
import { openTestDatabase } from './fixtures';

let opened: Awaited<ReturnType<typeof openTestDatabase>>;
let drafts: TemplateDraftStore;

beforeEach(async () => {
  opened = await openTestDatabase();
  const db = opened.database.db;
  drafts = createTemplateDraftStore(db);
  await createUserStore(db).insert({ id: 'u', email: 'u@example.org', name: 'U', passwordHash: 'x' });
  await createTeamStore(db).insert({ id: 't', name: 'T', kind: 'atelier' });
  for (const id of ['first', 'second']) {
    await createDocumentStore(db).insert({
      id,
      teamId: 't',
      createdBy: 'u',
      title: id,
      kind: 'ontwikkelpad',
    });
  }
  await db
    .insertInto('template_versions')
    .values({
      id: 'v1',
      template_key: 'first',
      team_id: 't',
      draft_doc_id: 'first',
      major: 1,
      minor: 0,
      title: 'Eerste',
      kind: 'start-vakbekwaam',
      sectors: 'po',
      nlqf_level: null,
      content: '{}',
      change_note: '',
      example: 0,
      published_by: 'u',
      published_at: 1,
    })
    .execute();
});

afterEach(async () => {
  await opened.close();
});

describe('template draft store', () => {
  it.each([
    { docId: 'first', templateKey: 'first', basedOnVersionId: null },
    { docId: 'second', templateKey: 'first', basedOnVersionId: 'v1' },
  ])('stores and reads a draft based on $basedOnVersionId', async (draft) => {
    await drafts.insert(draft);
    expect(await drafts.get(draft.docId)).toEqual(draft);
  });

  it('has no draft for another document, and one draft per document', async () => {
    expect(await drafts.get('first')).toBeUndefined();
    await drafts.insert({ docId: 'first', templateKey: 'first', basedOnVersionId: null });
    const error: unknown = await drafts
      .insert({ docId: 'first', templateKey: 'other', basedOnVersionId: null })
      .catch((caught: unknown) => caught);
    expect(isUniqueViolation(error)).toBe(true);
    expect(await drafts.get('first')).toMatchObject({ templateKey: 'first' });
  });
});
