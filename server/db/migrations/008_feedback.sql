-- Comments and feedback rounds (issue 7). Comments travel over the HTTP API, never the Y.Doc.

-- Feedback rounds: a frozen version goes out to reviewers with criteria and a deadline.
CREATE TABLE feedback_rounds (
  id TEXT PRIMARY KEY,
  doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  version_id TEXT NOT NULL REFERENCES document_versions (id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  deadline INTEGER NOT NULL,
  -- JSON [{ id, title, description }]
  criteria TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'completed')),
  created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  closed_at INTEGER,
  closed_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  completed_at INTEGER,
  completed_by TEXT REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX feedback_rounds_by_doc ON feedback_rounds (doc_id, created_at);
CREATE INDEX feedback_rounds_open ON feedback_rounds (status, deadline);

-- Whole teams invited as reviewers (every member of that team reviews).
CREATE TABLE round_teams (
  round_id TEXT NOT NULL REFERENCES feedback_rounds (id) ON DELETE CASCADE,
  team_id TEXT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  invited_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  invited_at INTEGER NOT NULL,
  PRIMARY KEY (round_id, team_id)
);
CREATE INDEX round_teams_by_team ON round_teams (team_id);

-- Expiring links for individual reviewers (teachers, schools, teacher educators); only a hash is stored.
CREATE TABLE round_links (
  id TEXT PRIMARY KEY,
  round_id TEXT NOT NULL REFERENCES feedback_rounds (id) ON DELETE CASCADE,
  token_hash BLOB NOT NULL UNIQUE,
  label TEXT NOT NULL DEFAULT '',
  created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  revoked_at INTEGER
);
CREATE INDEX round_links_by_round ON round_links (round_id);

-- Individuals who joined a round through a link.
CREATE TABLE round_reviewers (
  round_id TEXT NOT NULL REFERENCES feedback_rounds (id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  link_id TEXT REFERENCES round_links (id) ON DELETE SET NULL,
  joined_at INTEGER NOT NULL,
  PRIMARY KEY (round_id, user_id)
);
CREATE INDEX round_reviewers_by_user ON round_reviewers (user_id);

-- Answers per criterion (score 1–4 and text), one per reviewer and criterion.
CREATE TABLE round_responses (
  id TEXT PRIMARY KEY,
  round_id TEXT NOT NULL REFERENCES feedback_rounds (id) ON DELETE CASCADE,
  user_id TEXT REFERENCES users (id) ON DELETE SET NULL,
  criterion_id TEXT NOT NULL,
  score INTEGER CHECK (score BETWEEN 1 AND 4),
  text TEXT NOT NULL DEFAULT '',
  updated_at INTEGER NOT NULL,
  UNIQUE (round_id, user_id, criterion_id)
);

-- When a reviewer sent their answers ("who has responded").
CREATE TABLE round_submissions (
  round_id TEXT NOT NULL REFERENCES feedback_rounds (id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  submitted_at INTEGER NOT NULL,
  PRIMARY KEY (round_id, user_id)
);

-- Comment messages; a thread is its first message (thread_id = id) and its replies.
CREATE TABLE comments (
  id TEXT PRIMARY KEY,
  thread_id TEXT NOT NULL,
  doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  round_id TEXT REFERENCES feedback_rounds (id) ON DELETE CASCADE,
  author_id TEXT REFERENCES users (id) ON DELETE SET NULL,
  body TEXT NOT NULL,
  -- Thread roots only: JSON anchor (null: the document as a whole).
  anchor TEXT,
  created_at INTEGER NOT NULL,
  edited_at INTEGER,
  deleted_at INTEGER,
  -- Thread roots only.
  resolved_at INTEGER,
  resolved_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  carried_from_round TEXT,
  carried_from_thread TEXT
);
CREATE INDEX comments_by_doc ON comments (doc_id, round_id, created_at);
CREATE INDEX comments_by_thread ON comments (thread_id, created_at);

-- Triage of every round item after closing.
CREATE TABLE round_triage (
  round_id TEXT NOT NULL REFERENCES feedback_rounds (id) ON DELETE CASCADE,
  item_kind TEXT NOT NULL CHECK (item_kind IN ('comment', 'response')),
  item_id TEXT NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('verwerkt', 'deels-verwerkt', 'niet-overgenomen')),
  reason TEXT NOT NULL,
  version_id TEXT REFERENCES document_versions (id) ON DELETE SET NULL,
  decided_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  decided_at INTEGER NOT NULL,
  PRIMARY KEY (round_id, item_kind, item_id)
);

-- In-app notifications (mentions, replies, rounds).
CREATE TABLE notifications (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  link TEXT NOT NULL,
  actor_id TEXT REFERENCES users (id) ON DELETE SET NULL,
  doc_id TEXT REFERENCES documents (id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  read_at INTEGER
);
CREATE INDEX notifications_by_user ON notifications (user_id, id);
