-- Vastgestelde ontwikkelpaden, the licence per co-creatieteam and the agreements of trajecten.

-- A published ontwikkelpad version is a concept-versie until someone sets it vastgesteld (001 l.70):
-- the atelier's owner, or a member other than the one who published it (four eyes). A row of its
-- own, because published versions are immutable (trigger template_versions_immutable). Versions
-- published before this migration were the platform's working ontwikkelpaden: they count as
-- vastgesteld (established_by NULL: by the migration). Example versions count as vastgesteld
-- whether or not they have a row (server/stores/templateEstablishments.ts).
CREATE TABLE template_establishments (
  version_id TEXT PRIMARY KEY REFERENCES template_versions (id) ON DELETE CASCADE,
  established_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  established_at INTEGER NOT NULL
);
INSERT INTO template_establishments (version_id, established_by, established_at)
  SELECT id, NULL, published_at FROM template_versions;

-- The licence a co-creatieteam publishes under, as a history: a publication carries the licence
-- that was current at its approval, so a later choice never relicenses what is already public.
-- No row: the suggested default (CC BY-SA 4.0), which is also what everything approved before this
-- migration was published under.
CREATE TABLE team_licenses (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  team_id TEXT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  license TEXT NOT NULL CHECK (license IN ('CC BY 4.0', 'CC BY-SA 4.0', 'CC BY-NC-SA 4.0')),
  chosen_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  chosen_at INTEGER NOT NULL
);
CREATE INDEX team_licenses_by_team ON team_licenses (team_id, chosen_at, id);

-- A leerarrangement of another team inside a traject needs an agreement with its provider
-- (001 l.283): the traject's owner records that it was made. Kept apart from traject_items, which
-- are replaced whenever the order changes.
CREATE TABLE traject_agreements (
  traject_id TEXT NOT NULL REFERENCES trajects (id) ON DELETE CASCADE,
  design_doc_id TEXT NOT NULL,
  confirmed_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  confirmed_at INTEGER NOT NULL,
  PRIMARY KEY (traject_id, design_doc_id)
);
