import type { OntwikkelpadContent } from '../../../shared/domain/ontwikkelpad/types';
import { RequireUser } from '../../auth/RequireUser';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageShell } from '../../components/PageShell';
import type { CurrentUser } from '../../http/account';
import { getDesign, type DesignInfo } from '../../http/designs';
import { getTemplateVersion } from '../../http/templates';
import { useLoadable } from '../../http/useLoadable';
import { useT } from '../../i18n/I18nProvider';
import { Link } from '../../routing/Link';
import { NotFoundScene } from '../NotFound/NotFoundScene';
import { DesignWorkspace } from './DesignWorkspace';

/** The design with the content of the template version it is pinned to. */
export interface LoadedDesign {
  info: DesignInfo;
  template: OntwikkelpadContent;
}

async function loadDesign(docId: string): Promise<LoadedDesign> {
  const info = await getDesign(docId);
  const version = await getTemplateVersion(info.template.id);
  return { info, template: version.content };
}

/**
 * `/ontwerpen/:docId`: a leerarrangement design of a co-creatieteam. Loads the design, its role and
 * its pinned ontwikkelpad version, then opens the collaborative editor (editable or read-only as
 * the capabilities say).
 */
export function DesignEditorScene({ docId }: { docId: string }) {
  return <RequireUser>{(user) => <DesignLoader docId={docId} user={user} />}</RequireUser>;
}

function DesignLoader({ docId, user }: { docId: string; user: CurrentUser }) {
  const t = useT();
  const design = useLoadable(docId, loadDesign);

  if (design.state.status === 'loading') {
    return (
      <PageShell title={t('design.loading')}>
        <p className="muted" data-testid="document-loading">
          {t('design.loading')}
        </p>
      </PageShell>
    );
  }
  if (design.state.status === 'error') {
    const { error } = design.state;
    if (error.status === 404 || error.status === 400) return <NotFoundScene kind="document" />;
    const heading = error.status === 403 ? t('design.noAccessHeading') : t('error.title');
    return (
      <PageShell title={heading} narrow>
        <div className="notice" data-testid="document-unavailable">
          <h1>{heading}</h1>
          {error.status === 403 ? <p>{t('design.noAccessBody')}</p> : <ErrorMessage error={error} />}
          <p className="button-row">
            {error.status === 403 ? null : (
              <button type="button" className="button" onClick={design.reload}>
                {t('common.retry')}
              </button>
            )}
            <Link to="/" className="button button--primary">
              {t('common.toMyTeams')}
            </Link>
          </p>
        </div>
      </PageShell>
    );
  }
  return <DesignWorkspace key={docId} loaded={design.state.data} user={user} onReload={design.reload} />;
}
