-- Moving frames, a property over every aggregate of the catalog: in random
-- partitions with extreme rows and NULLs, over ROWS, RANGE and GROUPS
-- frames, with and without FILTER, each aggregate that has an inverse
-- transition function gives, row by row, the value of a copy of it that has
-- none (PostgreSQL then aggregates each frame afresh, from its own rows):
-- exactly, but for means of per-row rates and interval bounds, within
-- 1e-12 relative.  A new aggregate is checked without editing this file.
SET extra_float_digits = 3;
SELECT setseed(0.26);

-- 60 partitions of 1 to 40 rows; o orders them with ties and gaps (RANGE and
-- GROUPS frames); one row in 20 is extreme (counts near 2^60, so that the
-- interval sums of a summary overflow and are forgotten); followers come
-- from a few values (frames of one follower count come and go); one value
-- in 12 is NULL
CREATE TABLE mf_rows AS
SELECT g, o, extreme, random() < 0.75 AS flt,
       CASE WHEN random() < 1.0 / 12 THEN NULL
            WHEN extreme THEN (2 ^ 60)::bigint + (random() * 1000)::bigint
            ELSE (random() * 400)::bigint END AS v1,
       CASE WHEN random() < 1.0 / 12 THEN NULL ELSE (random() * 50)::bigint END AS v2,
       CASE WHEN random() < 1.0 / 12 THEN NULL ELSE (random() * 30)::bigint END AS v3,
       CASE WHEN random() < 1.0 / 12 THEN NULL
            WHEN extreme THEN (2 ^ 61)::bigint ELSE (random() * 9000)::bigint END AS v4,
       CASE WHEN random() < 1.0 / 12 THEN NULL ELSE (random() * 20000)::bigint END AS v5,
       CASE WHEN random() < 1.0 / 12 THEN NULL
            ELSE (ARRAY[0, 1000, 1000, 1000, 2000, 2000, 3])[1 + floor(random() * 7)::int]::bigint END AS followers,
       CASE WHEN random() < 1.0 / 12 THEN NULL ELSE floor(random() * 5)::int + 1 END AS score5,
       CASE WHEN random() < 1.0 / 12 THEN NULL ELSE floor(random() * 11)::int END AS score11,
       CASE WHEN random() < 1.0 / 12 THEN NULL ELSE (random() * 40)::float8 END AS f1,
       CASE WHEN random() < 1.0 / 12 THEN NULL ELSE (random() * 30)::float8 END AS f2,
       CASE WHEN random() < 1.0 / 12 THEN NULL ELSE (random() * 30)::float8 END AS f3,
       CASE WHEN random() < 1.0 / 12 THEN NULL
            ELSE ARRAY(SELECT CASE WHEN random() < 0.1 THEN NULL ELSE random() < 0.7 END
                       FROM generate_series(1, 12) WHERE g > 0) END AS answers,
       CASE WHEN random() < 1.0 / 12 THEN NULL
            ELSE ARRAY(SELECT CASE WHEN random() < 0.1 THEN NULL ELSE floor(random() * 5)::int + 1 END
                       FROM generate_series(1, 12) WHERE g > 0) END AS scores,
       timestamptz '2026-01-01' + o * interval '1 day' + (random() * 1000) * interval '1 second' AS at
FROM (SELECT g, floor(random() * 30)::int AS o, random() < 0.05 AS extreme
      FROM generate_series(1, 60) AS g, generate_series(1, 1 + floor(random() * 40)::int) AS i
      WHERE i > 0 * g) r;

-- summaries for rollup: one to three posts each (a NULL summary now and then)
ALTER TABLE mf_rows ADD COLUMN summary engagement_stats;
UPDATE mf_rows SET summary = CASE WHEN v2 IS NULL THEN NULL ELSE
    (SELECT engagement_agg(v1, v2 + k, v3, v4, v5, followers * k) FROM generate_series(1, 1 + v2 % 3) AS k) END;

SELECT count(*) AS rows, count(DISTINCT g) AS partitions, count(*) FILTER (WHERE extreme) > 0 AS with_extreme
FROM mf_rows;

-- the frames
CREATE TABLE mf_frames (frame text);
INSERT INTO mf_frames VALUES
    ('ROWS BETWEEN 2 PRECEDING AND CURRENT ROW'),
    ('ROWS BETWEEN 6 PRECEDING AND 1 FOLLOWING'),
    ('RANGE BETWEEN 3 PRECEDING AND CURRENT ROW'),
    ('GROUPS BETWEEN 1 PRECEDING AND 1 FOLLOWING'),
    ('ROWS BETWEEN 4 PRECEDING AND 2 PRECEDING');

-- an argument's column, by its name, else its type: counts as their width
-- takes them (extremes clamped), scores of 1-5 (0-10 for eNPS), the
-- survey arrays, the three indicator scores, a fixed confidence and headcount
CREATE FUNCTION mf_argument(aggregate text, pos int, name text, type regtype)
RETURNS text LANGUAGE sql IMMUTABLE AS $$
SELECT CASE
    WHEN name = 'confidence' THEN '0.9::float8'
    WHEN name = 'headcount' THEN format('100000::%s', type)
    WHEN type = 'engagement_stats'::regtype THEN 'summary'
    WHEN type = 'timestamptz'::regtype THEN 'at'
    WHEN type = 'boolean[]'::regtype THEN 'answers'
    WHEN type = 'boolean'::regtype THEN 'answers[1]'
    WHEN type IN ('integer[]'::regtype, 'smallint[]'::regtype) THEN format('scores::%s', type)
    WHEN type = 'float8'::regtype THEN format('f%s', pos)
    WHEN name LIKE 'score%' AND aggregate LIKE 'enps%' THEN format('score11::%s', type)
    WHEN name LIKE 'score%' THEN format('score5::%s', type)
    ELSE format(CASE type WHEN 'bigint'::regtype THEN '%s' WHEN 'integer'::regtype THEN 'least(%s, 2147483647)::int'
                          WHEN 'smallint'::regtype THEN 'least(%s, 32767)::smallint' ELSE '%s::' || type END,
                CASE name WHEN 'followers' THEN 'followers' WHEN 'likes' THEN 'v1' WHEN 'comments' THEN 'v2'
                          WHEN 'shares' THEN 'v3' WHEN 'reach' THEN 'v4' WHEN 'views' THEN 'v5'
                          ELSE 'v' || pos END)
END
$$;

-- every aggregate of the extension with an inverse transition function
CREATE TABLE mf_aggregates AS
SELECT a.aggfnoid::regprocedure AS aggregate, p.proname::text AS name, p.prorettype::regtype AS result,
       a.aggtranstype::regtype AS state, a.aggtransfn::regproc AS sfunc, a.aggfinalfn,
       a.aggfinalextra, a.aggfinalmodify, a.agginitval,
       (SELECT string_agg(mf_argument(p.proname, k, p.proargnames[k], p.proargtypes[k - 1]::regtype), ', ' ORDER BY k)
        FROM generate_series(1, p.pronargs) AS k) AS arguments,
       (SELECT string_agg(format_type(t, NULL), ', ' ORDER BY k)
        FROM unnest(p.proargtypes::oid[]) WITH ORDINALITY AS u(t, k)) AS types
FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'engagement'
WHERE a.aggmtransfn <> 0;

-- the copy without an inverse, and the comparison of one frame's two values;
-- where a frame holding an extreme row is past an aggregate's limits, both
-- must fail alike (error), and the rows without extremes are compared
CREATE FUNCTION mf_check(agg mf_aggregates, frame text, filtered boolean,
                         OUT rows bigint, OUT with_value bigint, OUT disagreeing bigint,
                         OUT error text)
LANGUAGE plpgsql AS $$
DECLARE
    same text := CASE
        WHEN agg.result = 'float8'::regtype AND agg.state::text IN ('engagement_mean_state', 'engagement_index_state')
            THEN '(m IS NULL AND a IS NULL) OR agree(m, a, 1e-12)'
        WHEN agg.result = 'percent_range'::regtype
            THEN '(m IS NULL AND a IS NULL) OR (isempty(m) AND isempty(a)) OR (agree(lower(m), lower(a), 1e-12) AND agree(upper(m), upper(a), 1e-12))'
        WHEN agg.result = 'float8[]'::regtype
            THEN '(m IS NULL AND a IS NULL) OR (cardinality(m) = cardinality(a) AND NOT EXISTS (SELECT FROM unnest(m, a) AS x(mx, ax) WHERE NOT ((mx IS NULL AND ax IS NULL) OR agree(mx, ax, 1e-12))))'
        ELSE 'm IS NOT DISTINCT FROM a' END;
    flt text := CASE WHEN filtered THEN 'flt' ELSE 'true' END;
    query text := format($q$
        SELECT count(*), count(m), count(*) FILTER (WHERE NOT coalesce(%s, false))
        FROM (SELECT %s(%s) FILTER (WHERE %s) OVER w AS m, pg_temp.mf_alone(%s) FILTER (WHERE %s) OVER w AS a
              FROM mf_rows WHERE %%s WINDOW w AS (PARTITION BY g ORDER BY o %s)) s$q$,
        same, agg.name, agg.arguments, flt, agg.arguments, flt, frame);
    moving_error text;
    alone_error text;
BEGIN
    EXECUTE format('CREATE AGGREGATE pg_temp.mf_alone(%s) (SFUNC = %s, STYPE = %s%s%s%s%s)',
                   agg.types, agg.sfunc, agg.state,
                   CASE WHEN agg.aggfinalfn <> 0 THEN ', FINALFUNC = ' || agg.aggfinalfn::regproc END,
                   CASE WHEN agg.aggfinalextra THEN ', FINALFUNC_EXTRA' END,
                   CASE WHEN agg.aggfinalfn <> 0 THEN ', FINALFUNC_MODIFY = '
                        || CASE agg.aggfinalmodify WHEN 'r' THEN 'READ_ONLY' WHEN 's' THEN 'SHAREABLE' ELSE 'READ_WRITE' END END,
                   CASE WHEN agg.agginitval IS NOT NULL THEN ', INITCOND = ' || quote_literal(agg.agginitval) END,
                   '');
    BEGIN
        EXECUTE format(query, 'true') INTO rows, with_value, disagreeing;
    EXCEPTION WHEN OTHERS THEN
        moving_error := SQLSTATE;
    END;
    IF moving_error IS NOT NULL THEN
        BEGIN
            EXECUTE format('SELECT count(a) FROM (SELECT pg_temp.mf_alone(%s) FILTER (WHERE %s) OVER (PARTITION BY g ORDER BY o %s) AS a FROM mf_rows) s',
                           agg.arguments, flt, frame);
        EXCEPTION WHEN OTHERS THEN
            alone_error := SQLSTATE;
        END;
        error := CASE WHEN moving_error = alone_error THEN 'both ' || moving_error
                      ELSE format('moving %s, alone %s', moving_error, coalesce(alone_error, 'none')) END;
        EXECUTE format(query, 'NOT extreme') INTO rows, with_value, disagreeing;
    END IF;
    EXECUTE format('DROP AGGREGATE pg_temp.mf_alone(%s)', agg.types);
END
$$;

-- each aggregate over each frame, with and without FILTER: a value for
-- every row, some of them not NULL, all agreeing
CREATE TABLE mf_results AS
SELECT a.aggregate, f.frame, filtered, c.*
FROM mf_aggregates a CROSS JOIN mf_frames f CROSS JOIN (VALUES (false), (true)) AS v(filtered),
     LATERAL mf_check(a, f.frame, filtered) c;

SELECT count(DISTINCT aggregate) = (SELECT count(*) FROM mf_aggregates) AS every_aggregate,
       count(DISTINCT aggregate) >= 70 AS all_of_them,
       min(rows) FILTER (WHERE error IS NULL) = (SELECT count(*) FROM mf_rows) AS every_row,
       sum(disagreeing) AS disagreeing
FROM mf_results;

-- the aggregates past whose limits an extreme row is: both ways fail alike
SELECT DISTINCT aggregate, error FROM mf_results WHERE error IS NOT NULL ORDER BY 1;

-- aggregates that disagree with the frame alone, or gave no value at all
SELECT aggregate, frame, filtered, rows, with_value, disagreeing
FROM mf_results WHERE disagreeing > 0 OR with_value = 0 OR error NOT LIKE 'both %'
ORDER BY 1, 2, 3;

-- what the data exercised: frames whose summary has one follower count
-- again after a second one left, and whose interval is known again after an
-- extreme post left
SELECT count(*) FILTER (WHERE single_again) > 0 AS one_follower_count_again,
       count(*) FILTER (WHERE interval_again) > 0 AS interval_again
FROM (SELECT split_part(s::text, ',', 14) <> '0' AND bool_or(split_part(s::text, ',', 10) <> '0' AND split_part(s::text, ',', 14) = '0') OVER before AS single_again,
             er_reach_interval(s) IS NOT NULL AND bool_or(er_reach_interval(s) IS NULL AND post_count(s) > 1) OVER before AS interval_again
      FROM (SELECT g, o, engagement_agg(v1, v2, v3, v4, v5, followers) OVER (PARTITION BY g ORDER BY o ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS s
            FROM mf_rows) w
      WINDOW before AS (PARTITION BY g ORDER BY o ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)) x;

DROP FUNCTION mf_check(mf_aggregates, text, boolean);
DROP FUNCTION mf_argument(text, int, text, regtype);
DROP TABLE mf_results, mf_aggregates, mf_frames, mf_rows;
