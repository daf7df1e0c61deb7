import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/domain/roles';
import { ApiError } from '../../../server/http/apiError';
import {
  canOnRound,
  effectiveStatus,
  requireOnRound,
  type RoundAccess,
  type RoundAction,
} from '../../../server/policies/round';
import type { RoundRow } from '../../../server/stores/rounds';

/**
 * The round policy as a table: every action × every kind of participant × every state of a round.
 * "overdue" is an open round past its deadline that the deadline job has not closed yet: it must
 * behave exactly like a closed one.
 */

type Actor = Role | 'reviewer';
type State = 'open' | 'overdue' | 'closed' | 'completed';

const NOW = Date.parse('2030-06-01T12:00:00Z');
const STATES: State[] = ['open', 'overdue', 'closed', 'completed'];
const ACTORS: Actor[] = [...ROLES, 'reviewer'];
const TEAM: Actor[] = [...ROLES];
const EVERYONE: Actor[] = ACTORS;

function roundIn(state: State): RoundRow {
  return {
    id: 'r',
    doc_id: 'd',
    version_id: 'v',
    title: 'Ronde',
    description: '',
    deadline: state === 'overdue' ? NOW - 1 : NOW + 60_000,
    criteria: '[]',
    status: state === 'overdue' ? 'open' : state,
    created_by: null,
    created_at: NOW - 86_400_000,
    closed_at: null,
    closed_by: null,
    completed_at: null,
    completed_by: null,
  };
}

const accessOf = (actor: Actor): RoundAccess =>
  actor === 'reviewer' ? { kind: 'reviewer', team: null } : { kind: 'team', role: actor };

/** Who may, per state; a state left out: nobody. */
const EXPECTED: Record<RoundAction, Partial<Record<State, Actor[]>>> = {
  view: { open: EVERYONE, overdue: EVERYONE, closed: EVERYONE, completed: EVERYONE },
  viewVersion: { open: EVERYONE, overdue: TEAM, closed: TEAM, completed: TEAM },
  viewReviewers: { open: TEAM, overdue: TEAM, closed: TEAM, completed: TEAM },
  viewSummary: { open: TEAM, overdue: EVERYONE, closed: EVERYONE, completed: EVERYONE },
  comment: { open: ['owner', 'editor', 'commenter', 'reviewer'] },
  respond: { open: ['reviewer'] },
  manage: { open: ['owner'], overdue: ['owner'], closed: ['owner'], completed: ['owner'] },
  edit: { open: ['owner'] },
  invite: { open: ['owner'] },
  close: { open: ['owner'] },
  triage: { overdue: ['owner', 'editor'], closed: ['owner', 'editor'] },
  complete: { overdue: ['owner', 'editor'], closed: ['owner', 'editor'] },
  carryOver: { overdue: ['owner', 'editor'], closed: ['owner', 'editor'], completed: ['owner', 'editor'] },
};

describe('the round policy', () => {
  const cases = (Object.keys(EXPECTED) as RoundAction[]).flatMap((action) =>
    STATES.flatMap((state) =>
      ACTORS.map((actor) => ({
        action,
        state,
        actor,
        allowed: EXPECTED[action][state]?.includes(actor) ?? false,
      })),
    ),
  );

  it.each(cases)('$action on a round $state by $actor: $allowed', ({ action, state, actor, allowed }) => {
    const round = roundIn(state);
    expect(canOnRound(accessOf(actor), round, action, NOW)).toBe(allowed);
    // The error thrown agrees with the answer given.
    const check = () => requireOnRound(accessOf(actor), round, action, NOW);
    if (allowed) expect(check).not.toThrow();
    else expect(check).toThrow(ApiError);
  });

  it('an open round past its deadline reads as closed', () => {
    expect(effectiveStatus(roundIn('open'), NOW)).toBe('open');
    expect(effectiveStatus(roundIn('overdue'), NOW)).toBe('closed');
    expect(effectiveStatus({ ...roundIn('overdue'), deadline: NOW }, NOW)).toBe('closed');
    expect(effectiveStatus(roundIn('completed'), NOW)).toBe('completed');
  });

  const refusals: Array<[Actor, State, RoundAction, number, string, string]> = [
    ['viewer', 'open', 'comment', 403, 'forbidden', 'Je rol staat reageren niet toe.'],
    ['commenter', 'closed', 'comment', 409, 'round_closed', 'Deze feedbackronde is gesloten.'],
    ['commenter', 'overdue', 'comment', 409, 'round_closed', 'Deze feedbackronde is gesloten.'],
    [
      'reviewer',
      'closed',
      'comment',
      403,
      'round_closed',
      'Deze feedbackronde is gesloten; je kunt alleen de samenvatting nog zien.',
    ],
    [
      'reviewer',
      'open',
      'viewSummary',
      409,
      'round_open',
      'De samenvatting verschijnt als de ronde is gesloten.',
    ],
    ['reviewer', 'open', 'viewReviewers', 403, 'forbidden', 'Alleen het team ziet wie er is uitgenodigd.'],
    [
      'owner',
      'open',
      'respond',
      403,
      'forbidden',
      'Alleen reviewers beantwoorden de criteria van een ronde.',
    ],
    ['editor', 'open', 'close', 403, 'forbidden', 'Alleen eigenaren van het team beheren feedbackrondes.'],
    ['owner', 'closed', 'close', 409, 'round_closed', 'Deze feedbackronde is al gesloten.'],
    [
      'owner',
      'completed',
      'edit',
      409,
      'round_completed',
      'Een gesloten feedbackronde kan niet meer worden gewijzigd.',
    ],
    ['owner', 'closed', 'invite', 409, 'round_closed', 'Deze feedbackronde is gesloten.'],
    [
      'viewer',
      'closed',
      'triage',
      403,
      'forbidden',
      'Alleen eigenaren en bewerkers van het team beoordelen feedback.',
    ],
    ['editor', 'open', 'triage', 409, 'round_open', 'Sluit de ronde eerst; daarna begint de triage.'],
    ['editor', 'completed', 'triage', 409, 'round_completed', 'Deze ronde is afgerond.'],
    ['editor', 'open', 'complete', 409, 'round_open', 'Sluit de ronde eerst.'],
    ['editor', 'completed', 'complete', 409, 'round_completed', 'Deze ronde is al afgerond.'],
    ['editor', 'open', 'carryOver', 409, 'round_open', 'Sluit de ronde eerst.'],
  ];

  it.each(refusals)('%s, round %s, %s: %i %s', (actor, state, action, status, code, message) => {
    let thrown: unknown;
    try {
      requireOnRound(accessOf(actor), roundIn(state), action, NOW);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ApiError);
    expect(thrown).toMatchObject({ status, code, message });
  });
});
