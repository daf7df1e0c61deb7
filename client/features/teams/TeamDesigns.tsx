import { useId, useState, type ReactNode } from 'react';
import type { DesignOrigin } from '../../../shared/domain/design/feedback';
import type { DocumentSummary } from '../../../shared/schemas/documents';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { createDesign, createTraject, listTeamTrajects } from '../designs/designsApi';
import { listTemplates, type TemplateVersionSummary } from '../templates/templatesApi';
import { useCreateAndOpen } from '../../api/useCreateAndOpen';
import { useLoadable, type Loadable } from '../../api/useLoadable';
import { useT } from '../../i18n/I18nProvider';
import { designPath, trajectPath } from '../../app/router';
import { TeamItemList } from './TeamItemList';
import { OriginField } from '../designs/OriginField';
import { Plus } from 'lucide-react';

const loadVersions = () => listTemplates('');

/** A title and a published template version; `onSubmit` creates and answers the path to open. */
function TitleVersionForm({
  heading,
  titleLabel,
  submitLabel,
  testId,
  onSubmit,
  children,
}: {
  heading: string;
  titleLabel: string;
  submitLabel: string;
  testId: string;
  onSubmit: (title: string, versionId: string) => Promise<string>;
  /** Further fields, before the submit button. */
  children?: ReactNode;
}) {
  const t = useT();
  const headingId = useId();
  const titleId = useId();
  const versionId = useId();
  const versions = useLoadable('', loadVersions);
  const list: TemplateVersionSummary[] = versions.state.status === 'ready' ? versions.state.data : [];
  const [title, setTitle] = useState('');
  const [chosen, setChosen] = useState('');
  const version = chosen || list[0]?.id || '';
  const { busy, error, onSubmit: submit } = useCreateAndOpen(() => onSubmit(title.trim(), version));
  return (
    <section className="card new-document" aria-labelledby={headingId}>
      <h3 id={headingId}>{heading}</h3>
      {versions.state.status === 'ready' && list.length === 0 ? (
        <p className="muted">{t('teamDesigns.noVersions')}</p>
      ) : (
        <form className="inline-form" onSubmit={submit} noValidate data-testid={testId}>
          <div className="field">
            <label htmlFor={titleId}>{titleLabel}</label>
            <input
              id={titleId}
              type="text"
              maxLength={200}
              autoComplete="off"
              value={title}
              aria-invalid={error ? true : undefined}
              onChange={(event) => setTitle(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={versionId}>{t('teamDesigns.version')}</label>
            <select id={versionId} value={version} onChange={(event) => setChosen(event.target.value)}>
              {list.map((item) => (
                <option key={item.id} value={item.id}>
                  {t('teamDesigns.versionOption', { title: item.title, version: item.version })}
                </option>
              ))}
            </select>
          </div>
          {children}
          <button type="submit" className="button button--primary" aria-disabled={busy ? true : undefined}>
            <Plus aria-hidden="true" />
            {busy ? t('common.creating') : submitLabel}
          </button>
        </form>
      )}
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}

/** "Leerarrangementen" and "Trajecten" of a co-creatieteam on its team page. */
export function TeamDesigns({
  teamId,
  canCreate,
  documents,
}: {
  teamId: string;
  canCreate: boolean;
  documents: Loadable<DocumentSummary[]>;
}) {
  const t = useT();
  const designsId = useId();
  const trajectsId = useId();
  const trajects = useLoadable(teamId, listTeamTrajects);
  const [origin, setOrigin] = useState<DesignOrigin>('nieuw');
  const designs =
    documents.status === 'ready' ? documents.data.filter((doc) => doc.kind === 'leerarrangement') : [];
  return (
    <>
      <section className="page-section" aria-labelledby={designsId} data-testid="team-designs">
        <h2 id={designsId}>{t('teamDesigns.heading')}</h2>
        {documents.status === 'ready' && designs.length === 0 ? (
          <p className="empty-state">{t('teamDesigns.empty')}</p>
        ) : null}
        {designs.length > 0 ? (
          <TeamItemList
            items={designs}
            pathFor={designPath}
            untitled={t('design.untitled')}
            linkTestId="design-link"
          />
        ) : null}
        {canCreate ? (
          <TitleVersionForm
            heading={t('teamDesigns.new')}
            titleLabel={t('design.startTitle')}
            submitLabel={t('teamDesigns.submit')}
            testId="new-design-form"
            onSubmit={async (title, templateId) =>
              designPath((await createDesign({ teamId, title, templateId, origin })).id)
            }
          >
            <OriginField name={`${designsId}-origin`} value={origin} onChange={setOrigin} />
          </TitleVersionForm>
        ) : null}
      </section>
      <section className="page-section" aria-labelledby={trajectsId} data-testid="team-trajects">
        <h2 id={trajectsId}>{t('trajects.heading')}</h2>
        {trajects.state.status === 'error' ? <ErrorMessage error={trajects.state.error} /> : null}
        {trajects.state.status === 'ready' && trajects.state.data.length === 0 ? (
          <p className="empty-state">{t('trajects.empty')}</p>
        ) : null}
        {trajects.state.status === 'ready' && trajects.state.data.length > 0 ? (
          <TeamItemList items={trajects.state.data} pathFor={trajectPath} linkTestId="traject-link" />
        ) : null}
        {canCreate ? (
          <TitleVersionForm
            heading={t('trajects.new')}
            titleLabel={t('trajects.title')}
            submitLabel={t('trajects.submit')}
            testId="new-traject-form"
            onSubmit={async (title, templateVersionId) =>
              trajectPath((await createTraject({ teamId, title, templateVersionId })).id)
            }
          />
        ) : null}
      </section>
    </>
  );
}
