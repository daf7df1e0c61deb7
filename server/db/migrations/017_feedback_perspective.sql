-- Rule R13 (001 l.239): a reviewer states whom they speak for; existing offer enters at interne toetsing.

-- The perspective a reviewer chose in a round: saved with a draft, required when they submit.
-- Answers submitted before this migration have none, so they do not count for R13.
CREATE TABLE round_perspectives (
  round_id TEXT NOT NULL REFERENCES feedback_rounds (id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  perspective TEXT NOT NULL CHECK (
    perspective IN ('leraar', 'school', 'lerarenopleider', 'cocreatieteam', 'anders')
  ),
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (round_id, user_id)
);
CREATE INDEX round_perspectives_by_user ON round_perspectives (user_id);

-- How a design entered: 'nieuw' (designed here) or 'bestaand' (existing offer, 001 l.249).
ALTER TABLE designs ADD COLUMN origin TEXT NOT NULL DEFAULT 'nieuw' CHECK (origin IN ('nieuw', 'bestaand'));
