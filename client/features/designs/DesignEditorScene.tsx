import type { TemplateContent } from '../../../shared/domain/template/types';
import { RequireUser } from '../auth/RequireUser';
import type { CurrentUser } from '../account/accountApi';
import { getDesign, type DesignInfo } from './designsApi';
import { getTemplateVersion } from '../templates/templatesApi';
import { useLoadable } from '../../api/useLoadable';
import { useT } from '../../i18n/I18nProvider';
import { EditorLoadGate } from '../documents/EditorLoadGate';
import { DesignWorkspace } from './DesignWorkspace';

/** The design with the content of the template version it is pinned to. */
export interface LoadedDesign {
  info: DesignInfo;
  template: TemplateContent;
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

  return (
    <EditorLoadGate
      resource={design}
      loadingLabel={t('design.loading')}
      noAccessHeading={t('design.noAccessHeading')}
      noAccessBody={t('design.noAccessBody')}
      back={{ to: '/', label: t('common.toMyTeams') }}
    >
      {(loaded) => <DesignWorkspace key={docId} loaded={loaded} user={user} onReload={design.reload} />}
    </EditorLoadGate>
  );
}
