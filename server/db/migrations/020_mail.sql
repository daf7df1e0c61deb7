-- E-mail (issue 23): an outbox the background job sends from, each person's mail preference, the
-- key unsubscribe links are signed with, and where invitations were sent.

-- One row per mail. A job claims due rows for a while (claimed_until), sends them and blanks the
-- bodies (a reset link must not outlive its sending in the database); a failure is retried at
-- next_attempt_at, until expires_at.
CREATE TABLE mail_outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL,
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  text_body TEXT NOT NULL,
  html_body TEXT NOT NULL,
  -- JSON object of extra headers (List-Unsubscribe, List-Unsubscribe-Post).
  headers TEXT NOT NULL DEFAULT '{}',
  created_at INTEGER NOT NULL,
  next_attempt_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  claimed_until INTEGER,
  sent_at INTEGER,
  failed_at INTEGER,
  last_error TEXT
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;

-- How much notification mail a person wants; no row: `daily`.
CREATE TABLE mail_preferences (
  user_id TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  email_notifications TEXT NOT NULL DEFAULT 'daily'
    CHECK (email_notifications IN ('immediately', 'daily', 'off'))
);

-- Keys for signed mail links, by use (`unsubscribe`): made by the first instance that needs one.
CREATE TABLE mail_keys (
  name TEXT PRIMARY KEY,
  secret BLOB NOT NULL
);

-- Rounds whose 48-hours-left notice went out (the first instance to insert sends it).
CREATE TABLE round_deadline_notices (
  round_id TEXT PRIMARY KEY REFERENCES feedback_rounds (id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL
);

-- The message a notification is about: its mail quotes the first lines (read when mailed, so a
-- message deleted meanwhile is not quoted).
ALTER TABLE notifications ADD COLUMN comment_id TEXT;
-- When the notification was mailed, put in a digest or skipped (mail off); NULL: not yet. Those
-- written before mail existed count as handled.
ALTER TABLE notifications ADD COLUMN mailed_at INTEGER;
UPDATE notifications SET mailed_at = created_at;
CREATE INDEX notifications_unmailed ON notifications (user_id) WHERE mailed_at IS NULL;
-- The address an invitation was mailed to ("verstuurd naar …").
ALTER TABLE invites ADD COLUMN sent_to TEXT;
ALTER TABLE round_links ADD COLUMN sent_to TEXT;
