-- PostgreSQL twin of 014_template_rich_text.sql: the one change a published version allows is adding
-- `rich` to a content without it.
CREATE OR REPLACE FUNCTION template_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT (OLD.content::jsonb ? 'rich')
    AND jsonb_typeof(NEW.content::jsonb -> 'rich') IN ('object', 'null')
    AND (NEW.content::jsonb - 'rich') = OLD.content::jsonb
    AND (NEW.id, NEW.template_key, NEW.team_id, NEW.draft_doc_id, NEW.major, NEW.minor, NEW.title,
         NEW.kind, NEW.sectors, NEW.nlqf_level, NEW.change_note, NEW.example, NEW.published_by,
         NEW.published_at)
      IS NOT DISTINCT FROM
        (OLD.id, OLD.template_key, OLD.team_id, OLD.draft_doc_id, OLD.major, OLD.minor, OLD.title,
         OLD.kind, OLD.sectors, OLD.nlqf_level, OLD.change_note, OLD.example, OLD.published_by,
         OLD.published_at)
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'published template versions are immutable';
END;
$$;
