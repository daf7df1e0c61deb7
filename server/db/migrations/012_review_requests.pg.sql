-- PostgreSQL twin of 011_review_requests.sql.
ALTER TABLE round_teams ADD COLUMN accepted_at BIGINT;
UPDATE round_teams SET accepted_at = invited_at;
