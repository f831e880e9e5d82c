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
-- 초성 of every precomposed Hangul syllable (U+AC00..U+D7A3) as a compatibility jamo (ㄱ..ㅎ);
-- other characters are kept (lowercased). Linear in the length of the text.
CREATE OR REPLACE FUNCTION ilteo_choseong(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(string_agg(
    CASE WHEN ascii(ch) BETWEEN 44032 AND 55203
      THEN substr('ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ', (ascii(ch) - 44032) / 588 + 1, 1)
      ELSE ch END, '' ORDER BY ord), '')
  FROM unnest(string_to_array(lower(t), NULL)) WITH ORDINALITY AS u(ch, ord)
$$;
--> statement-breakpoint
-- Distinct character bigrams of a text, never spanning whitespace. Each word is cut into pairs twice
-- (from its 1st and its 2nd character), which yields every overlapping pair in linear time.
CREATE OR REPLACE FUNCTION ilteo_bigrams(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT m[1]), '{}')
  FROM regexp_split_to_table(t, '\s+') AS w,
       LATERAL (SELECT regexp_matches(w, '(..)', 'g') UNION ALL SELECT regexp_matches(substr(w, 2), '(..)', 'g')) AS x(m)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ilteo_grams(title text, company text, body text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ilteo_bigrams(ilteo_search_text(title, company, body) || ' ' || ilteo_choseong(coalesce(title, '') || ' ' || coalesce(company, '')))
$$;
