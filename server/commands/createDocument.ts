import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import {
  DEFAULT_SECTION_HEADINGS,
  META_MAP,
  SECTIONS_ARRAY,
  sectionFragmentName,
} from '../../shared/editor/fields';
import type { AppDeps } from '../deps';

/** Input of createDocument. */
export interface CreateDocumentInput {
  teamId: string;
  title?: string | undefined;
  sections?: readonly string[] | undefined;
}

/** The initial Y.Doc of a document: its title and one empty rich-text field per section. */
export function buildInitialDoc(title: string, headings: readonly string[]): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    doc.getMap(META_MAP).set('title', title);
    const sections = doc.getArray<Y.Map<string>>(SECTIONS_ARRAY);
    sections.push(
      headings.map((heading) => {
        const section = new Y.Map<string>();
        section.set('id', randomUUID().slice(0, 8));
        section.set('heading', heading);
        return section;
      }),
    );
    // One empty paragraph per section, so people who start typing at once share it instead of
    // each creating their own first paragraph.
    for (const section of sections.toArray()) {
      doc
        .getXmlFragment(sectionFragmentName(section.get('id') as string))
        .insert(0, [new Y.XmlElement('paragraph')]);
    }
  });
  return doc;
}

/** Creates the document row and its initial collaborative state in one transaction. */
export async function createDocument(
  deps: AppDeps,
  userId: string,
  input: CreateDocumentInput,
): Promise<{ id: string }> {
  const id = randomUUID();
  const title = input.title ?? 'Naamloos document';
  const doc = buildInitialDoc(title, input.sections ?? DEFAULT_SECTION_HEADINGS);
  const state = Y.encodeStateAsUpdate(doc);
  const stateVector = Y.encodeStateVector(doc);
  doc.destroy();
  return await deps.transaction(async (tx) => {
    await tx.stores.documents.insert({ id, teamId: input.teamId, createdBy: userId, title });
    await tx.stores.documents.writeInitialState(id, state, stateVector);
    await tx.stores.audit.record('document.created', {
      teamId: input.teamId,
      actorId: userId,
      details: { documentId: id, title },
    });
    return { id };
  });
}
