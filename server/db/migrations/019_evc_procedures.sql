-- A team's procedure for recognising prior learning (EVC, seed 001 l.163 and l.338), written once
-- per team so its designs can refer to it. Plain text per field; no row means no procedure yet.
-- Who changed it is in audit_events, so deleting an account leaves nothing to anonymise here.
CREATE TABLE evc_procedures (
  team_id TEXT PRIMARY KEY REFERENCES teams (id) ON DELETE CASCADE,
  recognition TEXT NOT NULL,
  coverage TEXT NOT NULL,
  follow_up TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
