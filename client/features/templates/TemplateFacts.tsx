import type { TemplateKind, Sector } from '../../../shared/domain/template/types';
import { useDateTimeFormat } from '../../i18n/format';
import { useT } from '../../i18n/I18nProvider';
import { kindLabelKey, sectorLabelKey } from '../../i18n/templateChanges';

/** What the library and the version page say about a version at a glance. */
export interface TemplateFactsData {
  version: string;
  kind: TemplateKind;
  sectors: Sector[];
  nlqfLevel: number | null;
  publishedAt: string;
  specialisation?: string;
}

/** Version, kind, (specialisation,) sectors, NLQF level and publication date as a definition list. */
export function TemplateFacts({
  data,
  className,
  showVersion = true,
}: {
  data: TemplateFactsData;
  className?: string;
  /** False where the version number is already next to the title (library items). */
  showVersion?: boolean;
}) {
  const t = useT();
  const formatDate = useDateTimeFormat();
  return (
    <dl className={className ?? 'facts'}>
      {showVersion ? (
        <div>
          <dt>{t('template.versionLabel')}</dt>
          <dd data-testid="template-version">{data.version}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t('template.kind')}</dt>
        <dd data-testid="template-kind">{t(kindLabelKey(data.kind))}</dd>
      </div>
      {data.specialisation?.trim() ? (
        <div>
          <dt>{t('template.specialisation')}</dt>
          <dd>{data.specialisation}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t('template.sectors')}</dt>
        <dd data-testid="template-sectors">
          {data.sectors.length > 0
            ? data.sectors.map((sector) => t(sectorLabelKey(sector))).join(', ')
            : t('template.notSet')}
        </dd>
      </div>
      <div>
        <dt>{t('template.nlqfLevel')}</dt>
        <dd data-testid="template-nlqf">{data.nlqfLevel ?? t('template.notSet')}</dd>
      </div>
      <div>
        <dt>{t('template.publishedAt')}</dt>
        <dd>
          <time dateTime={data.publishedAt}>{formatDate(data.publishedAt)}</time>
        </dd>
      </div>
    </dl>
  );
}
