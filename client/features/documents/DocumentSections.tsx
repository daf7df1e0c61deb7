import { useId } from 'react';
import { SectionEditor } from '../../editor/SectionEditor';
import { useT } from '../../i18n/I18nProvider';
import type { Section } from '../../collab/hooks';
import type { AwarenessUser, CollabSession } from '../../collab/session';

/** The document's sections, each a heading and its own rich-text editor. */
export function DocumentSections({
  session,
  sections,
  user,
  editable,
}: {
  session: CollabSession;
  sections: Section[];
  user: AwarenessUser;
  editable: boolean;
}) {
  const t = useT();
  if (sections.length === 0) return <p className="empty-state">{t('editor.noSections')}</p>;
  return (
    <div className="sections">
      {sections.map((section) => (
        <DocumentSection
          key={section.id}
          session={session}
          id={section.id}
          heading={section.heading}
          user={user}
          editable={editable}
        />
      ))}
    </div>
  );
}

function DocumentSection({
  session,
  id,
  heading,
  user,
  editable,
}: {
  session: CollabSession;
  id: string;
  heading: string;
  user: AwarenessUser;
  editable: boolean;
}) {
  const headingId = useId();
  return (
    <section className="doc-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="doc-section__heading">
        {heading}
      </h2>
      <SectionEditor session={session} sectionId={id} heading={heading} user={user} editable={editable} />
    </section>
  );
}
