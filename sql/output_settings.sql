-- The text output of every type of the extension does not depend on a
-- setting: extra_float_digits, DateStyle, IntervalStyle, TimeZone and
-- lc_numeric change nothing, so COPY under any setting reads back equal.
-- (percent_range is a range over double precision: PostgreSQL's own
-- float8 output writes its bounds, and extra_float_digits rounds them as
-- it rounds any float8 column; pg_dump sets it so that nothing is lost.)

-- one value of each type, with doubles that round under a low
-- extra_float_digits (0.95, 0.1 + 0.2, 1/3) and times
CREATE TABLE output_samples (type regtype, value text);
INSERT INTO output_samples VALUES
    ('engagement_ratio_state', 'v2(7,3)'),
    ('engagement_mean_state', (SELECT post_rate_transfn(post_rate_transfn(NULL, 1, 0, 0, 3), 2, 0, 0, 7)::text)),
    ('engagement_index_state', (SELECT engagement_index_transfn(NULL, 0.1, 0.2, 1.0 / 3)::text)),
    ('engagement_stats', (SELECT engagement_agg(l, 1, 1, r, r, f)::text
                          FROM (VALUES (1, 3, 7), (2, 9, 11)) v(l, r, f))),
    ('engagement_stats_1_1', '(2,2,7,7,12,7,12,2,2,2,40.8,1.4210854715202004e-14,2,0.30000000000000004,0,2,1.3333333333333333,0)'),
    ('follower_growth_state', (SELECT follower_growth_transfn(follower_growth_transfn(NULL, '2026-03-29 01:30+00', 100),
                                                              '2026-10-25 03:30+03', 120)::text)),
    ('engagement_nps_state', 'v2(1,2,3)'),
    ('engagement_drivers_state', (SELECT driver_correlations_transfn(driver_correlations_transfn(NULL, '{1,NULL}', 3),
                                                                    '{2,5}', 4)::text)),
    ('engagement_interval_state', (SELECT er_reach_interval_transfn(er_reach_interval_transfn(NULL, 1, 2, 3, 40, 0.95),
                                                                    4, 5, 6, 70, 0.95)::text)),
    ('engagement_interval_state', (SELECT q12_interval_int4_conf_transfn(NULL, '{t,f,t,f,t,f,t,f,t,f,t,f}', 7, 0.1 + 0.2)::text));

-- every base type of the extension has a sample (a new type must add one)
SELECT t.oid::regtype AS type_without_sample
FROM pg_type t JOIN pg_depend d ON d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'engagement'
WHERE t.typtype = 'b' AND t.typcategory <> 'A'
  AND t.oid NOT IN (SELECT type FROM output_samples);

-- each value read and written again under each setting: the same text
CREATE FUNCTION outputs() RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    s record;
    result text := '';
    written text;
BEGIN
    FOR s IN SELECT * FROM output_samples ORDER BY type::text, value LOOP
        EXECUTE format('SELECT %L::%s::text', s.value, s.type) INTO written;
        result := result || written || E'\n';
    END LOOP;
    RETURN result;
END $$;
CREATE TABLE baseline AS SELECT outputs() AS text;
SELECT setting, value, outputs() = (SELECT text FROM baseline) AS same_text
FROM (VALUES ('extra_float_digits', '-15'), ('extra_float_digits', '0'), ('extra_float_digits', '3'),
             ('DateStyle', 'SQL, DMY'), ('DateStyle', 'German'), ('IntervalStyle', 'iso_8601'),
             ('TimeZone', 'Asia/Tokyo'), ('TimeZone', 'America/New_York'), ('lc_numeric', 'C')) v(setting, value),
     LATERAL (SELECT set_config(setting, value, false)) applied;
RESET extra_float_digits;
RESET DateStyle;
RESET IntervalStyle;
RESET TimeZone;
RESET lc_numeric;

-- and each sample is its value's text: read and written again, unchanged
CREATE FUNCTION rewritten(OUT type regtype, OUT unchanged boolean) RETURNS SETOF record LANGUAGE plpgsql AS $$
DECLARE
    s record;
BEGIN
    FOR s IN SELECT * FROM output_samples ORDER BY output_samples.type::text, value LOOP
        type := s.type;
        EXECUTE format('SELECT %L::%s::text = %L', s.value, s.type, s.value) INTO unchanged;
        RETURN NEXT;
    END LOOP;
END $$;
SELECT * FROM rewritten();
