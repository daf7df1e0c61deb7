-- Published ontwikkelpad versions keep their rich text: `content` gains a key `rich` (description and
-- suggestions as Tiptap JSON). Versions published before have only the plain text; at start the
-- server recovers their structure from the draft they were published from where that still holds
-- the same text (server/commands/templateRichText.ts) and adds it, or `"rich": null` when nothing can
-- be recovered. That one addition is the only change a published version ever allows: every column
-- and every other part of its content stays exactly as published.
DROP TRIGGER template_versions_immutable;
CREATE TRIGGER template_versions_immutable BEFORE UPDATE ON template_versions
WHEN NOT (
  json_type(OLD.content, '$.rich') IS NULL
  AND json_type(NEW.content, '$.rich') IN ('object', 'null')
  AND json_remove(NEW.content, '$.rich') = json(OLD.content)
  AND NEW.id IS OLD.id AND NEW.template_key IS OLD.template_key AND NEW.team_id IS OLD.team_id
  AND NEW.draft_doc_id IS OLD.draft_doc_id AND NEW.major IS OLD.major AND NEW.minor IS OLD.minor
  AND NEW.title IS OLD.title AND NEW.kind IS OLD.kind AND NEW.sectors IS OLD.sectors
  AND NEW.nlqf_level IS OLD.nlqf_level AND NEW.change_note IS OLD.change_note
  AND NEW.example IS OLD.example AND NEW.published_by IS OLD.published_by
  AND NEW.published_at IS OLD.published_at
)
BEGIN
  SELECT RAISE(ABORT, 'published template versions are immutable');
END;
