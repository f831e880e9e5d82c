-- Words for typo help and suggestions while typing (issue 16), from the open postings: the words of
-- their titles, their titles and their company names, each with how many open postings have it, and
-- its jamo (ilteo_jamo), so that a half-typed syllable (요야 → 요양) matches by prefix and a typo
-- (요양보효사) is near its word. Refreshed by the daily closer and after seeding (src/jobs/vocabulary.ts).
-- Jamo of every precomposed syllable (U+AC00..U+D7A3): 초성, 중성 and 종성, compound vowels and final
-- consonant clusters split (ㅘ → ㅗㅏ, ㄳ → ㄱㅅ) as es-hangul's disassemble does; other characters are
-- kept (lower-cased).
CREATE OR REPLACE FUNCTION ilteo_jamo(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(string_agg(
    CASE WHEN ascii(ch) BETWEEN 44032 AND 55203 THEN
      (ARRAY['ㄱ','ㄲ','ㄴ','ㄷ','ㄸ','ㄹ','ㅁ','ㅂ','ㅃ','ㅅ','ㅆ','ㅇ','ㅈ','ㅉ','ㅊ','ㅋ','ㅌ','ㅍ','ㅎ'])[(ascii(ch) - 44032) / 588 + 1]
      || (ARRAY['ㅏ','ㅐ','ㅑ','ㅒ','ㅓ','ㅔ','ㅕ','ㅖ','ㅗ','ㅗㅏ','ㅗㅐ','ㅗㅣ','ㅛ','ㅜ','ㅜㅓ','ㅜㅔ','ㅜㅣ','ㅠ','ㅡ','ㅡㅣ','ㅣ'])[((ascii(ch) - 44032) % 588) / 28 + 1]
      || (ARRAY['','ㄱ','ㄲ','ㄱㅅ','ㄴ','ㄴㅈ','ㄴㅎ','ㄷ','ㄹ','ㄹㄱ','ㄹㅁ','ㄹㅂ','ㄹㅅ','ㄹㅌ','ㄹㅍ','ㄹㅎ','ㅁ','ㅂ','ㅂㅅ','ㅅ','ㅆ','ㅇ','ㅈ','ㅊ','ㅋ','ㅌ','ㅍ','ㅎ'])[(ascii(ch) - 44032) % 28 + 1]
    ELSE ch END, '' ORDER BY ord), '')
  FROM unnest(string_to_array(lower(t), NULL)) WITH ORDINALITY AS u(ch, ord)
$$;
--> statement-breakpoint
CREATE MATERIALIZED VIEW "search_vocabulary" AS
WITH open AS (SELECT title, company_name FROM postings WHERE status = 'open')
-- A title's or a company's jamo leaves out a leading bracket or company form ([용인 처인] 경리 담당자 →
-- 경리 담당자, (주)한빛물류 → 한빛물류), so it is found by what people type.
SELECT kind, term, ilteo_jamo(CASE WHEN kind = 'word' THEN term
  ELSE regexp_replace(term, '^\s*(\[[^]]*\]|\([^)]*\)|㈜|주식회사)\s*', '') END) AS jamo, n FROM (
  SELECT 'word'::text AS kind, w AS term, count(*)::int AS n
    FROM open, regexp_split_to_table(lower(title), '[^0-9a-z가-힣]+') AS w
    WHERE char_length(w) >= 2 GROUP BY w
  UNION ALL
  SELECT 'title', title, count(*)::int FROM open GROUP BY title
  UNION ALL
  SELECT 'company', company_name, count(*)::int FROM open GROUP BY company_name
) v;
--> statement-breakpoint
CREATE UNIQUE INDEX "search_vocabulary_key" ON "search_vocabulary" (kind, term);
--> statement-breakpoint
CREATE INDEX "search_vocabulary_prefix_idx" ON "search_vocabulary" (kind, jamo text_pattern_ops);
--> statement-breakpoint
CREATE INDEX "search_vocabulary_words_trgm_idx" ON "search_vocabulary" USING gin (jamo gin_trgm_ops) WHERE kind = 'word';
