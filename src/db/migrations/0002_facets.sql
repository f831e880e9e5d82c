-- Search filters as index keys. A posting's facets (시군구 and 시도, KECO levels 3/2/1, 고용형태, 임금형태,
-- 경력, 학력) are stored beside its text bigrams in one array, so one GIN index answers a keyword and its
-- filters together ("개발" in 서울 and 정보통신 → keys @> {개발, r:11000, o:13}). A facet key is always
-- 3+ characters ("x:value"), so it never equals a text bigram.
CREATE OR REPLACE FUNCTION ilteo_facets(region_cd text, jobs_cd text, emp_tp_cd text, sal_tp_cd text, career text, min_edubg text)
RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ARRAY[
    'r:' || region_cd, 'r:' || left(region_cd, 2) || '000',
    'o:' || jobs_cd, 'o:' || left(jobs_cd, 2), 'o:' || left(jobs_cd, 1),
    'e:' || emp_tp_cd, 's:' || sal_tp_cd, 'c:' || career, 'd:' || min_edubg
  ]
$$;
