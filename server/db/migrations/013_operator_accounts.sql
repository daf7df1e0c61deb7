-- What an operator does to accounts (npm run admin): disable one, mark a platform admin, and
-- password-reset tokens (also issue 23's mail); ended sessions announced to the running servers.
ALTER TABLE users ADD COLUMN disabled_at INTEGER;
-- Nothing grants rights by it yet: list-users shows it.
ALTER TABLE users ADD COLUMN admin_at INTEGER;

-- Only the SHA-256 of a token is stored; used_at makes it single use.
CREATE TABLE password_resets (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash BLOB NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER
);
CREATE INDEX password_resets_by_user ON password_resets (user_id);

-- Sessions ended by another process (the admin command): every running server reads new rows
-- every few seconds and closes those sessions' sockets. Rows are pruned after a day.
CREATE TABLE session_ends (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  session_id TEXT NOT NULL,
  reason TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
