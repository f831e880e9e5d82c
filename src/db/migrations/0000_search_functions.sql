-- Korean search support. pg_trgm serves substring patterns of 3+ characters; 2-syllable words
-- (개발, 물류, 강남) are served by a GIN index over the distinct character bigrams of the text
-- (ilteo_grams), and 초성 queries (ㄱㅂㅈ) by bigrams of the 초성 string.
-- pg_trgm needs LC_CTYPE to classify Hangul as letters (C.UTF-8 or ko_KR.UTF-8): checked at start-up.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ilteo_search_text(title text, company text, body text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT lower(regexp_replace(coalesce(title, '') || ' ' || coalesce(company, '') || ' ' || coalesce(body, ''), '\s+', ' ', 'g'))
$$;
--> statement-breakpoint
-- 초성 of every precomposed Hangul syllable (U+AC00..U+D7A3); other characters are kept (lowercased).
CREATE OR REPLACE FUNCTION ilteo_choseong(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(string_agg(
    CASE WHEN ascii(c) BETWEEN 44032 AND 55203
      THEN substr('ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ', (ascii(c) - 44032) / 588 + 1, 1)
      ELSE c END, '' ORDER BY i), '')
  FROM (SELECT i, substr(lower(t), i, 1) AS c FROM generate_series(1, length(t)) AS i) s
$$;
--> statement-breakpoint
-- Distinct character bigrams of a text, ignoring any pair that contains whitespace.
CREATE OR REPLACE FUNCTION ilteo_bigrams(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}')
  FROM (SELECT substr(t, i, 2) AS g FROM generate_series(1, length(t) - 1) AS i) s
  WHERE g !~ '\s'
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ilteo_grams(title text, company text, body text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ARRAY(
    SELECT DISTINCT unnest(
      ilteo_bigrams(ilteo_search_text(title, company, body))
      || ilteo_bigrams(ilteo_choseong(coalesce(title, '') || ' ' || coalesce(company, '')))
    )
  )
$$;
