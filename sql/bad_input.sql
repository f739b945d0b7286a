-- Bad-input sweep: every function and aggregate of the extension, called
-- with 0, -1, the extremes of its types, NULL in each position, NaN and
-- infinities, odd arrays and states, empty and huge groups.  Every call must
-- give a finite value (or NULL) or fail with 22023 (invalid parameter) or
-- 22003 (out of range).  Never NaN or Infinity, never XX000, never a crash.

-- the values tried for each argument type, as SQL expressions
CREATE TABLE sweep_values (type regtype, value text, typical boolean DEFAULT false);
INSERT INTO sweep_values (type, value, typical) VALUES
    ('bigint', '1', true), ('bigint', '0', false), ('bigint', '-1', false),
    ('bigint', '9223372036854775807', false), ('bigint', '(-9223372036854775807 - 1)', false),
    ('bigint', 'NULL', false),
    ('integer', '1', true), ('integer', '0', false), ('integer', '-1', false),
    ('integer', '2147483647', false), ('integer', '(-2147483647 - 1)', false), ('integer', 'NULL', false),
    ('smallint', '1', true), ('smallint', '0', false), ('smallint', '-1', false),
    ('smallint', '32767', false), ('smallint', '(-32767 - 1)', false), ('smallint', 'NULL', false),
    ('double precision', '50', true), ('double precision', '0', false), ('double precision', '-1', false),
    ('double precision', '''-0''', false), ('double precision', '100.0000001', false),
    ('double precision', '1e308', false), ('double precision', '''NaN''', false),
    ('double precision', '''Infinity''', false), ('double precision', '''-Infinity''', false),
    ('double precision', 'NULL', false),
    ('numeric', '10.5', true), ('numeric', '0', false), ('numeric', '-1', false),
    ('numeric', '1e1000', false), ('numeric', '''NaN''', false), ('numeric', '''Infinity''', false),
    ('numeric', '''-Infinity''', false), ('numeric', 'NULL', false),
    -- counts given as text (the forms untyped parameters resolve to)
    ('text', '''12''', true), ('text', '''0''', false), ('text', '''-1''', false),
    ('text', '''9223372036854775807''', false), ('text', '''1e1000''', false), ('text', '''0.5''', false),
    ('text', '''NaN''', false), ('text', '''Infinity''', false), ('text', 'NULL', false),
    ('interval', '''1 hour''', true), ('interval', '''0''', false), ('interval', '''-1 second''', false),
    ('interval', '''178000000 years''', false), ('interval', '''-178000000 years''', false),
    ('interval', '''1 mon -30 days''', false), ('interval', '''1 day -25 hours''', false),
    ('interval', 'NULL', false),
    ('boolean', 'true', true), ('boolean', 'false', false), ('boolean', 'NULL', false),
    ('boolean[]', '''{t,f,t,f,t,f,t,f,t,f,t,NULL}''', true), ('boolean[]', '''{}''', false),
    ('boolean[]', '''{t}''', false), ('boolean[]', 'array_fill(true, ARRAY[13])', false),
    ('boolean[]', '''{{t,t,t,t,t,t},{t,t,t,t,t,t}}''', false),
    ('boolean[]', '''[0:11]={t,f,t,f,t,f,t,f,t,f,t,f}''', false),
    ('boolean[]', '''[-5:6]={t,t,t,t,t,t,t,t,t,t,t,t}''', false),
    ('boolean[]', 'array_fill(NULL::boolean, ARRAY[12])', false),
    ('boolean[]', 'array_fill(true, ARRAY[100000])', false), ('boolean[]', 'NULL', false),
    ('engagement_ratio_state', '''(0,0)''', true), ('engagement_ratio_state', '''(5,0)''', false),
    ('engagement_ratio_state', '''(1329227995784915872903807060280344576,1329227995784915872903807060280344576)''', false),
    ('engagement_ratio_state', 'NULL', false),
    ('engagement_mean_state', '''(0,0,0)''', true),
    ('engagement_mean_state', '''(9223372036854775807,1e35,1e19)''', false),
    ('engagement_mean_state', 'NULL', false),
    ('engagement_index_state', '''(0,0,0,0,0,0,0,0,0)''', true),
    ('engagement_index_state', '''(9223372036854775807,1e35,0,1,1e35,0,1,1e35,0)''', false),
    ('engagement_index_state', 'NULL', false),
    ('engagement_stats', '''(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)''', true),
    ('engagement_stats', '''(9223372036854775807,9223372036854775807,1329227995784915872903807060280344576,'
                         '1329227995784915872903807060280344576,1329227995784915872903807060280344576,'
                         '1329227995784915872903807060280344576,1,1329227995784915872903807060280344576,'
                         '9223372036854775807,9223372036854775807,1e35,0,1,1e35,0,1,1e35,0)''', false),
    ('engagement_stats', '''(1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)''', false),
    ('engagement_stats', 'NULL', false),
    ('engagement_stats', '''v2(9223372036854775807,9223372036854775807,1329227995784915872903807060280344576,'
                         '1329227995784915872903807060280344576,1329227995784915872903807060280344576,'
                         '1329227995784915872903807060280344576,1,1329227995784915872903807060280344576,'
                         '9223372036854775807,9223372036854775807,1329227995784915872903807060280344500,'
                         '0,13292279957849158729038070602803445,1,1,'
                         '9223372036854775807,1329227995784915872903807060280344576,0,1,0,1)''', false),
    ('engagement_stats_1_1', '''(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)''', true),
    ('engagement_stats_1_1', '''(9223372036854775807,9223372036854775807,1329227995784915872903807060280344576,'
                             '1329227995784915872903807060280344576,1329227995784915872903807060280344576,'
                             '1329227995784915872903807060280344576,1,1329227995784915872903807060280344576,'
                             '9223372036854775807,9223372036854775807,1e35,0,1,1e35,0,1,1e35,0)''', false),
    ('engagement_stats_1_1', 'NULL', false),
    ('engagement_mean_state', '''v2(9223372036854775807,1329227995784915872903807060280344500,0,13292279957849158729038070602803445,1,1)''', false),
    ('engagement_index_state', '''v2(9223372036854775807,1329227995784915872903807060280344576,0,1,1,0,1,0,1)''', false),
    ('timestamp with time zone', '''2026-11-01 00:00+00''', true),
    ('timestamp with time zone', '''4713-11-24 00:00+00 BC''', false),
    ('timestamp with time zone', '''294276-12-31 23:59:59.999999+00''', false),
    ('timestamp with time zone', '''infinity''', false), ('timestamp with time zone', '''-infinity''', false),
    ('timestamp with time zone', 'NULL', false),
    ('follower_growth_state', '''v2(0,0,0,0,0,0,0)''', true),
    ('follower_growth_state', '''v2(2,0,5,7,0,5,7)''', false),
    ('follower_growth_state', '''v2(9223372036854775807,-211813488000000000,0,9223372036854775807,'
                              '9223371331199999999,9223372036854775807,9223372036854775807)''', false),
    ('follower_growth_state', 'NULL', false),
    ('integer', '5', false), ('integer', '6', false), ('integer', '10', false), ('integer', '11', false),
    ('integer[]', '''{1,2,3,4,5,1,2,3,4,5,NULL,5}''', true), ('integer[]', '''{}''', false),
    ('integer[]', '''{4}''', false), ('integer[]', 'array_fill(5, ARRAY[13])', false),
    ('integer[]', '''{{1,2,3,4,5,1},{2,3,4,5,1,2}}''', false),
    ('integer[]', '''[-5:6]={1,2,3,4,5,1,2,3,4,5,1,2}''', false),
    ('integer[]', '''{0,1,2,3,4,5,1,2,3,4,5,1}''', false), ('integer[]', '''{6,1,2,3,4,5,1,2,3,4,5,1}''', false),
    ('integer[]', '''{-2147483648,1,2,3,4,5,1,2,3,4,5,1}''', false),
    ('integer[]', 'array_fill(NULL::int, ARRAY[12])', false),
    ('integer[]', 'array_fill(5, ARRAY[100000])', false), ('integer[]', 'NULL', false),
    ('smallint[]', '''{1,2,3,4,5,1,2,3,4,5,NULL,5}''', true), ('smallint[]', '''{}''', false),
    ('smallint[]', 'array_fill(5::smallint, ARRAY[11])', false),
    ('smallint[]', '''{{1,2,3,4,5,1},{2,3,4,5,1,2}}''', false),
    ('smallint[]', '''{-32768,1,2,3,4,5,1,2,3,4,5,1}''', false), ('smallint[]', '''{1,2,3,4,5,1,2,3,4,5,1,32767}''', false),
    ('smallint[]', 'array_fill(NULL::smallint, ARRAY[12])', false), ('smallint[]', 'NULL', false),
    ('engagement_nps_state', '''v2(0,0,0)''', true), ('engagement_nps_state', '''v2(1,2,3)''', false),
    ('engagement_nps_state', '''v2(9223372036854775807,0,0)''', false),
    ('engagement_nps_state', '''v2(0,0,9223372036854775807)''', false), ('engagement_nps_state', 'NULL', false),
    ('engagement_interval_state', '''v2(0,0,0,0,0,0,0,0)''', true),
    ('engagement_interval_state', '''v2(3,0,0.95,60,400,1400,60000,9000)''', false),
    -- the sums at 2^120 with all the units proportional (2^91 = Σe = Σr)
    ('engagement_interval_state', '''v2(9223372036854775807,9223372036854775807,0.999999,2475880078570760549798248448,'
                                  '2475880078570760549798248448,1329227995784915872903807060280344576,'
                                  '1329227995784915872903807060280344576,1329227995784915872903807060280344576)''', false),
    ('engagement_interval_state', 'NULL', false),
    -- twelve items with no rows; one item with 2^63 - 1 rows of 0; one row at 2^60
    ('engagement_drivers_state', '''v2(12,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)''', true),
    ('engagement_drivers_state', '''v2(1,9223372036854775807,0,0,0,0,0)''', false),
    ('engagement_drivers_state', '''v2(1,1,1152921504606846976,1152921504606846976,1329227995784915872903807060280344576,'
                                 '1329227995784915872903807060280344576,1329227995784915872903807060280344576)''', false),
    ('engagement_drivers_state', 'NULL', false),
    ('double precision', '0.95', false), ('double precision', '0.999999999', false);

-- every function and aggregate of the extension, but the type I/O functions
-- (their input is covered by state_types, stats and the fuzz test)
CREATE VIEW sweep_targets AS
    SELECT p.oid, p.prokind = 'a' AS is_aggregate, p.prokind = 'w' AS is_window,
           p.oid::regprocedure::text AS signature, p.prorettype::regtype AS rettype,
           ARRAY(SELECT unnest(p.proargtypes::regtype[])) AS argtypes   -- 1-based, unlike oidvector
    FROM pg_proc p
    JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
    JOIN pg_extension e ON d.refobjid = e.oid AND e.extname = 'engagement'
    -- the constructors CREATE TYPE percent_range AS RANGE makes are
    -- PostgreSQL's own (LANGUAGE internal); every function of ours is C
    WHERE NOT (p.prokind = 'f' AND p.prolang = (SELECT oid FROM pg_language WHERE lanname = 'internal'))
      AND NOT ('cstring'::regtype = ANY (p.proargtypes::regtype[])
               OR 'internal'::regtype = ANY (p.proargtypes::regtype[])
               OR p.prorettype IN ('cstring'::regtype, 'bytea'::regtype));

CREATE TABLE sweep_results (signature text, call text, sqlstate text);

-- a result that is or holds NaN or ±Infinity is recorded as 'not finite';
-- closure: a state or summary returned must read back from its text as
-- the same value (its input function checks the type's invariant), else
-- it is recorded as 'not closed'
CREATE FUNCTION sweep_run(signature text, call text, rettype regtype) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    result text;
    reread text;
BEGIN
    EXECUTE call INTO result;
    IF result IS NOT NULL AND rettype::text LIKE 'engagement\_%' OR rettype::text LIKE 'follower\_growth\_state' THEN
        BEGIN
            EXECUTE format('SELECT %L::%s::text', result, rettype) INTO reread;
        EXCEPTION WHEN others THEN
            reread := NULL;
        END;
        IF reread IS DISTINCT FROM result THEN
            INSERT INTO sweep_results VALUES (signature, call || ' -> ' || result, 'not closed');
            RETURN;
        END IF;
    END IF;
    INSERT INTO sweep_results VALUES (signature, call,
        CASE WHEN result ~* '\m(nan|infinity)\M' THEN 'not finite' ELSE '00000' END);
EXCEPTION WHEN others THEN
    INSERT INTO sweep_results VALUES (signature, call, SQLSTATE);
END $$;

-- argument lists: each position takes each of its type's values, the
-- others their typical one; then all typical, all NULL
CREATE FUNCTION sweep_argument_lists(argtypes regtype[]) RETURNS SETOF text[]
    LANGUAGE plpgsql AS $$
DECLARE
    base text[];
    v record;
BEGIN
    SELECT array_agg(format($f$(%s)::%s$f$, s.value, t) ORDER BY i) INTO base
    FROM unnest(argtypes) WITH ORDINALITY a(t, i)
    JOIN sweep_values s ON s.type = a.t AND s.typical;
    RETURN NEXT base;
    RETURN NEXT (SELECT array_agg(format('NULL::%s', t) ORDER BY i)
                 FROM unnest(argtypes) WITH ORDINALITY a(t, i));
    FOR i IN 1 .. cardinality(argtypes) LOOP
        FOR v IN SELECT s.value FROM sweep_values s WHERE s.type = argtypes[i] AND NOT s.typical LOOP
            RETURN NEXT base[1:i - 1] || format($f$(%s)::%s$f$, v.value, argtypes[i]) || base[i + 1:];
        END LOOP;
    END LOOP;
END $$;

-- scalar calls, and aggregates and window functions over a typical row plus
-- the varied one
SELECT count(*) > 0 AS swept FROM (
    SELECT sweep_run(t.signature,
                     CASE WHEN t.is_aggregate
                          THEN format('SELECT %s(%s) FROM (VALUES (%s), (%s)) v(%s)',
                                      t.oid::regproc, array_to_string(cols, ', '),
                                      array_to_string(typical_args, ', '), array_to_string(args, ', '),
                                      array_to_string(cols, ', '))
                          WHEN t.is_window
                          THEN format('SELECT %s(%s) OVER () FROM (VALUES (%s), (%s)) v(%s)',
                                      t.oid::regproc, array_to_string(cols, ', '),
                                      array_to_string(typical_args, ', '), array_to_string(args, ', '),
                                      array_to_string(cols, ', '))
                          ELSE format('SELECT %s(%s)', t.oid::regproc, array_to_string(args, ', ')) END,
                     t.rettype)
    FROM sweep_targets t,
         LATERAL (SELECT a FROM sweep_argument_lists(t.argtypes) a LIMIT 1) typ(typical_args),
         LATERAL sweep_argument_lists(t.argtypes) args,
         LATERAL (SELECT array_agg('c' || i) FROM generate_series(1, cardinality(t.argtypes)) i) c(cols)
) s;

-- aggregates over an empty group and over a huge group of extreme values
SELECT count(*) > 0 AS swept FROM (
    SELECT sweep_run(t.signature, format('SELECT %s(%s) FROM generate_series(1, 0)', t.oid::regproc,
                                         array_to_string(typical_args, ', ')), t.rettype),
           sweep_run(t.signature, format('SELECT %s(%s) FROM generate_series(1, 200000)', t.oid::regproc,
                                         array_to_string(huge_args, ', ')), t.rettype)
    FROM sweep_targets t,
         LATERAL (SELECT a FROM sweep_argument_lists(t.argtypes) a LIMIT 1) typ(typical_args),
         LATERAL (SELECT array_agg(format('(%s)::%s', CASE t2
                      WHEN 'bigint'::regtype THEN '9223372036854775807'
                      WHEN 'integer'::regtype THEN '2147483647'
                      WHEN 'smallint'::regtype THEN '32767'
                      WHEN 'double precision'::regtype THEN '1e306'
                      WHEN 'boolean[]'::regtype THEN 'array_fill(true, ARRAY[12])'
                      WHEN 'integer[]'::regtype THEN 'array_fill(5, ARRAY[12])'
                      WHEN 'smallint[]'::regtype THEN 'array_fill(5::smallint, ARRAY[12])'
                      ELSE (SELECT value FROM sweep_values WHERE type = t2 AND typical) END, t2) ORDER BY i)
                  FROM unnest(t.argtypes) WITH ORDINALITY a(t2, i)) h(huge_args)
    WHERE t.is_aggregate
) s;

-- what happened, per function: calls, and how many ended in each SQLSTATE
SELECT signature, count(*) AS calls,
       count(*) FILTER (WHERE sqlstate = '00000') AS ok,
       count(*) FILTER (WHERE sqlstate = '22023') AS "22023",
       count(*) FILTER (WHERE sqlstate = '22003') AS "22003",
       count(*) FILTER (WHERE sqlstate NOT IN ('00000', '22023', '22003')) AS other
FROM sweep_results GROUP BY signature ORDER BY signature;

-- every outcome that occurred: a value, 22023 or 22003, nothing else
SELECT sqlstate, count(*) > 0 AS occurred FROM sweep_results GROUP BY sqlstate ORDER BY sqlstate;
SELECT call, sqlstate FROM sweep_results
WHERE sqlstate NOT IN ('00000', '22023', '22003') ORDER BY call;

-- every function of the extension was swept
SELECT count(*) AS functions_not_swept FROM sweep_targets t
WHERE NOT EXISTS (SELECT FROM sweep_results r WHERE r.signature = t.signature);
