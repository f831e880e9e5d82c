-- The search generation (issue 16): a number that grows with every statement that changes postings, in
-- the same transaction as the change. A snapshot that reads generation N sees exactly the postings of
-- generation N, so a search result (count, page and facet counts) computed in a snapshot can be reused
-- for as long as the generation stays N, with no staleness (src/jobs/search-cache.ts). One row: every
-- statement that writes postings takes its lock until commit, which orders posting writes (they are
-- few: an employer's posting, the daily closer, seeding).
CREATE TABLE "search_generation" (
  "id" smallint PRIMARY KEY DEFAULT 1 CHECK ("id" = 1),
  "n" bigint NOT NULL
);
--> statement-breakpoint
INSERT INTO "search_generation" ("id", "n") VALUES (1, 1);
--> statement-breakpoint
CREATE FUNCTION ilteo_bump_search_generation() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE search_generation SET n = n + 1 WHERE id = 1;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER postings_search_generation
AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "postings"
FOR EACH STATEMENT EXECUTE FUNCTION ilteo_bump_search_generation();
