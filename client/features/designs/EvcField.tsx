import '../../styles/certificates.css';
import { useId, type ReactNode } from 'react';
import { DESIGN_KEYS } from '../../../shared/editor/designDoc';
import { setFollowsTeamEvc } from '../../../shared/editor/evcReference';
import { Link } from '../../app/Link';
import { teamPath } from '../../app/router';
import { useLoadable } from '../../api/useLoadable';
import { YTextField } from '../../editor/YTextField';
import { useT } from '../../i18n/I18nProvider';
import { EvcProcedureText } from '../certificates/CertificateParts';
import { getEvcProcedure } from '../certificates/certificatesApi';
import type { FieldProps } from './designFields';
import { FieldHint } from './TextSections';

/**
 * The design's EVC field: "Volg de EVC-procedure van het team" refers to the team's procedure
 * instead of repeating it; the design's own text (kept as it was) then holds only what is specific
 * to this arrangement.
 */
export function EvcField({
  doc,
  design,
  editable,
  teamId,
  guidance,
  children,
}: FieldProps & {
  teamId: string | null;
  /** The template's guidance for this question. */
  guidance?: string | undefined;
  /** Text written earlier in the template's section. */
  children?: ReactNode;
}) {
  const t = useT();
  const headingId = useId();
  const hintId = useId();
  const followHintId = useId();
  const team = useLoadable(teamId ?? '', loadProcedure);
  const procedure = team.state.status === 'ready' ? team.state.data : null;
  const follows = design.evcFollowsTeam === true;
  return (
    <section className="draft-section evc-field" aria-labelledby={headingId} data-testid="evc-field">
      <h2 id={headingId}>{t('design.evc')}</h2>
      {procedure || follows ? (
        <>
          <label className="checkbox-option">
            <input
              type="checkbox"
              data-testid="evc-follow"
              checked={follows}
              disabled={!editable}
              aria-describedby={followHintId}
              onChange={(event) => setFollowsTeamEvc(doc, event.target.checked)}
            />{' '}
            {t('evc.follow')}
          </label>
          <p id={followHintId} className="field__hint">
            {t('evc.followHint')}
          </p>
          {follows && procedure ? (
            <details data-testid="evc-team-procedure">
              <summary>{t('evc.showTeamProcedure')}</summary>
              <EvcProcedureText procedure={procedure} level={3} />
            </details>
          ) : null}
        </>
      ) : team.state.status === 'ready' && teamId ? (
        <p className="field__hint" data-testid="evc-unavailable">
          {t('evc.followUnavailable')} <Link to={teamPath(teamId)}>{t('evc.teamPage')}</Link>
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="field-evcApproach">{t(follows ? 'evc.specific' : 'evc.own')}</label>
        <FieldHint
          id={hintId}
          guidance={follows ? undefined : guidance}
          fallback={t(follows ? 'evc.specificHint' : 'design.evcHint')}
        />
        <YTextField
          multiline
          id="field-evcApproach"
          text={doc.getText(DESIGN_KEYS.evcApproach)}
          rows={4}
          disabled={!editable}
          aria-describedby={hintId}
        />
      </div>
      {children}
    </section>
  );
}

/** The team's procedure, or null when it has none (or the design has no team). */
async function loadProcedure(teamId: string) {
  return teamId ? (await getEvcProcedure(teamId)).procedure : null;
}
