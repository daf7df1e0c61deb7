-- A team asked to review another team's round is only a reviewer once one of its owners accepts:
-- until then accepted_at is NULL and its members see and hear nothing of the round.
ALTER TABLE round_teams ADD COLUMN accepted_at INTEGER;
-- Teams invited before this rule keep reviewing.
UPDATE round_teams SET accepted_at = invited_at;
