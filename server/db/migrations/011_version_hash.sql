-- A fingerprint of each version's Yjs state (sha-256 of its snapshot: state vector and delete set),
-- so saving a version whose state equals the previous one is answered with that one instead of a
-- copy. Null for versions stored before: those are never taken as equal.
ALTER TABLE document_versions ADD COLUMN state_hash TEXT;
