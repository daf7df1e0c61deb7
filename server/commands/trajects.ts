import {
  checkTrajectGates,
  checkTrajectTransition,
  type TrajectGateInput,
} from '../../shared/domain/lifecycle';
import { checkDesign } from '../../shared/domain/design/rules';
import { can } from '../../shared/domain/roles';
import type { AppDeps } from '../deps';
import { ApiError, notFound } from '../http/apiError';
import { authorizeTeam } from '../policies/team';
import type { TrajectPublishedProjection, TrajectSnapshot } from '../stores/trajectLifecycle';
import { designChecks } from './designs';
import { trajectView } from './trajectContents';
import { recordedMove, statusChangedMeanwhile, statusSteps, type MoveInput } from './statusMoves';
import { designLifeContext } from './rounds/evidence';

/**
 * The lifecycle of a professionaliseringstraject: the same statuses and moves as a design (one
 * transition table in shared/domain/lifecycle.ts), with the traject's own gates (see
 * `checkTrajectGates`): leaving prototype needs ≥ 1 leerarrangement and each one's must-rules green
 * except R13; entering interne toetsing needs R13 (a closed feedback round) for each; approval needs
 * every leerarrangement itself approved and the traject's must-rules green: R1 (full coverage), R8
 * (placement matches the steps and groups) and R9 (agreements with other providers recorded). Only
 * team owners move the status.
 */

async function trajectOr404(deps: AppDeps, trajectId: string) {
  const traject = await deps.stores.designs.getTraject(trajectId);
  if (!traject) throw notFound('Dit traject bestaat niet.');
  return traject;
}

/** The immutable JSON of a traject as it is now: title, items (titles, status, outcomes), coverage. */
export async function trajectSnapshot(deps: AppDeps, trajectId: string): Promise<TrajectSnapshot> {
  const view = await trajectView(deps, trajectId);
  const outcomeById = new Map(view.matrix.map((row) => [row.outcome.id, row.outcome]));
  return {
    schema: 'werkplaats.traject/1',
    title: view.title,
    status: view.status,
    template: {
      id: view.template.id,
      templateKey: view.template.templateKey,
      title: view.template.title,
      version: view.template.version,
    },
    items: view.items.map((item) => ({
      designId: item.designId,
      title: item.title,
      teamId: item.teamId,
      teamName: item.teamName,
      source: item.source,
      status: item.status,
      position: item.position,
      alternativeGroup: item.alternativeGroup,
      outcomes: item.targetedOutcomeIds.flatMap((id) => {
        const outcome = outcomeById.get(id);
        return outcome ? [outcome] : [];
      }),
      sectors: [...item.sectors],
      ects: item.ects,
      hours: item.hours,
    })),
    coverage: view.matrix,
    totals: {
      ects: view.totals.ects,
      hours: view.totals.hours,
      ectsMax: view.totals.ectsMax,
      hoursMax: view.totals.hoursMax,
    },
  };
}

/**
 * What the gates see: each leerarrangement's rule results (own team: from its committed state via
 * designChecks; another team's: from its frozen publication, with R13 from the same seam) and
 * whether it is published.
 */
async function gateInput(deps: AppDeps, userId: string, trajectId: string): Promise<TrajectGateInput> {
  const view = await trajectView(deps, trajectId);
  const version = (await deps.stores.templateVersions.get(view.templateVersionId))!;
  return {
    trajectResults: view.checks,
    items: await Promise.all(
      view.items.map(async (item) => {
        const publication = await deps.stores.lifecycle.publication(item.designId);
        const results =
          item.source === 'team'
            ? (await designChecks(deps, userId, item.designId)).results
            : checkDesign(publication!.projection.content, version.content, {
                ...(await designLifeContext(deps, item.designId)),
                outcomeLabels: {},
              });
        return { title: item.title, results, published: item.status === 'goedgekeurd' && !!publication };
      }),
    ),
  };
}

/** The traject's status, every next step with whether it is possible now (and why not), history. */
export async function trajectStatus(deps: AppDeps, userId: string, trajectId: string) {
  const traject = await trajectOr404(deps, trajectId);
  const { role } = await authorizeTeam(deps.stores, userId, traject.teamId, 'team.read');
  const input = await gateInput(deps, userId, trajectId);
  const status = traject.status;
  return {
    ...statusSteps(status, (to) => checkTrajectGates(status, to, input)),
    history: await deps.stores.trajectLifecycle.history(trajectId),
    basedOn: null,
    canChange: can(role, 'document.changeStatus'),
  };
}

/** The catalog's frozen copy of an approved traject. */
async function publishedProjection(deps: AppDeps, trajectId: string): Promise<TrajectPublishedProjection> {
  const traject = await trajectOr404(deps, trajectId);
  const team = await deps.stores.teams.get(traject.teamId);
  const snapshot = await trajectSnapshot(deps, trajectId);
  return { ...snapshot, status: 'goedgekeurd', teamId: traject.teamId, teamName: team?.name ?? '' };
}

/**
 * Moves a traject to `to`. Only owners (`document.changeStatus`); the shared transition table and
 * the traject gates decide (400 with the Dutch reason). The move, its version (a JSON snapshot), an
 * audit entry and — on approval — the catalog's frozen copy are written in one transaction.
 */
export async function changeTrajectStatus(
  deps: AppDeps,
  userId: string,
  trajectId: string,
  input: MoveInput,
) {
  const traject = await trajectOr404(deps, trajectId);
  await authorizeTeam(deps.stores, userId, traject.teamId, 'document.changeStatus');
  const from = traject.status;
  const check = checkTrajectTransition(from, input.to, {
    ...(await gateInput(deps, userId, trajectId)),
    outcome: input.outcome,
    note: input.note,
  });
  if (!check.ok) throw new ApiError(400, 'transition_refused', check.reason);
  const { outcome, note, versionLabel } = recordedMove(input);
  const publication = input.to === 'goedgekeurd' ? await publishedProjection(deps, trajectId) : null;
  await deps.transaction(async (tx) => {
    const move = { from, to: input.to, outcome, note, actorId: userId };
    // Checked against `from` above; a move that came first meanwhile wins, this one is refused.
    if (!(await tx.stores.trajectLifecycle.recordTransition(trajectId, move)))
      throw statusChangedMeanwhile('dit traject');
    if (publication) await tx.stores.trajectLifecycle.publish(trajectId, publication, userId);
    // Every status change is a version: the snapshot is taken after the move, inside the transaction.
    await tx.stores.trajectLifecycle.insertVersion(trajectId, {
      label: versionLabel,
      note,
      authorId: userId,
      snapshot: await trajectSnapshot(tx, trajectId),
    });
    await tx.stores.audit.record('traject.status_changed', {
      teamId: traject.teamId,
      actorId: userId,
      details: { trajectId, title: traject.title, from, to: input.to, outcome, note },
    });
  });
  return trajectStatus(deps, userId, trajectId);
}

/** The traject's versions, newest first (members of its team). */
export async function trajectVersions(deps: AppDeps, userId: string, trajectId: string) {
  const traject = await trajectOr404(deps, trajectId);
  await authorizeTeam(deps.stores, userId, traject.teamId, 'team.read');
  return deps.stores.trajectLifecycle.versions(trajectId);
}
