import type { ErrorMessageKey } from './nlErrors';

/** English messages of the server's error codes; the type forces exactly the keys of `nlErrors.ts`. */
export const enErrors: Record<ErrorMessageKey, string> = {
  'serverError.unauthenticated': 'Please log in first.',
  'serverError.unauthorized': 'Missing or invalid token.',
  'serverError.forbidden': 'You do not have access to this.',
  'serverError.forbidden_origin': 'This request did not come from Werkplaats itself and was refused.',
  'serverError.misdirected_request': 'This address does not belong to this Werkplaats.',
  'serverError.not_found': 'Not found. It may have been removed, or the link is wrong.',
  'serverError.upgrade_required': 'Open this address with a WebSocket.',
  'serverError.invalid_body': 'Some of the input is not valid. Check the fields and try again.',
  'serverError.invalid_query': 'This address has invalid parameters.',
  'serverError.body_too_large': 'The request is too large.',
  'serverError.http_error': 'The request failed.',
  'serverError.internal': 'Something went wrong on the server. Please try again.',
  'serverError.busy': 'It is too busy right now; try again in a moment.',
  'serverError.job_timeout': 'This took too long and was stopped. Try again in a moment.',
  'serverError.rate_limited': 'Too many attempts in a row. Wait a while and then try again.',
  'serverError.too_many_connections': 'Too many connections at once. Close a few tabs and try again.',
  'serverError.invalid_credentials': 'E-mail address or password is incorrect.',
  'serverError.wrong_password': 'Your password is incorrect.',
  'serverError.account_disabled': 'This account is disabled. Contact the administrator of this Werkplaats.',
  'serverError.email_taken':
    'An account with this e-mail address already exists. Log in or reset your password.',
  'serverError.signup_closed': 'Sign-up is not open here. Do you have an invitation link? Open it first.',
  'serverError.reset_link_gone':
    'This reset link has expired or was already used. Ask for a new one through "Forgot your password?" or the administrator.',
  'serverError.unsubscribe_link_unknown': 'This unsubscribe link is not valid.',
  'serverError.last_owner': 'You are the only owner of a team. Make someone else owner first.',
  'serverError.user_not_found':
    'There is no account with this e-mail address. Send an invitation link; with it, someone can sign up.',
  'serverError.invite_unusable': 'This invitation has expired, was revoked or was already used.',
  'serverError.read_only': 'This cannot be changed now: it is fixed.',
  'serverError.deleted': 'This message was deleted.',
  'serverError.invalid_anchor': 'The comment does not point to existing text in this document.',
  'serverError.invalid_format': 'Choose md, html, print, json or docx as the format.',
  'serverError.invalid_template': 'Cannot publish yet: first solve the points in the check.',
  'serverError.invalid_version':
    'This version number is not possible. A version number looks like 1.0 or 2.3.',
  'serverError.no_changes': 'Nothing has changed since the previous version.',
  'serverError.version_published':
    'Another version of this ontwikkelpad was published meanwhile. Review the changes and publish again.',
  'serverError.other_template': 'A leerarrangement can only move to a version of the same ontwikkelpad.',
  'serverError.not_newer': 'That version is not newer than the current one.',
  'serverError.pin_changed':
    'This leerarrangement was moved to another version of the ontwikkelpad meanwhile. Reload the page.',
  'serverError.other_version':
    'This leerarrangement belongs to another version of the ontwikkelpad than the traject.',
  'serverError.duplicate_item': 'A leerarrangement appears only once in a traject.',
  'serverError.transition_refused': 'This status change is not possible now.',
  'serverError.status_changed': 'The status has changed meanwhile. Look at the new status and try again.',
  'serverError.version_rate_limited':
    'Many versions of this document were just saved. Wait a minute and then try again.',
  'serverError.version_count_quota':
    'This document has the maximum number of versions. Make a copy of the document to keep saving versions.',
  'serverError.version_bytes_quota':
    'The versions of this document take up all the space a document may use. Make a copy to keep saving versions.',
  'serverError.team_storage_quota':
    'This team’s storage is full. Delete documents the team no longer needs, or ask for more space.',
  'serverError.unknown_team': 'This team does not exist.',
  'serverError.own_team': 'Your own team does not give feedback as a reviewer; invite another team.',
  'serverError.unknown_version': 'This version does not belong to this document.',
  'serverError.unknown_criterion': 'An answer belongs to an unknown criterion.',
  'serverError.perspective_required':
    'Choose your perspective (teacher, school, teacher educator, another co-creatieteam or other) before sending your feedback.',
  'serverError.unknown_item': 'This item does not belong to this round.',
  'serverError.untriaged':
    'Not every item has a decision yet: say for each comment and answer what happens with it.',
  'serverError.round_open': 'Close the round first.',
  'serverError.round_closed': 'This feedback round is closed.',
  'serverError.round_not_open': 'This feedback round is already closed.',
  'serverError.round_completed': 'This round is completed.',
  'serverError.link_closed': 'This feedback round is already closed.',
  'serverError.link_revoked': 'This feedback link was revoked.',
  'serverError.link_expired': 'This feedback link has expired.',
  'serverError.already_established': 'This version of the ontwikkelpad is already established.',
  'serverError.no_license': 'Only a co-creatieteam chooses a licence for what it publishes.',
  'serverError.no_agreement_needed': 'An agreement is needed only for a leerarrangement of another provider.',
};
