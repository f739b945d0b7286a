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
    ('double precision', '0.95', false), ('double precision', '0.999999999', false),
    -- group paths of disclosable(path, ...): the whole, a child, one without
    -- its parent, odd arrays
    ('text[]', '''{}''', true), ('text[]', '''{a}''', false), ('text[]', '''{a,b}''', false),
    ('text[]', '''{NULL}''', false), ('text[]', '''{{a},{b}}''', false), ('text[]', '''[0:0]={a}''', false),
    ('text[]', 'NULL', false);

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
-- every state or summary a call returned, for the binary half of closure
CREATE TABLE sweep_returned (n serial, type regtype, value text);

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
        INSERT INTO sweep_returned (type, value) VALUES (rettype, result);
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

-- closure from generated states: each state type's values as the
-- extension's own aggregates leave them (a copy of each aggregate without
-- its final function, over a few random rows of valid values), then every
-- function that takes and returns a state (transition, inverse, combine,
-- inverse combine) called with each such state, and each other argument
-- varied as above: rows to add, rows and states never added
CREATE TABLE sweep_row_values (type regtype, value text);
INSERT INTO sweep_row_values VALUES
    ('bigint', '0'), ('bigint', '3'), ('bigint', '1000'), ('bigint', '1099511627776'),
    ('integer', '0'), ('integer', '3'), ('integer', '1000'), ('smallint', '0'), ('smallint', '3'),
    ('double precision', '0.95'), ('double precision', '0.5'), ('double precision', '0.05'),
    ('integer', '7'), ('integer', '9'), ('integer', '10'), ('text', '''0'''), ('text', '''12'''),
    ('boolean', 'true'), ('boolean', 'false'),
    ('boolean[]', '''{t,f,t,f,t,f,t,f,t,f,t,NULL}'''), ('boolean[]', '''{t,t,t,t,t,t,t,t,t,t,t,t}'''),
    ('integer[]', '''{1,2,3,4,5,1,2,3,4,5,NULL,5}'''), ('integer[]', '''{5,5,5,4,4,4,3,3,3,2,2,1}'''),
    ('smallint[]', '''{1,2,3,4,5,1,2,3,4,5,NULL,5}'''),
    ('timestamp with time zone', '''2026-11-01 00:00+00'''), ('timestamp with time zone', '''2026-11-03 12:00+00'''),
    ('engagement_stats', '''v2(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)''');
CREATE TABLE sweep_states (type regtype, value text);
-- the rows are chosen by a hash of the aggregate, the group, the row and
-- the column, not by random(), so that no plan changes them
CREATE FUNCTION sweep_pick(key text, n int) RETURNS int LANGUAGE sql IMMUTABLE
    AS $$ SELECT 1 + abs(hashtext(key) % n) $$;
DO $$
DECLARE
    a record;
    rows text[];
    cols text;
    state text;
BEGIN
    FOR a IN SELECT p.oid::regprocedure::text AS signature, p.pronargs,
                    ARRAY(SELECT unnest(p.proargtypes::regtype[])) AS argtypes,
                    g.aggtransfn::regproc AS sfunc, g.aggtranstype::regtype AS stype, g.agginitval
             FROM pg_aggregate g JOIN pg_proc p ON p.oid = g.aggfnoid
             JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
             JOIN pg_extension e ON d.refobjid = e.oid AND e.extname = 'engagement'
             ORDER BY 1 LOOP
        EXECUTE format('CREATE AGGREGATE pg_temp.sweep_state_of(%s) (SFUNC = %s, STYPE = %s%s)',
                       array_to_string(a.argtypes::text[], ', '), a.sfunc, a.stype,
                       CASE WHEN a.agginitval IS NOT NULL THEN ', INITCOND = ' || quote_literal(a.agginitval) END);
        cols := (SELECT string_agg('c' || i, ', ') FROM generate_series(1, a.pronargs) i);
        FOR k IN 1 .. 12 LOOP
            SELECT array_agg(r ORDER BY j) INTO rows FROM (
                SELECT j, format('(%s)', string_agg(format('(%s)::%s',
                           (SELECT value FROM sweep_row_values v WHERE v.type = t ORDER BY value
                            OFFSET sweep_pick(format('%s/%s/%s/%s', a.signature, k, j, i),
                                              (SELECT greatest(count(*), 1)::int FROM sweep_row_values w WHERE w.type = t)) - 1
                            LIMIT 1), t),
                           ', ' ORDER BY i)) AS r
                FROM generate_series(1, sweep_pick(a.signature || '/' || k, 3)) j,
                     unnest(a.argtypes) WITH ORDINALITY u(t, i)
                GROUP BY j) x;
            BEGIN
                EXECUTE format('SELECT pg_temp.sweep_state_of(%s)::text FROM (VALUES %s) v(%s)',
                               cols, array_to_string(rows, ', '), cols)
                    INTO state;
                IF state IS NOT NULL THEN
                    INSERT INTO sweep_states VALUES (a.stype, state);
                END IF;
            EXCEPTION WHEN others THEN
                NULL;   -- rows that break a rule of the aggregate (one headcount, one confidence)
            END;
        END LOOP;
        EXECUTE format('DROP AGGREGATE pg_temp.sweep_state_of(%s)', array_to_string(a.argtypes::text[], ', '));
    END LOOP;
END $$;
-- at most 12 distinct states of each type
CREATE TABLE sweep_some_states AS
SELECT type, value FROM (SELECT type, value, row_number() OVER (PARTITION BY type ORDER BY md5(value)) AS k
                         FROM (SELECT DISTINCT type, value FROM sweep_states) d) x
WHERE k <= 12;
SELECT type, count(*) AS states FROM sweep_some_states GROUP BY type ORDER BY type::text;

SELECT count(*) > 0 AS swept FROM (
    SELECT sweep_run(t.signature, format('SELECT %s(%s)', t.oid::regproc, array_to_string(args, ', ')), t.rettype)
    FROM sweep_targets t,
         LATERAL (SELECT s.value FROM sweep_some_states s WHERE s.type = t.argtypes[1]) st(state),
         LATERAL sweep_argument_lists(t.argtypes) a0(args0),
         LATERAL (SELECT ARRAY[format('(%L)::%s', st.state, t.argtypes[1])] || args0[2:]) a(args)
    WHERE NOT t.is_aggregate AND NOT t.is_window AND t.argtypes[1] = t.rettype
    UNION ALL
    SELECT sweep_run(t.signature, format('SELECT %s((%L)::%s, (%L)::%s)', t.oid::regproc,
                                         s1.value, t.argtypes[1], s2.value, t.argtypes[2]), t.rettype)
    FROM sweep_targets t
    JOIN sweep_some_states s1 ON s1.type = t.argtypes[1]
    JOIN sweep_some_states s2 ON s2.type = t.argtypes[2]
    WHERE NOT t.is_aggregate AND NOT t.is_window AND cardinality(t.argtypes) = 2 AND t.argtypes[1] = t.rettype
) s;

-- closure, binary half: every state or summary returned, sent in binary
-- (COPY BINARY out, by psql) and received back (by the server), is the same
-- value, in text and in its send form; one column per type returned
DO $$
DECLARE
    t regtype;
BEGIN
    CREATE TABLE sweep_binary (n int);
    FOR t IN SELECT DISTINCT type FROM sweep_returned ORDER BY 1 LOOP
        EXECUTE format('ALTER TABLE sweep_binary ADD COLUMN %I %s', 'v_' || t::text, t);
        EXECUTE format('INSERT INTO sweep_binary (n, %I) SELECT n, value::%s FROM sweep_returned WHERE type = %L::regtype',
                       'v_' || t::text, t, t);
    END LOOP;
END $$;
\getenv abs_builddir PG_ABS_BUILDDIR
\set sweep_file :abs_builddir '/results/sweep_returned.bin'
COPY sweep_binary TO STDOUT (FORMAT binary) \g :sweep_file
CREATE TABLE sweep_binary_back (LIKE sweep_binary);
COPY sweep_binary_back FROM :'sweep_file' (FORMAT binary);
CREATE FUNCTION sweep_binary_differences() RETURNS TABLE (type regtype, values_returned bigint, differing bigint)
    LANGUAGE plpgsql AS $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT DISTINCT r.type, y.typsend FROM sweep_returned r JOIN pg_type y ON y.oid = r.type ORDER BY 1 LOOP
        type := t.type;
        EXECUTE format('SELECT count(*), count(*) FILTER (WHERE NOT (agree(a.%1$I::text, b.%1$I::text) AND agree(%2$s(a.%1$I), %2$s(b.%1$I))))
                        FROM sweep_binary a JOIN sweep_binary_back b USING (n) WHERE a.%1$I IS NOT NULL',
                       'v_' || t.type::text, t.typsend::regproc)
            INTO values_returned, differing;
        RETURN NEXT;
    END LOOP;
END $$;
SELECT count(*) >= 8 AS types_returned, sum(values_returned) > 1000 AS many_values,
       sum(differing) AS differing
FROM sweep_binary_differences();
SELECT * FROM sweep_binary_differences() WHERE differing > 0;

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
