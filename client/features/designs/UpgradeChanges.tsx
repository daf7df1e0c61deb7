import type { Leeruitkomst } from '../../../shared/domain/template/types';
import type { UpgradePlan } from '../../../shared/domain/template/upgrade';
import { useT } from '../../i18n/I18nProvider';

function OutcomeList({ outcomes, testId }: { outcomes: Leeruitkomst[]; testId: string }) {
  return (
    <ul data-testid={testId}>
      {outcomes.map((outcome) => (
        <li key={outcome.id}>
          <strong>{outcome.code}</strong> {outcome.title}
        </li>
      ))}
    </ul>
  );
}

/** What an upgrade changes for the design's leeruitkomsten: removed, changed and added ones. */
export function UpgradeChanges({ plan }: { plan: UpgradePlan }) {
  const t = useT();
  return (
    <>
      <p>{t('design.upgradeKept', { count: plan.kept.length })}</p>
      {plan.removed.length > 0 ? (
        <>
          <p>{t('design.upgradeRemoved')}</p>
          <OutcomeList outcomes={plan.removed} testId="upgrade-removed" />
        </>
      ) : null}
      {plan.changed.length > 0 ? (
        <>
          <p>{t('design.upgradeChanged')}</p>
          <OutcomeList outcomes={plan.changed.map(({ after }) => after)} testId="upgrade-changed" />
        </>
      ) : null}
      {plan.added.length > 0 ? (
        <>
          <p>{t('design.upgradeAdded')}</p>
          <OutcomeList outcomes={plan.added} testId="upgrade-added" />
        </>
      ) : null}
    </>
  );
}
