-- The search generation (migration 0025) is raised only by a statement that changed at least one posting:
-- an UPDATE that matched none (the daily closer on a day with nothing to close) no longer makes every
-- kept search obsolete. Statement-level triggers with transition tables, one per event (a trigger with
-- a transition table may have one event only); TRUNCATE has no rows to see and always raises it.
DROP TRIGGER "postings_search_generation" ON "postings";
--> statement-breakpoint
CREATE FUNCTION ilteo_bump_search_generation_if_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM changed) THEN
    UPDATE search_generation SET n = n + 1 WHERE id = 1;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "postings_search_generation_insert" AFTER INSERT ON "postings"
REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ilteo_bump_search_generation_if_changed();
--> statement-breakpoint
CREATE TRIGGER "postings_search_generation_update" AFTER UPDATE ON "postings"
REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ilteo_bump_search_generation_if_changed();
--> statement-breakpoint
CREATE TRIGGER "postings_search_generation_delete" AFTER DELETE ON "postings"
REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ilteo_bump_search_generation_if_changed();
--> statement-breakpoint
CREATE TRIGGER "postings_search_generation_truncate" AFTER TRUNCATE ON "postings"
FOR EACH STATEMENT EXECUTE FUNCTION ilteo_bump_search_generation();
