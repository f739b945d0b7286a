-- Run first: the extension and the comparison every other test file uses
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS engagement;
RESET client_min_messages;

-- agree(a, b[, rel]): a and b are both known and equal, or (with rel > 0)
-- within rel of each other relative to the larger.  A NULL, NaN or
-- ±Infinity on either side is a disagreement: a test that expects NULL
-- says IS NULL.
CREATE FUNCTION agree(a anycompatible, b anycompatible, rel float8 DEFAULT 0)
    RETURNS boolean LANGUAGE plpgsql IMMUTABLE
    AS $$
BEGIN
    IF a IS NULL OR b IS NULL
       OR a::text ~* '\m(nan|infinity)\M' OR b::text ~* '\m(nan|infinity)\M' THEN
        RETURN false;
    END IF;
    IF a = b THEN
        RETURN true;
    END IF;
    RETURN rel > 0
        AND abs(a::float8 - b::float8) <= rel * greatest(abs(a::float8), abs(b::float8));
END $$;

SELECT agree(1, 1) AS equal, agree(9223372036854775807, 9223372036854775806) AS bigint_exact,
       agree(NULL::int, NULL) AS both_null, agree(1, NULL) AS one_null,
       agree(1.0::float8, 1.0 + 1e-13, 1e-12) AS within, agree(1.0::float8, 1.0 + 1e-11, 1e-12) AS beyond,
       agree('NaN'::float8, 'NaN') AS nan, agree('Infinity'::float8, 'Infinity') AS infinity,
       agree('a'::text, 'a') AS text;

-- input_sqlstate(input, type): 'ok' when the text reads as a value of the
-- type, else the SQLSTATE of the error
CREATE FUNCTION input_sqlstate(input text, type regtype) RETURNS text
    LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('SELECT %L::%s', input, type);
    RETURN 'ok';
EXCEPTION WHEN others THEN
    RETURN SQLSTATE;
END $$;
SELECT input_sqlstate('(1,2)', 'engagement_ratio_state') AS readable,
       input_sqlstate('(1,', 'engagement_ratio_state') AS malformed;

-- parallel_plans(true) makes the planner choose parallel plans for small
-- tables (two workers, the leader only gathering, sorted rather than hashed
-- groups, so partial aggregates are combined); parallel_plans(false) puts
-- the settings back
CREATE FUNCTION parallel_plans(force boolean) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    setting text[];
BEGIN
    FOREACH setting SLICE 1 IN ARRAY ARRAY[['parallel_setup_cost', '0'], ['parallel_tuple_cost', '0'],
                                          ['min_parallel_table_scan_size', '0'],
                                          ['max_parallel_workers_per_gather', '2'],
                                          ['parallel_leader_participation', 'off'], ['enable_hashagg', 'off']] LOOP
        IF force THEN
            EXECUTE format('SET %s = %s', setting[1], setting[2]);
        ELSE
            EXECUTE format('RESET %s', setting[1]);
        END IF;
    END LOOP;
    RETURN CASE WHEN force THEN 'parallel plans forced' ELSE 'planner settings reset' END;
END $$;
SELECT parallel_plans(true) AS forced, current_setting('parallel_setup_cost') AS setup_cost,
       parallel_plans(false) AS reset, current_setting('parallel_setup_cost') AS default_setup_cost;
