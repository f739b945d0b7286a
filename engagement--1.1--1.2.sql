-- engagement 1.1 -> 1.2: summaries that can never be wrong
\echo Use "ALTER EXTENSION engagement UPDATE TO '1.2'" to load this file. \quit

-- What changes: the means of per-post rates and of survey scores become
-- exact sums (so results no longer depend on the order of the rows), every
-- state and summary type gains a format version in its text and binary
-- forms, and engagement_stats gains equality, order and hashing.
--
-- engagement_mean_state and engagement_index_state get a new layout.  They
-- are aggregate states, not meant to be stored: the update refuses to run
-- while anything of the user's depends on them (below), rather than drop
-- or misread it.  The aggregates
-- that use them (er_post, er_day, engagement_index) keep their identity,
-- so views built on them keep working; only their support functions and
-- state type are replaced.
--
-- engagement_stats values are stored on purpose, and a stored value's
-- length cannot change: the 1.1 type is renamed engagement_stats_1_1 and
-- keeps its functions, aggregates and operator, so tables and views built
-- with 1.1 keep working and give the results they gave; a new, versioned
-- engagement_stats takes its name.  Convert a column with
-- ALTER TABLE t ALTER COLUMN s TYPE engagement_stats USING s::engagement_stats.

-- The update replaces engagement_mean_state and engagement_index_state and
-- the functions that take them.  Anything of the user's that depends on
-- them -- a column (also through a domain or an array), a domain, a
-- constraint, a default, an index, a view or materialized view, a
-- function, a trigger -- would be dropped with them, so the update stops
-- first, changing nothing, and names each such object.
DO $$
DECLARE
    ext pg_catalog.oid := (SELECT e.oid FROM pg_catalog.pg_extension e WHERE e.extname = 'engagement');
    replaced pg_catalog.oid[];
    found pg_catalog.text;
BEGIN
    -- the two types, their array types, and the functions of the extension
    -- whose arguments or result are of them
    SELECT pg_catalog.array_agg(t.oid) INTO replaced
    FROM pg_catalog.pg_type t
    WHERE t.oid IN ('engagement_mean_state'::pg_catalog.regtype, 'engagement_index_state'::pg_catalog.regtype)
       OR t.typelem IN ('engagement_mean_state'::pg_catalog.regtype, 'engagement_index_state'::pg_catalog.regtype);
    WITH RECURSIVE
    members AS (
        SELECT d.classid, d.objid FROM pg_catalog.pg_depend d
        WHERE d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass AND d.refobjid = ext
          AND d.deptype = 'e'
    ),
    start AS (
        SELECT 'pg_catalog.pg_type'::pg_catalog.regclass::pg_catalog.oid AS classid, t AS objid
        FROM pg_catalog.unnest(replaced) t
        UNION
        SELECT 'pg_catalog.pg_proc'::pg_catalog.regclass::pg_catalog.oid, p.oid
        FROM pg_catalog.pg_proc p JOIN members m ON m.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
                                                 AND m.objid = p.oid
        WHERE p.prorettype = ANY (replaced) OR p.proargtypes::pg_catalog.oid[] && replaced
    ),
    -- everything outside the extension that depends on them, directly or
    -- through other such objects (a column of a domain over one of them)
    dependents (classid, objid, objsubid) AS (
        SELECT d.classid, d.objid, d.objsubid
        FROM pg_catalog.pg_depend d JOIN start s ON d.refclassid = s.classid AND d.refobjid = s.objid
        WHERE d.deptype IN ('n', 'a', 'i')
          AND NOT EXISTS (SELECT FROM members m WHERE m.classid = d.classid AND m.objid = d.objid)
          AND NOT EXISTS (SELECT FROM start s2 WHERE s2.classid = d.classid AND s2.objid = d.objid)
        UNION
        SELECT d.classid, d.objid, d.objsubid
        FROM pg_catalog.pg_depend d JOIN dependents x ON d.refclassid = x.classid AND d.refobjid = x.objid
        WHERE d.deptype IN ('n', 'a', 'i')
          AND NOT EXISTS (SELECT FROM members m WHERE m.classid = d.classid AND m.objid = d.objid)
    )
    SELECT pg_catalog.string_agg(DISTINCT pg_catalog.pg_describe_object(x.classid, x.objid, x.objsubid), E'\n')
    INTO found
    FROM dependents x;
    IF found IS NOT NULL THEN
        RAISE EXCEPTION 'objects depend on engagement_mean_state or engagement_index_state, which this update replaces'
            USING ERRCODE = 'object_in_use',
                  DETAIL = E'Their layout changes in engagement 1.2, and the update would drop:\n' || found,
                  HINT = 'Store such columns as text (ALTER TABLE ... ALTER COLUMN ... TYPE text), '
                         'drop the other objects, update, then convert the columns back '
                         '(ALTER TABLE ... ALTER COLUMN ... TYPE engagement_mean_state USING ...::engagement_mean_state) '
                         'and create the objects again.';
    END IF;
END $$;

--------------------------------------------------------------------------
-- engagement_ratio_state: same layout; its text and binary forms now carry
-- the format version
--------------------------------------------------------------------------

COMMENT ON TYPE engagement_ratio_state IS
	'state of a ratio-of-sums aggregate: exact 128-bit numerator and denominator sums, text form v2(num,den)';
COMMENT ON FUNCTION engagement_ratio_state_in(cstring) IS 'text input of engagement_ratio_state, format 2 or the 1.1 form (num,den); malformed text or a value no aggregate could produce is ERROR 22P02';
COMMENT ON FUNCTION engagement_ratio_state_recv(internal) IS 'binary input of engagement_ratio_state, format 2 or 1.1; checked like the text input, ERROR 22P03';
COMMENT ON FUNCTION engagement_ratio_state_send(engagement_ratio_state) IS 'binary output of engagement_ratio_state: a format-version byte, then big-endian integers';

--------------------------------------------------------------------------
-- The new state types, under temporary names until the old ones are gone
--------------------------------------------------------------------------

CREATE TYPE engagement_mean_state_v2;
CREATE FUNCTION engagement_mean_state_v2_in(cstring) RETURNS engagement_mean_state_v2
	AS 'MODULE_PATHNAME', 'engagement_mean_state_in_v2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION engagement_mean_state_v2_out(engagement_mean_state_v2) RETURNS cstring
	AS 'MODULE_PATHNAME', 'engagement_mean_state_out_v2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION engagement_mean_state_v2_recv(internal) RETURNS engagement_mean_state_v2
	AS 'MODULE_PATHNAME', 'engagement_mean_state_recv_v2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION engagement_mean_state_v2_send(engagement_mean_state_v2) RETURNS bytea
	AS 'MODULE_PATHNAME', 'engagement_mean_state_send_v2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE engagement_mean_state_v2 (
	INTERNALLENGTH = 72,
	INPUT = engagement_mean_state_v2_in,
	OUTPUT = engagement_mean_state_v2_out,
	RECEIVE = engagement_mean_state_v2_recv,
	SEND = engagement_mean_state_v2_send,
	ALIGNMENT = double,
	STORAGE = plain
);

CREATE TYPE engagement_index_state_v2;
CREATE FUNCTION engagement_index_state_v2_in(cstring) RETURNS engagement_index_state_v2
	AS 'MODULE_PATHNAME', 'engagement_index_state_in_v2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION engagement_index_state_v2_out(engagement_index_state_v2) RETURNS cstring
	AS 'MODULE_PATHNAME', 'engagement_index_state_out_v2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION engagement_index_state_v2_recv(internal) RETURNS engagement_index_state_v2
	AS 'MODULE_PATHNAME', 'engagement_index_state_recv_v2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION engagement_index_state_v2_send(engagement_index_state_v2) RETURNS bytea
	AS 'MODULE_PATHNAME', 'engagement_index_state_send_v2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE engagement_index_state_v2 (
	INTERNALLENGTH = 120,
	INPUT = engagement_index_state_v2_in,
	OUTPUT = engagement_index_state_v2_out,
	RECEIVE = engagement_index_state_v2_recv,
	SEND = engagement_index_state_v2_send,
	ALIGNMENT = double,
	STORAGE = plain
);

-- their support functions take the names of the old ones (other argument types)
CREATE FUNCTION mean_state_combine(engagement_mean_state_v2, engagement_mean_state_v2)
	RETURNS engagement_mean_state_v2
	AS 'MODULE_PATHNAME', 'mean_state_combine_v2' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION post_rate_mean_finalfn(engagement_mean_state_v2) RETURNS double precision
	AS 'MODULE_PATHNAME', 'post_rate_mean_finalfn_v2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION post_rate_sum_finalfn(engagement_mean_state_v2) RETURNS double precision
	AS 'MODULE_PATHNAME', 'post_rate_sum_finalfn_v2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION index_state_combine(engagement_index_state_v2, engagement_index_state_v2)
	RETURNS engagement_index_state_v2
	AS 'MODULE_PATHNAME', 'index_state_combine_v2' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION engagement_index_transfn(engagement_index_state_v2, double precision,
										 double precision, double precision)
	RETURNS engagement_index_state_v2
	AS 'MODULE_PATHNAME', 'engagement_index_transfn_v2' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION engagement_index_finalfn(engagement_index_state_v2) RETURNS double precision
	AS 'MODULE_PATHNAME', 'engagement_index_finalfn_v2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

--------------------------------------------------------------------------
-- The SMM aggregates of 1.1, in their three widths: every one gets an
-- inverse transition function, so moving window frames take back the rows
-- that leave the frame (moving-aggregate mode), exactly; er_post and er_day
-- move to the new mean state.  CREATE OR REPLACE AGGREGATE keeps each
-- aggregate (its identity, comment and every view that uses it) and
-- records its new support functions and state type.
--------------------------------------------------------------------------

-- generated by src/families.pl (smm_1_1_widths): edit its table, not these lines

CREATE FUNCTION er_reach_inv_transfn(engagement_ratio_state, bigint, bigint, bigint, bigint)
	RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION er_reach_inv_transfn(engagement_ratio_state, bigint, bigint, bigint, bigint) IS
	'inverse transition function of er_reach: takes back a row leaving a moving window frame';

CREATE FUNCTION er_reach_int4_inv_transfn(engagement_ratio_state, integer, integer, integer, integer)
	RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION er_reach_int4_inv_transfn(engagement_ratio_state, integer, integer, integer, integer) IS
	'inverse transition function of er_reach: takes back a row leaving a moving window frame';

CREATE FUNCTION er_reach_int2_inv_transfn(engagement_ratio_state, smallint, smallint, smallint, smallint)
	RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION er_reach_int2_inv_transfn(engagement_ratio_state, smallint, smallint, smallint, smallint) IS
	'inverse transition function of er_reach: takes back a row leaving a moving window frame';

CREATE FUNCTION er_view_inv_transfn(engagement_ratio_state, bigint, bigint, bigint, bigint)
	RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION er_view_inv_transfn(engagement_ratio_state, bigint, bigint, bigint, bigint) IS
	'inverse transition function of er_view: takes back a row leaving a moving window frame';

CREATE FUNCTION er_view_int4_inv_transfn(engagement_ratio_state, integer, integer, integer, integer)
	RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION er_view_int4_inv_transfn(engagement_ratio_state, integer, integer, integer, integer) IS
	'inverse transition function of er_view: takes back a row leaving a moving window frame';

CREATE FUNCTION er_view_int2_inv_transfn(engagement_ratio_state, smallint, smallint, smallint, smallint)
	RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION er_view_int2_inv_transfn(engagement_ratio_state, smallint, smallint, smallint, smallint) IS
	'inverse transition function of er_view: takes back a row leaving a moving window frame';

CREATE FUNCTION post_rate_transfn(engagement_mean_state_v2, bigint, bigint, bigint, bigint)
	RETURNS engagement_mean_state_v2
	AS 'MODULE_PATHNAME', 'post_rate_transfn_v2' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION post_rate_transfn(engagement_mean_state_v2, bigint, bigint, bigint, bigint) IS
	'transition function of er_post and er_day: adds the post''s 100 * (likes + comments + shares) / followers, skipping followers = 0';

CREATE FUNCTION post_rate_inv_transfn(engagement_mean_state_v2, bigint, bigint, bigint, bigint)
	RETURNS engagement_mean_state_v2
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION post_rate_inv_transfn(engagement_mean_state_v2, bigint, bigint, bigint, bigint) IS
	'inverse transition function of er_post and er_day: takes back a row leaving a moving window frame';

CREATE FUNCTION post_rate_int4_transfn(engagement_mean_state_v2, integer, integer, integer, integer)
	RETURNS engagement_mean_state_v2
	AS 'MODULE_PATHNAME', 'post_rate_int4_transfn_v2' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION post_rate_int4_transfn(engagement_mean_state_v2, integer, integer, integer, integer) IS
	'transition function of er_post and er_day: adds the post''s 100 * (likes + comments + shares) / followers, skipping followers = 0';

CREATE FUNCTION post_rate_int4_inv_transfn(engagement_mean_state_v2, integer, integer, integer, integer)
	RETURNS engagement_mean_state_v2
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION post_rate_int4_inv_transfn(engagement_mean_state_v2, integer, integer, integer, integer) IS
	'inverse transition function of er_post and er_day: takes back a row leaving a moving window frame';

CREATE FUNCTION post_rate_int2_transfn(engagement_mean_state_v2, smallint, smallint, smallint, smallint)
	RETURNS engagement_mean_state_v2
	AS 'MODULE_PATHNAME', 'post_rate_int2_transfn_v2' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION post_rate_int2_transfn(engagement_mean_state_v2, smallint, smallint, smallint, smallint) IS
	'transition function of er_post and er_day: adds the post''s 100 * (likes + comments + shares) / followers, skipping followers = 0';

CREATE FUNCTION post_rate_int2_inv_transfn(engagement_mean_state_v2, smallint, smallint, smallint, smallint)
	RETURNS engagement_mean_state_v2
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION post_rate_int2_inv_transfn(engagement_mean_state_v2, smallint, smallint, smallint, smallint) IS
	'inverse transition function of er_post and er_day: takes back a row leaving a moving window frame';

CREATE FUNCTION amplification_rate_inv_transfn(engagement_ratio_state, bigint)
	RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION amplification_rate_inv_transfn(engagement_ratio_state, bigint) IS
	'inverse transition function of amplification_rate: takes back a row leaving a moving window frame';

CREATE FUNCTION amplification_rate_int4_inv_transfn(engagement_ratio_state, integer)
	RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION amplification_rate_int4_inv_transfn(engagement_ratio_state, integer) IS
	'inverse transition function of amplification_rate: takes back a row leaving a moving window frame';

CREATE FUNCTION amplification_rate_int2_inv_transfn(engagement_ratio_state, smallint)
	RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION amplification_rate_int2_inv_transfn(engagement_ratio_state, smallint) IS
	'inverse transition function of amplification_rate: takes back a row leaving a moving window frame';

CREATE OR REPLACE AGGREGATE er_reach(likes bigint, comments bigint, shares bigint, reach bigint) (
	SFUNC = er_reach_transfn,
	STYPE = engagement_ratio_state,
	FINALFUNC = ratio_percent_finalfn,
	COMBINEFUNC = ratio_state_combine,
	INITCOND = '(0,0)',
	MSFUNC = er_reach_transfn,
	MINVFUNC = er_reach_inv_transfn,
	MSTYPE = engagement_ratio_state,
	MFINALFUNC = ratio_percent_finalfn,
	MINITCOND = '(0,0)',
	PARALLEL = SAFE
);

CREATE OR REPLACE AGGREGATE er_reach(likes integer, comments integer, shares integer, reach integer) (
	SFUNC = er_reach_int4_transfn,
	STYPE = engagement_ratio_state,
	FINALFUNC = ratio_percent_finalfn,
	COMBINEFUNC = ratio_state_combine,
	INITCOND = '(0,0)',
	MSFUNC = er_reach_int4_transfn,
	MINVFUNC = er_reach_int4_inv_transfn,
	MSTYPE = engagement_ratio_state,
	MFINALFUNC = ratio_percent_finalfn,
	MINITCOND = '(0,0)',
	PARALLEL = SAFE
);

CREATE OR REPLACE AGGREGATE er_reach(likes smallint, comments smallint, shares smallint, reach smallint) (
	SFUNC = er_reach_int2_transfn,
	STYPE = engagement_ratio_state,
	FINALFUNC = ratio_percent_finalfn,
	COMBINEFUNC = ratio_state_combine,
	INITCOND = '(0,0)',
	MSFUNC = er_reach_int2_transfn,
	MINVFUNC = er_reach_int2_inv_transfn,
	MSTYPE = engagement_ratio_state,
	MFINALFUNC = ratio_percent_finalfn,
	MINITCOND = '(0,0)',
	PARALLEL = SAFE
);

CREATE OR REPLACE AGGREGATE er_view(likes bigint, comments bigint, shares bigint, views bigint) (
	SFUNC = er_view_transfn,
	STYPE = engagement_ratio_state,
	FINALFUNC = ratio_percent_finalfn,
	COMBINEFUNC = ratio_state_combine,
	INITCOND = '(0,0)',
	MSFUNC = er_view_transfn,
	MINVFUNC = er_view_inv_transfn,
	MSTYPE = engagement_ratio_state,
	MFINALFUNC = ratio_percent_finalfn,
	MINITCOND = '(0,0)',
	PARALLEL = SAFE
);

CREATE OR REPLACE AGGREGATE er_view(likes integer, comments integer, shares integer, views integer) (
	SFUNC = er_view_int4_transfn,
	STYPE = engagement_ratio_state,
	FINALFUNC = ratio_percent_finalfn,
	COMBINEFUNC = ratio_state_combine,
	INITCOND = '(0,0)',
	MSFUNC = er_view_int4_transfn,
	MINVFUNC = er_view_int4_inv_transfn,
	MSTYPE = engagement_ratio_state,
	MFINALFUNC = ratio_percent_finalfn,
	MINITCOND = '(0,0)',
	PARALLEL = SAFE
);

CREATE OR REPLACE AGGREGATE er_view(likes smallint, comments smallint, shares smallint, views smallint) (
	SFUNC = er_view_int2_transfn,
	STYPE = engagement_ratio_state,
	FINALFUNC = ratio_percent_finalfn,
	COMBINEFUNC = ratio_state_combine,
	INITCOND = '(0,0)',
	MSFUNC = er_view_int2_transfn,
	MINVFUNC = er_view_int2_inv_transfn,
	MSTYPE = engagement_ratio_state,
	MFINALFUNC = ratio_percent_finalfn,
	MINITCOND = '(0,0)',
	PARALLEL = SAFE
);

CREATE OR REPLACE AGGREGATE er_post(likes bigint, comments bigint, shares bigint, followers bigint) (
	SFUNC = post_rate_transfn,
	STYPE = engagement_mean_state_v2,
	FINALFUNC = post_rate_mean_finalfn,
	COMBINEFUNC = mean_state_combine,
	INITCOND = 'v2(0,0,0,0,0,0)',
	MSFUNC = post_rate_transfn,
	MINVFUNC = post_rate_inv_transfn,
	MSTYPE = engagement_mean_state_v2,
	MFINALFUNC = post_rate_mean_finalfn,
	MINITCOND = 'v2(0,0,0,0,0,0)',
	PARALLEL = SAFE
);

CREATE OR REPLACE AGGREGATE er_post(likes integer, comments integer, shares integer, followers integer) (
	SFUNC = post_rate_int4_transfn,
	STYPE = engagement_mean_state_v2,
	FINALFUNC = post_rate_mean_finalfn,
	COMBINEFUNC = mean_state_combine,
	INITCOND = 'v2(0,0,0,0,0,0)',
	MSFUNC = post_rate_int4_transfn,
	MINVFUNC = post_rate_int4_inv_transfn,
	MSTYPE = engagement_mean_state_v2,
	MFINALFUNC = post_rate_mean_finalfn,
	MINITCOND = 'v2(0,0,0,0,0,0)',
	PARALLEL = SAFE
);

CREATE OR REPLACE AGGREGATE er_post(likes smallint, comments smallint, shares smallint, followers smallint) (
	SFUNC = post_rate_int2_transfn,
	STYPE = engagement_mean_state_v2,
	FINALFUNC = post_rate_mean_finalfn,
	COMBINEFUNC = mean_state_combine,
	INITCOND = 'v2(0,0,0,0,0,0)',
	MSFUNC = post_rate_int2_transfn,
	MINVFUNC = post_rate_int2_inv_transfn,
	MSTYPE = engagement_mean_state_v2,
	MFINALFUNC = post_rate_mean_finalfn,
	MINITCOND = 'v2(0,0,0,0,0,0)',
	PARALLEL = SAFE
);

CREATE OR REPLACE AGGREGATE er_day(likes bigint, comments bigint, shares bigint, followers bigint) (
	SFUNC = post_rate_transfn,
	STYPE = engagement_mean_state_v2,
	FINALFUNC = post_rate_sum_finalfn,
	COMBINEFUNC = mean_state_combine,
	INITCOND = 'v2(0,0,0,0,0,0)',
	MSFUNC = post_rate_transfn,
	MINVFUNC = post_rate_inv_transfn,
	MSTYPE = engagement_mean_state_v2,
	MFINALFUNC = post_rate_sum_finalfn,
	MINITCOND = 'v2(0,0,0,0,0,0)',
	PARALLEL = SAFE
);

CREATE OR REPLACE AGGREGATE er_day(likes integer, comments integer, shares integer, followers integer) (
	SFUNC = post_rate_int4_transfn,
	STYPE = engagement_mean_state_v2,
	FINALFUNC = post_rate_sum_finalfn,
	COMBINEFUNC = mean_state_combine,
	INITCOND = 'v2(0,0,0,0,0,0)',
	MSFUNC = post_rate_int4_transfn,
	MINVFUNC = post_rate_int4_inv_transfn,
	MSTYPE = engagement_mean_state_v2,
	MFINALFUNC = post_rate_sum_finalfn,
	MINITCOND = 'v2(0,0,0,0,0,0)',
	PARALLEL = SAFE
);

CREATE OR REPLACE AGGREGATE er_day(likes smallint, comments smallint, shares smallint, followers smallint) (
	SFUNC = post_rate_int2_transfn,
	STYPE = engagement_mean_state_v2,
	FINALFUNC = post_rate_sum_finalfn,
	COMBINEFUNC = mean_state_combine,
	INITCOND = 'v2(0,0,0,0,0,0)',
	MSFUNC = post_rate_int2_transfn,
	MINVFUNC = post_rate_int2_inv_transfn,
	MSTYPE = engagement_mean_state_v2,
	MFINALFUNC = post_rate_sum_finalfn,
	MINITCOND = 'v2(0,0,0,0,0,0)',
	PARALLEL = SAFE
);

CREATE OR REPLACE AGGREGATE amplification_rate(shares bigint) (
	SFUNC = amplification_rate_transfn,
	STYPE = engagement_ratio_state,
	FINALFUNC = ratio_percent_finalfn,
	COMBINEFUNC = ratio_state_combine,
	INITCOND = '(0,0)',
	MSFUNC = amplification_rate_transfn,
	MINVFUNC = amplification_rate_inv_transfn,
	MSTYPE = engagement_ratio_state,
	MFINALFUNC = ratio_percent_finalfn,
	MINITCOND = '(0,0)',
	PARALLEL = SAFE
);

CREATE OR REPLACE AGGREGATE amplification_rate(shares integer) (
	SFUNC = amplification_rate_int4_transfn,
	STYPE = engagement_ratio_state,
	FINALFUNC = ratio_percent_finalfn,
	COMBINEFUNC = ratio_state_combine,
	INITCOND = '(0,0)',
	MSFUNC = amplification_rate_int4_transfn,
	MINVFUNC = amplification_rate_int4_inv_transfn,
	MSTYPE = engagement_ratio_state,
	MFINALFUNC = ratio_percent_finalfn,
	MINITCOND = '(0,0)',
	PARALLEL = SAFE
);

CREATE OR REPLACE AGGREGATE amplification_rate(shares smallint) (
	SFUNC = amplification_rate_int2_transfn,
	STYPE = engagement_ratio_state,
	FINALFUNC = ratio_percent_finalfn,
	COMBINEFUNC = ratio_state_combine,
	INITCOND = '(0,0)',
	MSFUNC = amplification_rate_int2_transfn,
	MINVFUNC = amplification_rate_int2_inv_transfn,
	MSTYPE = engagement_ratio_state,
	MFINALFUNC = ratio_percent_finalfn,
	MINITCOND = '(0,0)',
	PARALLEL = SAFE
);

-- end of generated smm_1_1_widths

--------------------------------------------------------------------------
-- The survey aggregates of 1.1 get inverse transition functions too, and
-- engagement_index moves to the new index state
--------------------------------------------------------------------------

CREATE FUNCTION q12_index_bool_inv_transfn(engagement_ratio_state, boolean)
	RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION q12_index_bool_inv_transfn(engagement_ratio_state, boolean) IS
	'inverse transition function of q12_index(boolean): takes back a row leaving a moving window frame';

CREATE FUNCTION q12_index_array_inv_transfn(engagement_ratio_state, boolean[])
	RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION q12_index_array_inv_transfn(engagement_ratio_state, boolean[]) IS
	'inverse transition function of q12_index(boolean[]): takes back a row leaving a moving window frame';

CREATE FUNCTION engagement_index_inv_transfn(engagement_index_state_v2, double precision, double precision, double precision)
	RETURNS engagement_index_state_v2
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION engagement_index_inv_transfn(engagement_index_state_v2, double precision, double precision, double precision) IS
	'inverse transition function of engagement_index: takes back a row leaving a moving window frame';

--------------------------------------------------------------------------
-- The survey aggregates of 1.1 get moving-aggregate support, and
-- engagement_index moves to the new state, with CREATE OR REPLACE AGGREGATE
--------------------------------------------------------------------------

CREATE OR REPLACE AGGREGATE q12_index(answer boolean) (
	SFUNC = q12_index_bool_transfn,
	STYPE = engagement_ratio_state,
	FINALFUNC = ratio_percent_finalfn,
	COMBINEFUNC = ratio_state_combine,
	INITCOND = '(0,0)',
	MSFUNC = q12_index_bool_transfn,
	MINVFUNC = q12_index_bool_inv_transfn,
	MSTYPE = engagement_ratio_state,
	MFINALFUNC = ratio_percent_finalfn,
	MINITCOND = '(0,0)',
	PARALLEL = SAFE
);

CREATE OR REPLACE AGGREGATE q12_index(answers boolean[]) (
	SFUNC = q12_index_array_transfn,
	STYPE = engagement_ratio_state,
	FINALFUNC = ratio_percent_finalfn,
	COMBINEFUNC = ratio_state_combine,
	INITCOND = '(0,0)',
	MSFUNC = q12_index_array_transfn,
	MINVFUNC = q12_index_array_inv_transfn,
	MSTYPE = engagement_ratio_state,
	MFINALFUNC = ratio_percent_finalfn,
	MINITCOND = '(0,0)',
	PARALLEL = SAFE
);

CREATE OR REPLACE AGGREGATE engagement_index(work double precision, management double precision,
								  events double precision) (
	SFUNC = engagement_index_transfn,
	STYPE = engagement_index_state_v2,
	FINALFUNC = engagement_index_finalfn,
	COMBINEFUNC = index_state_combine,
	INITCOND = 'v2(0,0,0,0,0,0,0,0,0)',
	MSFUNC = engagement_index_transfn,
	MINVFUNC = engagement_index_inv_transfn,
	MSTYPE = engagement_index_state_v2,
	MFINALFUNC = engagement_index_finalfn,
	MINITCOND = 'v2(0,0,0,0,0,0,0,0,0)',
	PARALLEL = SAFE
);

-- the old support functions and state types, now unused
DROP FUNCTION post_rate_transfn(engagement_mean_state, bigint, bigint, bigint, bigint);
DROP FUNCTION post_rate_int4_transfn(engagement_mean_state, integer, integer, integer, integer);
DROP FUNCTION post_rate_int2_transfn(engagement_mean_state, smallint, smallint, smallint, smallint);
DROP FUNCTION post_rate_mean_finalfn(engagement_mean_state);
DROP FUNCTION post_rate_sum_finalfn(engagement_mean_state);
DROP FUNCTION mean_state_combine(engagement_mean_state, engagement_mean_state);
DROP FUNCTION engagement_index_transfn(engagement_index_state, double precision, double precision, double precision);
DROP FUNCTION engagement_index_finalfn(engagement_index_state);
DROP FUNCTION index_state_combine(engagement_index_state, engagement_index_state);
-- no column holds them (checked above), so CASCADE drops only their I/O functions
DROP TYPE engagement_mean_state CASCADE;
DROP TYPE engagement_index_state CASCADE;

ALTER TYPE engagement_mean_state_v2 RENAME TO engagement_mean_state;
ALTER FUNCTION engagement_mean_state_v2_in(cstring) RENAME TO engagement_mean_state_in;
ALTER FUNCTION engagement_mean_state_v2_out(engagement_mean_state) RENAME TO engagement_mean_state_out;
ALTER FUNCTION engagement_mean_state_v2_recv(internal) RENAME TO engagement_mean_state_recv;
ALTER FUNCTION engagement_mean_state_v2_send(engagement_mean_state) RENAME TO engagement_mean_state_send;
ALTER TYPE engagement_index_state_v2 RENAME TO engagement_index_state;
ALTER FUNCTION engagement_index_state_v2_in(cstring) RENAME TO engagement_index_state_in;
ALTER FUNCTION engagement_index_state_v2_out(engagement_index_state) RENAME TO engagement_index_state_out;
ALTER FUNCTION engagement_index_state_v2_recv(internal) RENAME TO engagement_index_state_recv;
ALTER FUNCTION engagement_index_state_v2_send(engagement_index_state) RENAME TO engagement_index_state_send;

--------------------------------------------------------------------------
-- engagement_stats of 1.1 becomes engagement_stats_1_1
--------------------------------------------------------------------------

ALTER TYPE engagement_stats RENAME TO engagement_stats_1_1;
ALTER FUNCTION engagement_stats_in(cstring) RENAME TO engagement_stats_1_1_in;
ALTER FUNCTION engagement_stats_out(engagement_stats_1_1) RENAME TO engagement_stats_1_1_out;
ALTER FUNCTION engagement_stats_recv(internal) RENAME TO engagement_stats_1_1_recv;
ALTER FUNCTION engagement_stats_send(engagement_stats_1_1) RENAME TO engagement_stats_1_1_send;
ALTER AGGREGATE engagement_agg(bigint, bigint, bigint, bigint, bigint, bigint) RENAME TO engagement_agg_1_1;
ALTER AGGREGATE engagement_agg(integer, integer, integer, integer, integer, integer) RENAME TO engagement_agg_1_1;
ALTER AGGREGATE engagement_agg(smallint, smallint, smallint, smallint, smallint, smallint) RENAME TO engagement_agg_1_1;

-- The C functions of the 1.1 summary under names that say so (the old
-- names stay in the library for the install scripts of 1.0 and 1.1)
CREATE OR REPLACE FUNCTION amplification_rate(engagement_stats_1_1) RETURNS double precision
	AS 'MODULE_PATHNAME', 'engagement_stats_1_1_amplification_rate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION engagement_agg_int2_transfn(engagement_stats_1_1, smallint, smallint, smallint, smallint, smallint, smallint) RETURNS engagement_stats_1_1
	AS 'MODULE_PATHNAME', 'engagement_agg_1_1_int2_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION engagement_agg_int4_transfn(engagement_stats_1_1, integer, integer, integer, integer, integer, integer) RETURNS engagement_stats_1_1
	AS 'MODULE_PATHNAME', 'engagement_agg_1_1_int4_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION engagement_agg_transfn(engagement_stats_1_1, bigint, bigint, bigint, bigint, bigint, bigint) RETURNS engagement_stats_1_1
	AS 'MODULE_PATHNAME', 'engagement_agg_1_1_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION engagement_stats_1_1_in(cstring) RETURNS engagement_stats_1_1
	AS 'MODULE_PATHNAME', 'engagement_stats_1_1_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION engagement_stats_1_1_out(engagement_stats_1_1) RETURNS cstring
	AS 'MODULE_PATHNAME', 'engagement_stats_1_1_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION engagement_stats_1_1_recv(internal) RETURNS engagement_stats_1_1
	AS 'MODULE_PATHNAME', 'engagement_stats_1_1_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION engagement_stats_1_1_send(engagement_stats_1_1) RETURNS bytea
	AS 'MODULE_PATHNAME', 'engagement_stats_1_1_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION engagement_stats_combine(engagement_stats_1_1, engagement_stats_1_1) RETURNS engagement_stats_1_1
	AS 'MODULE_PATHNAME', 'engagement_stats_1_1_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION engagement_stats_eq(engagement_stats_1_1, engagement_stats_1_1) RETURNS boolean
	AS 'MODULE_PATHNAME', 'engagement_stats_1_1_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION engagement_volume(engagement_stats_1_1) RETURNS bigint
	AS 'MODULE_PATHNAME', 'engagement_stats_1_1_engagement_volume' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION er_day(engagement_stats_1_1) RETURNS double precision
	AS 'MODULE_PATHNAME', 'engagement_stats_1_1_er_day' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION er_post(engagement_stats_1_1) RETURNS double precision
	AS 'MODULE_PATHNAME', 'engagement_stats_1_1_er_post' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION er_reach(engagement_stats_1_1) RETURNS double precision
	AS 'MODULE_PATHNAME', 'engagement_stats_1_1_er_reach' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION er_view(engagement_stats_1_1) RETURNS double precision
	AS 'MODULE_PATHNAME', 'engagement_stats_1_1_er_view' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION love_rate(engagement_stats_1_1) RETURNS double precision
	AS 'MODULE_PATHNAME', 'engagement_stats_1_1_love_rate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION post_count(engagement_stats_1_1) RETURNS bigint
	AS 'MODULE_PATHNAME', 'engagement_stats_1_1_post_count' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION talk_rate(engagement_stats_1_1) RETURNS double precision
	AS 'MODULE_PATHNAME', 'engagement_stats_1_1_talk_rate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

--------------------------------------------------------------------------
-- The state types of er_post, er_day and engagement_index: exact sums
--------------------------------------------------------------------------

COMMENT ON TYPE engagement_mean_state IS
	'state of er_post and er_day: the count and exact sum of the per-post rates, the engagements and the follower range of the same posts; text form v2(count,whole,fraction,engagements,min_followers,max_followers)';
COMMENT ON FUNCTION engagement_mean_state_in(cstring) IS 'text input of engagement_mean_state, format 2 or the 1.1 form (count,sum,comp); malformed text or a value no aggregate could produce is ERROR 22P02';
COMMENT ON FUNCTION engagement_mean_state_out(engagement_mean_state) IS 'text output of engagement_mean_state, format 2, exact: it reads back to the same value';
COMMENT ON FUNCTION engagement_mean_state_recv(internal) IS 'binary input of engagement_mean_state, format 2 or 1.1; checked like the text input, ERROR 22P03';
COMMENT ON FUNCTION engagement_mean_state_send(engagement_mean_state) IS 'binary output of engagement_mean_state: a format-version byte, then big-endian integers';
COMMENT ON TYPE engagement_index_state IS
	'state of engagement_index: a count and exact sum of scores per indicator (work, management, events), text form v2(count,whole,fraction, ... three times)';
COMMENT ON FUNCTION engagement_index_state_in(cstring) IS 'text input of engagement_index_state, format 2 or the 1.1 form; malformed text or a value no aggregate could produce is ERROR 22P02';
COMMENT ON FUNCTION engagement_index_state_out(engagement_index_state) IS 'text output of engagement_index_state, format 2, exact: it reads back to the same value';
COMMENT ON FUNCTION engagement_index_state_recv(internal) IS 'binary input of engagement_index_state, format 2 or 1.1; checked like the text input, ERROR 22P03';
COMMENT ON FUNCTION engagement_index_state_send(engagement_index_state) IS 'binary output of engagement_index_state: a format-version byte, then big-endian integers';

COMMENT ON FUNCTION mean_state_combine(engagement_mean_state, engagement_mean_state) IS
	'combine function of er_post and er_day: adds counts and exact sums';
COMMENT ON FUNCTION post_rate_mean_finalfn(engagement_mean_state) IS
	'final function of er_post: the mean of the per-post rates, correctly rounded when every post had the same followers';
COMMENT ON FUNCTION post_rate_sum_finalfn(engagement_mean_state) IS
	'final function of er_day: the sum of the per-post rates, equal to the scalar er_day of the totals when every post had the same followers';
COMMENT ON FUNCTION index_state_combine(engagement_index_state, engagement_index_state) IS
	'combine function of engagement_index: adds the counts and exact sums of each indicator';
COMMENT ON FUNCTION engagement_index_transfn(engagement_index_state, double precision, double precision, double precision) IS
	'transition function of engagement_index: adds each non-NULL score to its indicator''s exact sum';
COMMENT ON FUNCTION engagement_index_finalfn(engagement_index_state) IS
	'final function of engagement_index: avg(work) + avg(management) + avg(events), NULL if an indicator has no score';

--------------------------------------------------------------------------
-- engagement_stats_1_1: summaries as version 1.1 stored them
--------------------------------------------------------------------------

COMMENT ON TYPE engagement_stats_1_1 IS
	'a summary as engagement 1.1 stored it (200 bytes); kept so that tables and views built with 1.1 keep working; convert with ::engagement_stats';
COMMENT ON FUNCTION engagement_stats_1_1_in(cstring) IS 'text input of engagement_stats_1_1 (the 1.1 text form); malformed text is ERROR 22P02';
COMMENT ON FUNCTION engagement_stats_1_1_out(engagement_stats_1_1) IS 'text output of engagement_stats_1_1, the 1.1 text form';
COMMENT ON FUNCTION engagement_stats_1_1_recv(internal) IS 'binary input of engagement_stats_1_1 (the 200-byte 1.1 form), checked like the text input, ERROR 22P03';
COMMENT ON FUNCTION engagement_stats_1_1_send(engagement_stats_1_1) IS 'binary output of engagement_stats_1_1, the 1.1 form';
COMMENT ON AGGREGATE engagement_agg_1_1(bigint, bigint, bigint, bigint, bigint, bigint) IS
	'the 1.1 summary aggregate, kept for views built with 1.1; use engagement_agg';
COMMENT ON AGGREGATE engagement_agg_1_1(integer, integer, integer, integer, integer, integer) IS
	'the 1.1 summary aggregate, kept for views built with 1.1; use engagement_agg';
COMMENT ON AGGREGATE engagement_agg_1_1(smallint, smallint, smallint, smallint, smallint, smallint) IS
	'the 1.1 summary aggregate, kept for views built with 1.1; use engagement_agg';
COMMENT ON OPERATOR = (engagement_stats_1_1, engagement_stats_1_1) IS
	'two summaries stored by 1.1, identical bit for bit';

--------------------------------------------------------------------------
-- Summary type: engagement_agg builds it, rollup merges it, accessors read
-- it; format 2, exact, with equality, order and hashing
--------------------------------------------------------------------------

CREATE TYPE engagement_stats;

CREATE FUNCTION engagement_stats_in(cstring) RETURNS engagement_stats
	AS 'MODULE_PATHNAME', 'engagement_stats_in_v2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION engagement_stats_out(engagement_stats) RETURNS cstring
	AS 'MODULE_PATHNAME', 'engagement_stats_out_v2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION engagement_stats_recv(internal) RETURNS engagement_stats
	AS 'MODULE_PATHNAME', 'engagement_stats_recv_v2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION engagement_stats_send(engagement_stats) RETURNS bytea
	AS 'MODULE_PATHNAME', 'engagement_stats_send_v2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE engagement_stats (
	INTERNALLENGTH = VARIABLE,
	INPUT = engagement_stats_in,
	OUTPUT = engagement_stats_out,
	RECEIVE = engagement_stats_recv,
	SEND = engagement_stats_send,
	ALIGNMENT = double,
	STORAGE = plain
);
COMMENT ON TYPE engagement_stats IS
	'summary of a group of posts: the exact state of every SMM aggregate; build with engagement_agg, merge with rollup, read with the accessors; equal summaries of the same posts are =';
COMMENT ON FUNCTION engagement_stats_in(cstring) IS 'text input of engagement_stats, format 2 or the 1.1 form; malformed text or a value no aggregate could produce is ERROR 22P02';
COMMENT ON FUNCTION engagement_stats_out(engagement_stats) IS 'text output of engagement_stats, format 2, exact: it reads back to the same value';
COMMENT ON FUNCTION engagement_stats_recv(internal) IS 'binary input of engagement_stats, format 2 or 1.1; checked like the text input, ERROR 22P03';
COMMENT ON FUNCTION engagement_stats_send(engagement_stats) IS 'binary output of engagement_stats: a format-version byte, then big-endian integers';

CREATE FUNCTION engagement_stats_combine(engagement_stats, engagement_stats)
	RETURNS engagement_stats
	AS 'MODULE_PATHNAME', 'engagement_stats_combine_v2' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION engagement_stats_combine(engagement_stats, engagement_stats) IS
	'merges two summaries: adds every count and exact sum; combine function of engagement_agg, transition function of rollup';

CREATE FUNCTION engagement_agg_transfn(engagement_stats, bigint, bigint, bigint, bigint, bigint, bigint)
	RETURNS engagement_stats
	AS 'MODULE_PATHNAME', 'engagement_agg_transfn_v2' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION engagement_agg_transfn(engagement_stats, bigint, bigint, bigint, bigint, bigint, bigint) IS
	'transition function of engagement_agg: adds one post to the summary';

CREATE FUNCTION engagement_agg_int4_transfn(engagement_stats, integer, integer, integer, integer, integer, integer)
	RETURNS engagement_stats
	AS 'MODULE_PATHNAME', 'engagement_agg_int4_transfn_v2' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION engagement_agg_int4_transfn(engagement_stats, integer, integer, integer, integer, integer, integer) IS
	'transition function of engagement_agg: adds one post to the summary';

CREATE FUNCTION engagement_agg_int2_transfn(engagement_stats, smallint, smallint, smallint, smallint, smallint, smallint)
	RETURNS engagement_stats
	AS 'MODULE_PATHNAME', 'engagement_agg_int2_transfn_v2' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION engagement_agg_int2_transfn(engagement_stats, smallint, smallint, smallint, smallint, smallint, smallint) IS
	'transition function of engagement_agg: adds one post to the summary';

CREATE FUNCTION engagement_agg_inv_transfn(engagement_stats, bigint, bigint, bigint, bigint, bigint, bigint)
	RETURNS engagement_stats
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION engagement_agg_inv_transfn(engagement_stats, bigint, bigint, bigint, bigint, bigint, bigint) IS
	'inverse transition function of engagement_agg: takes back a post leaving a moving window frame';

CREATE FUNCTION engagement_agg_int4_inv_transfn(engagement_stats, integer, integer, integer, integer, integer, integer)
	RETURNS engagement_stats
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION engagement_agg_int4_inv_transfn(engagement_stats, integer, integer, integer, integer, integer, integer) IS
	'inverse transition function of engagement_agg: takes back a post leaving a moving window frame';

CREATE FUNCTION engagement_agg_int2_inv_transfn(engagement_stats, smallint, smallint, smallint, smallint, smallint, smallint)
	RETURNS engagement_stats
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION engagement_agg_int2_inv_transfn(engagement_stats, smallint, smallint, smallint, smallint, smallint, smallint) IS
	'inverse transition function of engagement_agg: takes back a post leaving a moving window frame';

CREATE FUNCTION engagement_stats_inv_combine(engagement_stats, engagement_stats)
	RETURNS engagement_stats
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION engagement_stats_inv_combine(engagement_stats, engagement_stats) IS
	'inverse transition function of rollup: takes back a summary leaving a moving window frame';

CREATE AGGREGATE engagement_agg(likes bigint, comments bigint, shares bigint,
								reach bigint, views bigint, followers bigint) (
	SFUNC = engagement_agg_transfn,
	STYPE = engagement_stats,
	COMBINEFUNC = engagement_stats_combine,
	INITCOND = 'v2(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)',
	MSFUNC = engagement_agg_transfn,
	MINVFUNC = engagement_agg_inv_transfn,
	MSTYPE = engagement_stats,
	MINITCOND = 'v2(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE engagement_agg(bigint, bigint, bigint, bigint, bigint, bigint) IS
	'summary of posts for every SMM metric; a NULL input leaves the row out of exactly the metrics that need it';

CREATE AGGREGATE engagement_agg(likes integer, comments integer, shares integer,
								reach integer, views integer, followers integer) (
	SFUNC = engagement_agg_int4_transfn,
	STYPE = engagement_stats,
	COMBINEFUNC = engagement_stats_combine,
	INITCOND = 'v2(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)',
	MSFUNC = engagement_agg_int4_transfn,
	MINVFUNC = engagement_agg_int4_inv_transfn,
	MSTYPE = engagement_stats,
	MINITCOND = 'v2(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE engagement_agg(integer, integer, integer, integer, integer, integer) IS
	'summary of posts for every SMM metric; a NULL input leaves the row out of exactly the metrics that need it';

CREATE AGGREGATE engagement_agg(likes smallint, comments smallint, shares smallint,
								reach smallint, views smallint, followers smallint) (
	SFUNC = engagement_agg_int2_transfn,
	STYPE = engagement_stats,
	COMBINEFUNC = engagement_stats_combine,
	INITCOND = 'v2(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)',
	MSFUNC = engagement_agg_int2_transfn,
	MINVFUNC = engagement_agg_int2_inv_transfn,
	MSTYPE = engagement_stats,
	MINITCOND = 'v2(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE engagement_agg(smallint, smallint, smallint, smallint, smallint, smallint) IS
	'summary of posts for every SMM metric; a NULL input leaves the row out of exactly the metrics that need it';

CREATE AGGREGATE rollup(engagement_stats) (
	SFUNC = engagement_stats_combine,
	STYPE = engagement_stats,
	COMBINEFUNC = engagement_stats_combine,
	INITCOND = 'v2(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)',
	MSFUNC = engagement_stats_combine,
	MINVFUNC = engagement_stats_inv_combine,
	MSTYPE = engagement_stats,
	MINITCOND = 'v2(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE rollup(engagement_stats) IS
	'merges summaries, e.g. daily ones into weeks; NULL summaries are skipped';

CREATE FUNCTION er_reach(engagement_stats) RETURNS double precision
	AS 'MODULE_PATHNAME', 'engagement_stats_er_reach_v2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION er_reach(engagement_stats) IS
	'ER by reach of a summary, percent: 100 * sum(likes + comments + shares) / sum(reach), as the er_reach aggregate';

CREATE FUNCTION er_view(engagement_stats) RETURNS double precision
	AS 'MODULE_PATHNAME', 'engagement_stats_er_view_v2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION er_view(engagement_stats) IS
	'ER view of a summary, percent: 100 * sum(likes + comments + shares) / sum(views), as the er_view aggregate';

CREATE FUNCTION er_post(engagement_stats) RETURNS double precision
	AS 'MODULE_PATHNAME', 'engagement_stats_er_post_v2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION er_post(engagement_stats) IS
	'average ER post of a summary, percent, as the er_post aggregate';

CREATE FUNCTION er_day(engagement_stats) RETURNS double precision
	AS 'MODULE_PATHNAME', 'engagement_stats_er_day_v2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION er_day(engagement_stats) IS
	'ER day of a summary, percent: sum of the per-post ER, as the er_day aggregate';

CREATE FUNCTION love_rate(engagement_stats) RETURNS double precision
	AS 'MODULE_PATHNAME', 'engagement_stats_love_rate_v2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION love_rate(engagement_stats) IS
	'love rate of a summary, percent: mean over posts of 100 * likes / followers, as avg(love_rate(likes, followers))';

CREATE FUNCTION talk_rate(engagement_stats) RETURNS double precision
	AS 'MODULE_PATHNAME', 'engagement_stats_talk_rate_v2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION talk_rate(engagement_stats) IS
	'talk rate of a summary, percent: mean over posts of 100 * comments / followers, as avg(talk_rate(comments, followers))';

CREATE FUNCTION amplification_rate(engagement_stats) RETURNS double precision
	AS 'MODULE_PATHNAME', 'engagement_stats_amplification_rate_v2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION amplification_rate(engagement_stats) IS
	'amplification rate of a summary, percent: 100 * sum(shares) / posts, as the amplification_rate aggregate';

CREATE FUNCTION engagement_volume(engagement_stats) RETURNS bigint
	AS 'MODULE_PATHNAME', 'engagement_stats_engagement_volume_v2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION engagement_volume(engagement_stats) IS
	'engagement volume of a summary: sum(likes + comments + shares), as sum(engagement_volume(likes, comments, shares))';

CREATE FUNCTION post_count(engagement_stats) RETURNS bigint
	AS 'MODULE_PATHNAME', 'engagement_stats_post_count_v2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION post_count(engagement_stats) IS
	'number of posts in a summary, as count(*)';

-- equality, order and hashing: summaries of the same posts are identical,
-- so = is identity; the order is total but has no meaning of its own

CREATE FUNCTION engagement_stats_eq(engagement_stats, engagement_stats) RETURNS boolean
	AS 'MODULE_PATHNAME', 'engagement_stats_eq_v2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION engagement_stats_eq(engagement_stats, engagement_stats) IS
	'true when two summaries hold the same counts and sums, as two summaries of the same posts always do';
CREATE FUNCTION engagement_stats_ne(engagement_stats, engagement_stats) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION engagement_stats_ne(engagement_stats, engagement_stats) IS 'not engagement_stats_eq';
CREATE FUNCTION engagement_stats_lt(engagement_stats, engagement_stats) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION engagement_stats_lt(engagement_stats, engagement_stats) IS 'the btree order of summaries: total, consistent with =, otherwise arbitrary';
CREATE FUNCTION engagement_stats_le(engagement_stats, engagement_stats) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION engagement_stats_le(engagement_stats, engagement_stats) IS 'the btree order of summaries: total, consistent with =, otherwise arbitrary';
CREATE FUNCTION engagement_stats_gt(engagement_stats, engagement_stats) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION engagement_stats_gt(engagement_stats, engagement_stats) IS 'the btree order of summaries: total, consistent with =, otherwise arbitrary';
CREATE FUNCTION engagement_stats_ge(engagement_stats, engagement_stats) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION engagement_stats_ge(engagement_stats, engagement_stats) IS 'the btree order of summaries: total, consistent with =, otherwise arbitrary';
CREATE FUNCTION engagement_stats_cmp(engagement_stats, engagement_stats) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION engagement_stats_cmp(engagement_stats, engagement_stats) IS 'btree support: -1, 0 or 1';
CREATE FUNCTION engagement_stats_hash(engagement_stats) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION engagement_stats_hash(engagement_stats) IS 'hash support: equal summaries hash alike';
CREATE FUNCTION engagement_stats_hash_extended(engagement_stats, bigint) RETURNS bigint
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION engagement_stats_hash_extended(engagement_stats, bigint) IS 'hash support with a seed';

CREATE OPERATOR = (
	LEFTARG = engagement_stats, RIGHTARG = engagement_stats, FUNCTION = engagement_stats_eq,
	COMMUTATOR = =, NEGATOR = <>, RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES
);
COMMENT ON OPERATOR = (engagement_stats, engagement_stats) IS
	'summaries with the same counts and sums, as any two summaries of the same posts';
CREATE OPERATOR <> (
	LEFTARG = engagement_stats, RIGHTARG = engagement_stats, FUNCTION = engagement_stats_ne,
	COMMUTATOR = <>, NEGATOR = =, RESTRICT = neqsel, JOIN = neqjoinsel
);
COMMENT ON OPERATOR <> (engagement_stats, engagement_stats) IS 'not =';
CREATE OPERATOR < (
	LEFTARG = engagement_stats, RIGHTARG = engagement_stats, FUNCTION = engagement_stats_lt,
	COMMUTATOR = >, NEGATOR = >=, RESTRICT = scalarltsel, JOIN = scalarltjoinsel
);
COMMENT ON OPERATOR < (engagement_stats, engagement_stats) IS 'the btree order of summaries (arbitrary but total)';
CREATE OPERATOR <= (
	LEFTARG = engagement_stats, RIGHTARG = engagement_stats, FUNCTION = engagement_stats_le,
	COMMUTATOR = >=, NEGATOR = >, RESTRICT = scalarlesel, JOIN = scalarlejoinsel
);
COMMENT ON OPERATOR <= (engagement_stats, engagement_stats) IS 'the btree order of summaries (arbitrary but total)';
CREATE OPERATOR > (
	LEFTARG = engagement_stats, RIGHTARG = engagement_stats, FUNCTION = engagement_stats_gt,
	COMMUTATOR = <, NEGATOR = <=, RESTRICT = scalargtsel, JOIN = scalargtjoinsel
);
COMMENT ON OPERATOR > (engagement_stats, engagement_stats) IS 'the btree order of summaries (arbitrary but total)';
CREATE OPERATOR >= (
	LEFTARG = engagement_stats, RIGHTARG = engagement_stats, FUNCTION = engagement_stats_ge,
	COMMUTATOR = <=, NEGATOR = <, RESTRICT = scalargesel, JOIN = scalargejoinsel
);
COMMENT ON OPERATOR >= (engagement_stats, engagement_stats) IS 'the btree order of summaries (arbitrary but total)';

CREATE OPERATOR CLASS engagement_stats_ops
	DEFAULT FOR TYPE engagement_stats USING btree AS
		OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >,
		FUNCTION 1 engagement_stats_cmp(engagement_stats, engagement_stats);
COMMENT ON OPERATOR CLASS engagement_stats_ops USING btree IS
	'btree order of summaries, for DISTINCT, GROUP BY, UNION and merge joins';
CREATE OPERATOR CLASS engagement_stats_ops
	DEFAULT FOR TYPE engagement_stats USING hash AS
		OPERATOR 1 =,
		FUNCTION 1 engagement_stats_hash(engagement_stats),
		FUNCTION 2 engagement_stats_hash_extended(engagement_stats, bigint);
COMMENT ON OPERATOR CLASS engagement_stats_ops USING hash IS
	'hashing of summaries, for hash aggregates and hash joins';
COMMENT ON OPERATOR FAMILY engagement_stats_ops USING btree IS
	'btree order of summaries';
COMMENT ON OPERATOR FAMILY engagement_stats_ops USING hash IS
	'hashing of summaries';

CREATE FUNCTION engagement_stats(engagement_stats_1_1) RETURNS engagement_stats
	AS 'MODULE_PATHNAME', 'engagement_stats_from_1_1' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION engagement_stats(engagement_stats_1_1) IS
	'a 1.1 summary in the current format; every accessor gives what it gave on the 1.1 value';
CREATE CAST (engagement_stats_1_1 AS engagement_stats)
	WITH FUNCTION engagement_stats(engagement_stats_1_1) AS ASSIGNMENT;
COMMENT ON CAST (engagement_stats_1_1 AS engagement_stats) IS
	'converts a summary stored by 1.1 to the current format, e.g. ALTER TABLE ... TYPE engagement_stats';

--------------------------------------------------------------------------
-- Overloads for what analysts type first (added in 1.2)
--
-- Each two-argument rate and cost takes smallint, integer, bigint and
-- numeric counts.  With all four, any mix of them resolves to exactly one
-- overload, the narrowest that takes both arguments (a call with integer
-- and bigint arguments uses the bigint one), and so do numeric literals.
-- The numeric form is for sums of bigint columns (sum(bigint) is numeric)
-- and fractional counts; for whole numbers it gives the bigint form's
-- result.  The smallint and integer forms spare their columns a cast.
--------------------------------------------------------------------------

-- generated by src/families.pl (scalar_widths): edit its table, not these lines

CREATE FUNCTION er_reach(engagements numeric, reach numeric) RETURNS double precision
	AS 'MODULE_PATHNAME', 'er_reach_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION er_reach(numeric, numeric) IS
	'ER by reach (ERR), percent: 100 * engagements / reach; NULL when reach = 0; numeric counts, e.g. sums of bigint columns';

CREATE FUNCTION er_reach(engagements integer, reach integer) RETURNS double precision
	AS 'MODULE_PATHNAME', 'er_reach_int4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION er_reach(integer, integer) IS
	'ER by reach (ERR), percent: 100 * engagements / reach; NULL when reach = 0';

CREATE FUNCTION er_reach(engagements smallint, reach smallint) RETURNS double precision
	AS 'MODULE_PATHNAME', 'er_reach_int2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION er_reach(smallint, smallint) IS
	'ER by reach (ERR), percent: 100 * engagements / reach; NULL when reach = 0';

CREATE FUNCTION er_view(engagements numeric, views numeric) RETURNS double precision
	AS 'MODULE_PATHNAME', 'er_view_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION er_view(numeric, numeric) IS
	'ER view, percent: 100 * engagements / views; NULL when views = 0; numeric counts, e.g. sums of bigint columns';

CREATE FUNCTION er_view(engagements integer, views integer) RETURNS double precision
	AS 'MODULE_PATHNAME', 'er_view_int4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION er_view(integer, integer) IS
	'ER view, percent: 100 * engagements / views; NULL when views = 0';

CREATE FUNCTION er_view(engagements smallint, views smallint) RETURNS double precision
	AS 'MODULE_PATHNAME', 'er_view_int2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION er_view(smallint, smallint) IS
	'ER view, percent: 100 * engagements / views; NULL when views = 0';

CREATE FUNCTION er_post(engagements numeric, followers numeric) RETURNS double precision
	AS 'MODULE_PATHNAME', 'er_post_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION er_post(numeric, numeric) IS
	'ER of one post, percent: 100 * engagements / followers; NULL when followers = 0; numeric counts, e.g. sums of bigint columns';

CREATE FUNCTION er_post(engagements integer, followers integer) RETURNS double precision
	AS 'MODULE_PATHNAME', 'er_post_int4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION er_post(integer, integer) IS
	'ER of one post, percent: 100 * engagements / followers; NULL when followers = 0';

CREATE FUNCTION er_post(engagements smallint, followers smallint) RETURNS double precision
	AS 'MODULE_PATHNAME', 'er_post_int2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION er_post(smallint, smallint) IS
	'ER of one post, percent: 100 * engagements / followers; NULL when followers = 0';

CREATE FUNCTION er_day(engagements numeric, followers numeric) RETURNS double precision
	AS 'MODULE_PATHNAME', 'er_day_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION er_day(numeric, numeric) IS
	'ER of one day, percent: 100 * engagements / followers; NULL when followers = 0; numeric counts, e.g. sums of bigint columns';

CREATE FUNCTION er_day(engagements integer, followers integer) RETURNS double precision
	AS 'MODULE_PATHNAME', 'er_day_int4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION er_day(integer, integer) IS
	'ER of one day, percent: 100 * engagements / followers; NULL when followers = 0';

CREATE FUNCTION er_day(engagements smallint, followers smallint) RETURNS double precision
	AS 'MODULE_PATHNAME', 'er_day_int2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION er_day(smallint, smallint) IS
	'ER of one day, percent: 100 * engagements / followers; NULL when followers = 0';

CREATE FUNCTION er_unique(engaged_users numeric, followers numeric) RETURNS double precision
	AS 'MODULE_PATHNAME', 'er_unique_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION er_unique(numeric, numeric) IS
	'ER by unique engaged users, percent: 100 * engaged_users / followers; NULL when followers = 0; numeric counts, e.g. sums of bigint columns';

CREATE FUNCTION er_unique(engaged_users integer, followers integer) RETURNS double precision
	AS 'MODULE_PATHNAME', 'er_unique_int4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION er_unique(integer, integer) IS
	'ER by unique engaged users, percent: 100 * engaged_users / followers; NULL when followers = 0';

CREATE FUNCTION er_unique(engaged_users smallint, followers smallint) RETURNS double precision
	AS 'MODULE_PATHNAME', 'er_unique_int2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION er_unique(smallint, smallint) IS
	'ER by unique engaged users, percent: 100 * engaged_users / followers; NULL when followers = 0';

CREATE FUNCTION love_rate(likes numeric, followers numeric) RETURNS double precision
	AS 'MODULE_PATHNAME', 'love_rate_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION love_rate(numeric, numeric) IS
	'love rate, percent: 100 * likes / followers; NULL when followers = 0; numeric counts, e.g. sums of bigint columns';

CREATE FUNCTION love_rate(likes integer, followers integer) RETURNS double precision
	AS 'MODULE_PATHNAME', 'love_rate_int4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION love_rate(integer, integer) IS
	'love rate, percent: 100 * likes / followers; NULL when followers = 0';

CREATE FUNCTION love_rate(likes smallint, followers smallint) RETURNS double precision
	AS 'MODULE_PATHNAME', 'love_rate_int2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION love_rate(smallint, smallint) IS
	'love rate, percent: 100 * likes / followers; NULL when followers = 0';

CREATE FUNCTION talk_rate(comments numeric, followers numeric) RETURNS double precision
	AS 'MODULE_PATHNAME', 'talk_rate_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION talk_rate(numeric, numeric) IS
	'talk rate, percent: 100 * comments / followers; NULL when followers = 0; numeric counts, e.g. sums of bigint columns';

CREATE FUNCTION talk_rate(comments integer, followers integer) RETURNS double precision
	AS 'MODULE_PATHNAME', 'talk_rate_int4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION talk_rate(integer, integer) IS
	'talk rate, percent: 100 * comments / followers; NULL when followers = 0';

CREATE FUNCTION talk_rate(comments smallint, followers smallint) RETURNS double precision
	AS 'MODULE_PATHNAME', 'talk_rate_int2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION talk_rate(smallint, smallint) IS
	'talk rate, percent: 100 * comments / followers; NULL when followers = 0';

CREATE FUNCTION amplification_rate(shares numeric, posts numeric) RETURNS double precision
	AS 'MODULE_PATHNAME', 'amplification_rate_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION amplification_rate(numeric, numeric) IS
	'amplification rate, percent: 100 * shares / posts; NULL when posts = 0; numeric counts, e.g. sums of bigint columns';

CREATE FUNCTION amplification_rate(shares integer, posts integer) RETURNS double precision
	AS 'MODULE_PATHNAME', 'amplification_rate_int4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION amplification_rate(integer, integer) IS
	'amplification rate, percent: 100 * shares / posts; NULL when posts = 0';

CREATE FUNCTION amplification_rate(shares smallint, posts smallint) RETURNS double precision
	AS 'MODULE_PATHNAME', 'amplification_rate_int2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION amplification_rate(smallint, smallint) IS
	'amplification rate, percent: 100 * shares / posts; NULL when posts = 0';

CREATE FUNCTION follower_growth(new_followers numeric, followers numeric) RETURNS double precision
	AS 'MODULE_PATHNAME', 'follower_growth_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION follower_growth(numeric, numeric) IS
	'follower growth, percent: 100 * new_followers / followers; NULL when followers = 0; numeric counts, e.g. sums of bigint columns';

CREATE FUNCTION follower_growth(new_followers integer, followers integer) RETURNS double precision
	AS 'MODULE_PATHNAME', 'follower_growth_int4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION follower_growth(integer, integer) IS
	'follower growth, percent: 100 * new_followers / followers; NULL when followers = 0';

CREATE FUNCTION follower_growth(new_followers smallint, followers smallint) RETURNS double precision
	AS 'MODULE_PATHNAME', 'follower_growth_int2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION follower_growth(smallint, smallint) IS
	'follower growth, percent: 100 * new_followers / followers; NULL when followers = 0';

CREATE FUNCTION ctr(clicks numeric, impressions numeric) RETURNS double precision
	AS 'MODULE_PATHNAME', 'ctr_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ctr(numeric, numeric) IS
	'click-through rate, percent: 100 * clicks / impressions; NULL when impressions = 0; numeric counts, e.g. sums of bigint columns';

CREATE FUNCTION ctr(clicks integer, impressions integer) RETURNS double precision
	AS 'MODULE_PATHNAME', 'ctr_int4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ctr(integer, integer) IS
	'click-through rate, percent: 100 * clicks / impressions; NULL when impressions = 0';

CREATE FUNCTION ctr(clicks smallint, impressions smallint) RETURNS double precision
	AS 'MODULE_PATHNAME', 'ctr_int2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ctr(smallint, smallint) IS
	'click-through rate, percent: 100 * clicks / impressions; NULL when impressions = 0';

CREATE FUNCTION response_rate(answers numeric, questions numeric) RETURNS double precision
	AS 'MODULE_PATHNAME', 'response_rate_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION response_rate(numeric, numeric) IS
	'response rate, percent: 100 * answers / questions; NULL when questions = 0; numeric counts, e.g. sums of bigint columns';

CREATE FUNCTION response_rate(answers integer, questions integer) RETURNS double precision
	AS 'MODULE_PATHNAME', 'response_rate_int4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION response_rate(integer, integer) IS
	'response rate, percent: 100 * answers / questions; NULL when questions = 0';

CREATE FUNCTION response_rate(answers smallint, questions smallint) RETURNS double precision
	AS 'MODULE_PATHNAME', 'response_rate_int2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION response_rate(smallint, smallint) IS
	'response rate, percent: 100 * answers / questions; NULL when questions = 0';

CREATE FUNCTION cpc(spend numeric, clicks numeric) RETURNS numeric
	AS 'MODULE_PATHNAME', 'cpc_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cpc(numeric, numeric) IS
	'cost per click: spend / clicks; NULL when clicks = 0; numeric count, e.g. a sum of a bigint column';

CREATE FUNCTION cpc(spend numeric, clicks integer) RETURNS numeric
	AS 'MODULE_PATHNAME', 'cpc_int4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cpc(numeric, integer) IS
	'cost per click: spend / clicks; NULL when clicks = 0';

CREATE FUNCTION cpc(spend numeric, clicks smallint) RETURNS numeric
	AS 'MODULE_PATHNAME', 'cpc_int2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cpc(numeric, smallint) IS
	'cost per click: spend / clicks; NULL when clicks = 0';

CREATE FUNCTION cpl(spend numeric, leads numeric) RETURNS numeric
	AS 'MODULE_PATHNAME', 'cpl_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cpl(numeric, numeric) IS
	'cost per lead: spend / leads; NULL when leads = 0; numeric count, e.g. a sum of a bigint column';

CREATE FUNCTION cpl(spend numeric, leads integer) RETURNS numeric
	AS 'MODULE_PATHNAME', 'cpl_int4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cpl(numeric, integer) IS
	'cost per lead: spend / leads; NULL when leads = 0';

CREATE FUNCTION cpl(spend numeric, leads smallint) RETURNS numeric
	AS 'MODULE_PATHNAME', 'cpl_int2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cpl(numeric, smallint) IS
	'cost per lead: spend / leads; NULL when leads = 0';

CREATE FUNCTION cost_per_engagement(spend numeric, engagements numeric) RETURNS numeric
	AS 'MODULE_PATHNAME', 'cost_per_engagement_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cost_per_engagement(numeric, numeric) IS
	'cost per engagement: spend / engagements; NULL when engagements = 0; numeric count, e.g. a sum of a bigint column';

CREATE FUNCTION cost_per_engagement(spend numeric, engagements integer) RETURNS numeric
	AS 'MODULE_PATHNAME', 'cost_per_engagement_int4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cost_per_engagement(numeric, integer) IS
	'cost per engagement: spend / engagements; NULL when engagements = 0';

CREATE FUNCTION cost_per_engagement(spend numeric, engagements smallint) RETURNS numeric
	AS 'MODULE_PATHNAME', 'cost_per_engagement_int2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cost_per_engagement(numeric, smallint) IS
	'cost per engagement: spend / engagements; NULL when engagements = 0';

CREATE FUNCTION cost_per_follower(spend numeric, new_followers numeric) RETURNS numeric
	AS 'MODULE_PATHNAME', 'cost_per_follower_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cost_per_follower(numeric, numeric) IS
	'cost per follower: spend / new_followers; NULL when new_followers = 0; numeric count, e.g. a sum of a bigint column';

CREATE FUNCTION cost_per_follower(spend numeric, new_followers integer) RETURNS numeric
	AS 'MODULE_PATHNAME', 'cost_per_follower_int4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cost_per_follower(numeric, integer) IS
	'cost per follower: spend / new_followers; NULL when new_followers = 0';

CREATE FUNCTION cost_per_follower(spend numeric, new_followers smallint) RETURNS numeric
	AS 'MODULE_PATHNAME', 'cost_per_follower_int2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cost_per_follower(numeric, smallint) IS
	'cost per follower: spend / new_followers; NULL when new_followers = 0';

-- end of generated scalar_widths

--------------------------------------------------------------------------
-- SMM aggregates over mixed widths (added in 1.2): the engagement counts of
-- one integer width and the audience of another (integer likes, comments
-- and shares with a bigint reach is the common schema), so that no column
-- needs a cast per row.  With all nine combinations any mix of widths
-- resolves to exactly one overload; the results are those of the bigint
-- form.
--------------------------------------------------------------------------

-- generated by src/families.pl (mixed_widths): edit its table, not these lines

CREATE FUNCTION er_reach_int2_int4_transfn(engagement_ratio_state, smallint, smallint, smallint, integer)
	RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION er_reach_int2_int4_transfn(engagement_ratio_state, smallint, smallint, smallint, integer) IS
	'transition function of er_reach: adds likes + comments + shares and reach';

CREATE FUNCTION er_reach_int2_int4_inv_transfn(engagement_ratio_state, smallint, smallint, smallint, integer)
	RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION er_reach_int2_int4_inv_transfn(engagement_ratio_state, smallint, smallint, smallint, integer) IS
	'inverse transition function of er_reach: takes back a row leaving a moving window frame';

CREATE FUNCTION er_reach_int2_int8_transfn(engagement_ratio_state, smallint, smallint, smallint, bigint)
	RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION er_reach_int2_int8_transfn(engagement_ratio_state, smallint, smallint, smallint, bigint) IS
	'transition function of er_reach: adds likes + comments + shares and reach';

CREATE FUNCTION er_reach_int2_int8_inv_transfn(engagement_ratio_state, smallint, smallint, smallint, bigint)
	RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION er_reach_int2_int8_inv_transfn(engagement_ratio_state, smallint, smallint, smallint, bigint) IS
	'inverse transition function of er_reach: takes back a row leaving a moving window frame';

CREATE FUNCTION er_reach_int4_int2_transfn(engagement_ratio_state, integer, integer, integer, smallint)
	RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION er_reach_int4_int2_transfn(engagement_ratio_state, integer, integer, integer, smallint) IS
	'transition function of er_reach: adds likes + comments + shares and reach';

CREATE FUNCTION er_reach_int4_int2_inv_transfn(engagement_ratio_state, integer, integer, integer, smallint)
	RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION er_reach_int4_int2_inv_transfn(engagement_ratio_state, integer, integer, integer, smallint) IS
	'inverse transition function of er_reach: takes back a row leaving a moving window frame';

CREATE FUNCTION er_reach_int4_int8_transfn(engagement_ratio_state, integer, integer, integer, bigint)
	RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION er_reach_int4_int8_transfn(engagement_ratio_state, integer, integer, integer, bigint) IS
	'transition function of er_reach: adds likes + comments + shares and reach';

CREATE FUNCTION er_reach_int4_int8_inv_transfn(engagement_ratio_state, integer, integer, integer, bigint)
	RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION er_reach_int4_int8_inv_transfn(engagement_ratio_state, integer, integer, integer, bigint) IS
	'inverse transition function of er_reach: takes back a row leaving a moving window frame';

CREATE FUNCTION er_reach_int8_int2_transfn(engagement_ratio_state, bigint, bigint, bigint, smallint)
	RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION er_reach_int8_int2_transfn(engagement_ratio_state, bigint, bigint, bigint, smallint) IS
	'transition function of er_reach: adds likes + comments + shares and reach';

CREATE FUNCTION er_reach_int8_int2_inv_transfn(engagement_ratio_state, bigint, bigint, bigint, smallint)
	RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION er_reach_int8_int2_inv_transfn(engagement_ratio_state, bigint, bigint, bigint, smallint) IS
	'inverse transition function of er_reach: takes back a row leaving a moving window frame';

CREATE FUNCTION er_reach_int8_int4_transfn(engagement_ratio_state, bigint, bigint, bigint, integer)
	RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION er_reach_int8_int4_transfn(engagement_ratio_state, bigint, bigint, bigint, integer) IS
	'transition function of er_reach: adds likes + comments + shares and reach';

CREATE FUNCTION er_reach_int8_int4_inv_transfn(engagement_ratio_state, bigint, bigint, bigint, integer)
	RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION er_reach_int8_int4_inv_transfn(engagement_ratio_state, bigint, bigint, bigint, integer) IS
	'inverse transition function of er_reach: takes back a row leaving a moving window frame';

CREATE FUNCTION er_view_int2_int4_transfn(engagement_ratio_state, smallint, smallint, smallint, integer)
	RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION er_view_int2_int4_transfn(engagement_ratio_state, smallint, smallint, smallint, integer) IS
	'transition function of er_view: adds likes + comments + shares and views';

CREATE FUNCTION er_view_int2_int4_inv_transfn(engagement_ratio_state, smallint, smallint, smallint, integer)
	RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION er_view_int2_int4_inv_transfn(engagement_ratio_state, smallint, smallint, smallint, integer) IS
	'inverse transition function of er_view: takes back a row leaving a moving window frame';

CREATE FUNCTION er_view_int2_int8_transfn(engagement_ratio_state, smallint, smallint, smallint, bigint)
	RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION er_view_int2_int8_transfn(engagement_ratio_state, smallint, smallint, smallint, bigint) IS
	'transition function of er_view: adds likes + comments + shares and views';

CREATE FUNCTION er_view_int2_int8_inv_transfn(engagement_ratio_state, smallint, smallint, smallint, bigint)
	RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION er_view_int2_int8_inv_transfn(engagement_ratio_state, smallint, smallint, smallint, bigint) IS
	'inverse transition function of er_view: takes back a row leaving a moving window frame';

CREATE FUNCTION er_view_int4_int2_transfn(engagement_ratio_state, integer, integer, integer, smallint)
	RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION er_view_int4_int2_transfn(engagement_ratio_state, integer, integer, integer, smallint) IS
	'transition function of er_view: adds likes + comments + shares and views';

CREATE FUNCTION er_view_int4_int2_inv_transfn(engagement_ratio_state, integer, integer, integer, smallint)
	RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION er_view_int4_int2_inv_transfn(engagement_ratio_state, integer, integer, integer, smallint) IS
	'inverse transition function of er_view: takes back a row leaving a moving window frame';

CREATE FUNCTION er_view_int4_int8_transfn(engagement_ratio_state, integer, integer, integer, bigint)
	RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION er_view_int4_int8_transfn(engagement_ratio_state, integer, integer, integer, bigint) IS
	'transition function of er_view: adds likes + comments + shares and views';

CREATE FUNCTION er_view_int4_int8_inv_transfn(engagement_ratio_state, integer, integer, integer, bigint)
	RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION er_view_int4_int8_inv_transfn(engagement_ratio_state, integer, integer, integer, bigint) IS
	'inverse transition function of er_view: takes back a row leaving a moving window frame';

CREATE FUNCTION er_view_int8_int2_transfn(engagement_ratio_state, bigint, bigint, bigint, smallint)
	RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION er_view_int8_int2_transfn(engagement_ratio_state, bigint, bigint, bigint, smallint) IS
	'transition function of er_view: adds likes + comments + shares and views';

CREATE FUNCTION er_view_int8_int2_inv_transfn(engagement_ratio_state, bigint, bigint, bigint, smallint)
	RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION er_view_int8_int2_inv_transfn(engagement_ratio_state, bigint, bigint, bigint, smallint) IS
	'inverse transition function of er_view: takes back a row leaving a moving window frame';

CREATE FUNCTION er_view_int8_int4_transfn(engagement_ratio_state, bigint, bigint, bigint, integer)
	RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION er_view_int8_int4_transfn(engagement_ratio_state, bigint, bigint, bigint, integer) IS
	'transition function of er_view: adds likes + comments + shares and views';

CREATE FUNCTION er_view_int8_int4_inv_transfn(engagement_ratio_state, bigint, bigint, bigint, integer)
	RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION er_view_int8_int4_inv_transfn(engagement_ratio_state, bigint, bigint, bigint, integer) IS
	'inverse transition function of er_view: takes back a row leaving a moving window frame';

CREATE FUNCTION post_rate_int2_int4_transfn(engagement_mean_state, smallint, smallint, smallint, integer)
	RETURNS engagement_mean_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION post_rate_int2_int4_transfn(engagement_mean_state, smallint, smallint, smallint, integer) IS
	'transition function of er_post and er_day: adds the post''s 100 * (likes + comments + shares) / followers, skipping followers = 0';

CREATE FUNCTION post_rate_int2_int4_inv_transfn(engagement_mean_state, smallint, smallint, smallint, integer)
	RETURNS engagement_mean_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION post_rate_int2_int4_inv_transfn(engagement_mean_state, smallint, smallint, smallint, integer) IS
	'inverse transition function of er_post and er_day: takes back a row leaving a moving window frame';

CREATE FUNCTION post_rate_int2_int8_transfn(engagement_mean_state, smallint, smallint, smallint, bigint)
	RETURNS engagement_mean_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION post_rate_int2_int8_transfn(engagement_mean_state, smallint, smallint, smallint, bigint) IS
	'transition function of er_post and er_day: adds the post''s 100 * (likes + comments + shares) / followers, skipping followers = 0';

CREATE FUNCTION post_rate_int2_int8_inv_transfn(engagement_mean_state, smallint, smallint, smallint, bigint)
	RETURNS engagement_mean_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION post_rate_int2_int8_inv_transfn(engagement_mean_state, smallint, smallint, smallint, bigint) IS
	'inverse transition function of er_post and er_day: takes back a row leaving a moving window frame';

CREATE FUNCTION post_rate_int4_int2_transfn(engagement_mean_state, integer, integer, integer, smallint)
	RETURNS engagement_mean_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION post_rate_int4_int2_transfn(engagement_mean_state, integer, integer, integer, smallint) IS
	'transition function of er_post and er_day: adds the post''s 100 * (likes + comments + shares) / followers, skipping followers = 0';

CREATE FUNCTION post_rate_int4_int2_inv_transfn(engagement_mean_state, integer, integer, integer, smallint)
	RETURNS engagement_mean_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION post_rate_int4_int2_inv_transfn(engagement_mean_state, integer, integer, integer, smallint) IS
	'inverse transition function of er_post and er_day: takes back a row leaving a moving window frame';

CREATE FUNCTION post_rate_int4_int8_transfn(engagement_mean_state, integer, integer, integer, bigint)
	RETURNS engagement_mean_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION post_rate_int4_int8_transfn(engagement_mean_state, integer, integer, integer, bigint) IS
	'transition function of er_post and er_day: adds the post''s 100 * (likes + comments + shares) / followers, skipping followers = 0';

CREATE FUNCTION post_rate_int4_int8_inv_transfn(engagement_mean_state, integer, integer, integer, bigint)
	RETURNS engagement_mean_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION post_rate_int4_int8_inv_transfn(engagement_mean_state, integer, integer, integer, bigint) IS
	'inverse transition function of er_post and er_day: takes back a row leaving a moving window frame';

CREATE FUNCTION post_rate_int8_int2_transfn(engagement_mean_state, bigint, bigint, bigint, smallint)
	RETURNS engagement_mean_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION post_rate_int8_int2_transfn(engagement_mean_state, bigint, bigint, bigint, smallint) IS
	'transition function of er_post and er_day: adds the post''s 100 * (likes + comments + shares) / followers, skipping followers = 0';

CREATE FUNCTION post_rate_int8_int2_inv_transfn(engagement_mean_state, bigint, bigint, bigint, smallint)
	RETURNS engagement_mean_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION post_rate_int8_int2_inv_transfn(engagement_mean_state, bigint, bigint, bigint, smallint) IS
	'inverse transition function of er_post and er_day: takes back a row leaving a moving window frame';

CREATE FUNCTION post_rate_int8_int4_transfn(engagement_mean_state, bigint, bigint, bigint, integer)
	RETURNS engagement_mean_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION post_rate_int8_int4_transfn(engagement_mean_state, bigint, bigint, bigint, integer) IS
	'transition function of er_post and er_day: adds the post''s 100 * (likes + comments + shares) / followers, skipping followers = 0';

CREATE FUNCTION post_rate_int8_int4_inv_transfn(engagement_mean_state, bigint, bigint, bigint, integer)
	RETURNS engagement_mean_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION post_rate_int8_int4_inv_transfn(engagement_mean_state, bigint, bigint, bigint, integer) IS
	'inverse transition function of er_post and er_day: takes back a row leaving a moving window frame';

CREATE AGGREGATE er_reach(likes smallint, comments smallint, shares smallint, reach integer) (
	SFUNC = er_reach_int2_int4_transfn,
	STYPE = engagement_ratio_state,
	FINALFUNC = ratio_percent_finalfn,
	COMBINEFUNC = ratio_state_combine,
	INITCOND = '(0,0)',
	MSFUNC = er_reach_int2_int4_transfn,
	MINVFUNC = er_reach_int2_int4_inv_transfn,
	MSTYPE = engagement_ratio_state,
	MFINALFUNC = ratio_percent_finalfn,
	MINITCOND = '(0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE er_reach(smallint, smallint, smallint, integer) IS
	'ER by reach over posts, percent: 100 * sum(likes + comments + shares) / sum(reach)';

CREATE AGGREGATE er_reach(likes smallint, comments smallint, shares smallint, reach bigint) (
	SFUNC = er_reach_int2_int8_transfn,
	STYPE = engagement_ratio_state,
	FINALFUNC = ratio_percent_finalfn,
	COMBINEFUNC = ratio_state_combine,
	INITCOND = '(0,0)',
	MSFUNC = er_reach_int2_int8_transfn,
	MINVFUNC = er_reach_int2_int8_inv_transfn,
	MSTYPE = engagement_ratio_state,
	MFINALFUNC = ratio_percent_finalfn,
	MINITCOND = '(0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE er_reach(smallint, smallint, smallint, bigint) IS
	'ER by reach over posts, percent: 100 * sum(likes + comments + shares) / sum(reach)';

CREATE AGGREGATE er_reach(likes integer, comments integer, shares integer, reach smallint) (
	SFUNC = er_reach_int4_int2_transfn,
	STYPE = engagement_ratio_state,
	FINALFUNC = ratio_percent_finalfn,
	COMBINEFUNC = ratio_state_combine,
	INITCOND = '(0,0)',
	MSFUNC = er_reach_int4_int2_transfn,
	MINVFUNC = er_reach_int4_int2_inv_transfn,
	MSTYPE = engagement_ratio_state,
	MFINALFUNC = ratio_percent_finalfn,
	MINITCOND = '(0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE er_reach(integer, integer, integer, smallint) IS
	'ER by reach over posts, percent: 100 * sum(likes + comments + shares) / sum(reach)';

CREATE AGGREGATE er_reach(likes integer, comments integer, shares integer, reach bigint) (
	SFUNC = er_reach_int4_int8_transfn,
	STYPE = engagement_ratio_state,
	FINALFUNC = ratio_percent_finalfn,
	COMBINEFUNC = ratio_state_combine,
	INITCOND = '(0,0)',
	MSFUNC = er_reach_int4_int8_transfn,
	MINVFUNC = er_reach_int4_int8_inv_transfn,
	MSTYPE = engagement_ratio_state,
	MFINALFUNC = ratio_percent_finalfn,
	MINITCOND = '(0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE er_reach(integer, integer, integer, bigint) IS
	'ER by reach over posts, percent: 100 * sum(likes + comments + shares) / sum(reach)';

CREATE AGGREGATE er_reach(likes bigint, comments bigint, shares bigint, reach smallint) (
	SFUNC = er_reach_int8_int2_transfn,
	STYPE = engagement_ratio_state,
	FINALFUNC = ratio_percent_finalfn,
	COMBINEFUNC = ratio_state_combine,
	INITCOND = '(0,0)',
	MSFUNC = er_reach_int8_int2_transfn,
	MINVFUNC = er_reach_int8_int2_inv_transfn,
	MSTYPE = engagement_ratio_state,
	MFINALFUNC = ratio_percent_finalfn,
	MINITCOND = '(0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE er_reach(bigint, bigint, bigint, smallint) IS
	'ER by reach over posts, percent: 100 * sum(likes + comments + shares) / sum(reach)';

CREATE AGGREGATE er_reach(likes bigint, comments bigint, shares bigint, reach integer) (
	SFUNC = er_reach_int8_int4_transfn,
	STYPE = engagement_ratio_state,
	FINALFUNC = ratio_percent_finalfn,
	COMBINEFUNC = ratio_state_combine,
	INITCOND = '(0,0)',
	MSFUNC = er_reach_int8_int4_transfn,
	MINVFUNC = er_reach_int8_int4_inv_transfn,
	MSTYPE = engagement_ratio_state,
	MFINALFUNC = ratio_percent_finalfn,
	MINITCOND = '(0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE er_reach(bigint, bigint, bigint, integer) IS
	'ER by reach over posts, percent: 100 * sum(likes + comments + shares) / sum(reach)';

CREATE AGGREGATE er_view(likes smallint, comments smallint, shares smallint, views integer) (
	SFUNC = er_view_int2_int4_transfn,
	STYPE = engagement_ratio_state,
	FINALFUNC = ratio_percent_finalfn,
	COMBINEFUNC = ratio_state_combine,
	INITCOND = '(0,0)',
	MSFUNC = er_view_int2_int4_transfn,
	MINVFUNC = er_view_int2_int4_inv_transfn,
	MSTYPE = engagement_ratio_state,
	MFINALFUNC = ratio_percent_finalfn,
	MINITCOND = '(0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE er_view(smallint, smallint, smallint, integer) IS
	'ER view over posts, percent: 100 * sum(likes + comments + shares) / sum(views)';

CREATE AGGREGATE er_view(likes smallint, comments smallint, shares smallint, views bigint) (
	SFUNC = er_view_int2_int8_transfn,
	STYPE = engagement_ratio_state,
	FINALFUNC = ratio_percent_finalfn,
	COMBINEFUNC = ratio_state_combine,
	INITCOND = '(0,0)',
	MSFUNC = er_view_int2_int8_transfn,
	MINVFUNC = er_view_int2_int8_inv_transfn,
	MSTYPE = engagement_ratio_state,
	MFINALFUNC = ratio_percent_finalfn,
	MINITCOND = '(0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE er_view(smallint, smallint, smallint, bigint) IS
	'ER view over posts, percent: 100 * sum(likes + comments + shares) / sum(views)';

CREATE AGGREGATE er_view(likes integer, comments integer, shares integer, views smallint) (
	SFUNC = er_view_int4_int2_transfn,
	STYPE = engagement_ratio_state,
	FINALFUNC = ratio_percent_finalfn,
	COMBINEFUNC = ratio_state_combine,
	INITCOND = '(0,0)',
	MSFUNC = er_view_int4_int2_transfn,
	MINVFUNC = er_view_int4_int2_inv_transfn,
	MSTYPE = engagement_ratio_state,
	MFINALFUNC = ratio_percent_finalfn,
	MINITCOND = '(0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE er_view(integer, integer, integer, smallint) IS
	'ER view over posts, percent: 100 * sum(likes + comments + shares) / sum(views)';

CREATE AGGREGATE er_view(likes integer, comments integer, shares integer, views bigint) (
	SFUNC = er_view_int4_int8_transfn,
	STYPE = engagement_ratio_state,
	FINALFUNC = ratio_percent_finalfn,
	COMBINEFUNC = ratio_state_combine,
	INITCOND = '(0,0)',
	MSFUNC = er_view_int4_int8_transfn,
	MINVFUNC = er_view_int4_int8_inv_transfn,
	MSTYPE = engagement_ratio_state,
	MFINALFUNC = ratio_percent_finalfn,
	MINITCOND = '(0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE er_view(integer, integer, integer, bigint) IS
	'ER view over posts, percent: 100 * sum(likes + comments + shares) / sum(views)';

CREATE AGGREGATE er_view(likes bigint, comments bigint, shares bigint, views smallint) (
	SFUNC = er_view_int8_int2_transfn,
	STYPE = engagement_ratio_state,
	FINALFUNC = ratio_percent_finalfn,
	COMBINEFUNC = ratio_state_combine,
	INITCOND = '(0,0)',
	MSFUNC = er_view_int8_int2_transfn,
	MINVFUNC = er_view_int8_int2_inv_transfn,
	MSTYPE = engagement_ratio_state,
	MFINALFUNC = ratio_percent_finalfn,
	MINITCOND = '(0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE er_view(bigint, bigint, bigint, smallint) IS
	'ER view over posts, percent: 100 * sum(likes + comments + shares) / sum(views)';

CREATE AGGREGATE er_view(likes bigint, comments bigint, shares bigint, views integer) (
	SFUNC = er_view_int8_int4_transfn,
	STYPE = engagement_ratio_state,
	FINALFUNC = ratio_percent_finalfn,
	COMBINEFUNC = ratio_state_combine,
	INITCOND = '(0,0)',
	MSFUNC = er_view_int8_int4_transfn,
	MINVFUNC = er_view_int8_int4_inv_transfn,
	MSTYPE = engagement_ratio_state,
	MFINALFUNC = ratio_percent_finalfn,
	MINITCOND = '(0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE er_view(bigint, bigint, bigint, integer) IS
	'ER view over posts, percent: 100 * sum(likes + comments + shares) / sum(views)';

CREATE AGGREGATE er_post(likes smallint, comments smallint, shares smallint, followers integer) (
	SFUNC = post_rate_int2_int4_transfn,
	STYPE = engagement_mean_state,
	FINALFUNC = post_rate_mean_finalfn,
	COMBINEFUNC = mean_state_combine,
	INITCOND = 'v2(0,0,0,0,0,0)',
	MSFUNC = post_rate_int2_int4_transfn,
	MINVFUNC = post_rate_int2_int4_inv_transfn,
	MSTYPE = engagement_mean_state,
	MFINALFUNC = post_rate_mean_finalfn,
	MINITCOND = 'v2(0,0,0,0,0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE er_post(smallint, smallint, smallint, integer) IS
	'average ER post, percent: mean over posts of 100 * (likes + comments + shares) / followers; posts with followers = 0 are skipped';

CREATE AGGREGATE er_post(likes smallint, comments smallint, shares smallint, followers bigint) (
	SFUNC = post_rate_int2_int8_transfn,
	STYPE = engagement_mean_state,
	FINALFUNC = post_rate_mean_finalfn,
	COMBINEFUNC = mean_state_combine,
	INITCOND = 'v2(0,0,0,0,0,0)',
	MSFUNC = post_rate_int2_int8_transfn,
	MINVFUNC = post_rate_int2_int8_inv_transfn,
	MSTYPE = engagement_mean_state,
	MFINALFUNC = post_rate_mean_finalfn,
	MINITCOND = 'v2(0,0,0,0,0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE er_post(smallint, smallint, smallint, bigint) IS
	'average ER post, percent: mean over posts of 100 * (likes + comments + shares) / followers; posts with followers = 0 are skipped';

CREATE AGGREGATE er_post(likes integer, comments integer, shares integer, followers smallint) (
	SFUNC = post_rate_int4_int2_transfn,
	STYPE = engagement_mean_state,
	FINALFUNC = post_rate_mean_finalfn,
	COMBINEFUNC = mean_state_combine,
	INITCOND = 'v2(0,0,0,0,0,0)',
	MSFUNC = post_rate_int4_int2_transfn,
	MINVFUNC = post_rate_int4_int2_inv_transfn,
	MSTYPE = engagement_mean_state,
	MFINALFUNC = post_rate_mean_finalfn,
	MINITCOND = 'v2(0,0,0,0,0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE er_post(integer, integer, integer, smallint) IS
	'average ER post, percent: mean over posts of 100 * (likes + comments + shares) / followers; posts with followers = 0 are skipped';

CREATE AGGREGATE er_post(likes integer, comments integer, shares integer, followers bigint) (
	SFUNC = post_rate_int4_int8_transfn,
	STYPE = engagement_mean_state,
	FINALFUNC = post_rate_mean_finalfn,
	COMBINEFUNC = mean_state_combine,
	INITCOND = 'v2(0,0,0,0,0,0)',
	MSFUNC = post_rate_int4_int8_transfn,
	MINVFUNC = post_rate_int4_int8_inv_transfn,
	MSTYPE = engagement_mean_state,
	MFINALFUNC = post_rate_mean_finalfn,
	MINITCOND = 'v2(0,0,0,0,0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE er_post(integer, integer, integer, bigint) IS
	'average ER post, percent: mean over posts of 100 * (likes + comments + shares) / followers; posts with followers = 0 are skipped';

CREATE AGGREGATE er_post(likes bigint, comments bigint, shares bigint, followers smallint) (
	SFUNC = post_rate_int8_int2_transfn,
	STYPE = engagement_mean_state,
	FINALFUNC = post_rate_mean_finalfn,
	COMBINEFUNC = mean_state_combine,
	INITCOND = 'v2(0,0,0,0,0,0)',
	MSFUNC = post_rate_int8_int2_transfn,
	MINVFUNC = post_rate_int8_int2_inv_transfn,
	MSTYPE = engagement_mean_state,
	MFINALFUNC = post_rate_mean_finalfn,
	MINITCOND = 'v2(0,0,0,0,0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE er_post(bigint, bigint, bigint, smallint) IS
	'average ER post, percent: mean over posts of 100 * (likes + comments + shares) / followers; posts with followers = 0 are skipped';

CREATE AGGREGATE er_post(likes bigint, comments bigint, shares bigint, followers integer) (
	SFUNC = post_rate_int8_int4_transfn,
	STYPE = engagement_mean_state,
	FINALFUNC = post_rate_mean_finalfn,
	COMBINEFUNC = mean_state_combine,
	INITCOND = 'v2(0,0,0,0,0,0)',
	MSFUNC = post_rate_int8_int4_transfn,
	MINVFUNC = post_rate_int8_int4_inv_transfn,
	MSTYPE = engagement_mean_state,
	MFINALFUNC = post_rate_mean_finalfn,
	MINITCOND = 'v2(0,0,0,0,0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE er_post(bigint, bigint, bigint, integer) IS
	'average ER post, percent: mean over posts of 100 * (likes + comments + shares) / followers; posts with followers = 0 are skipped';

CREATE AGGREGATE er_day(likes smallint, comments smallint, shares smallint, followers integer) (
	SFUNC = post_rate_int2_int4_transfn,
	STYPE = engagement_mean_state,
	FINALFUNC = post_rate_sum_finalfn,
	COMBINEFUNC = mean_state_combine,
	INITCOND = 'v2(0,0,0,0,0,0)',
	MSFUNC = post_rate_int2_int4_transfn,
	MINVFUNC = post_rate_int2_int4_inv_transfn,
	MSTYPE = engagement_mean_state,
	MFINALFUNC = post_rate_sum_finalfn,
	MINITCOND = 'v2(0,0,0,0,0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE er_day(smallint, smallint, smallint, integer) IS
	'ER day, percent: sum over posts of 100 * (likes + comments + shares) / followers; posts with followers = 0 are skipped';

CREATE AGGREGATE er_day(likes smallint, comments smallint, shares smallint, followers bigint) (
	SFUNC = post_rate_int2_int8_transfn,
	STYPE = engagement_mean_state,
	FINALFUNC = post_rate_sum_finalfn,
	COMBINEFUNC = mean_state_combine,
	INITCOND = 'v2(0,0,0,0,0,0)',
	MSFUNC = post_rate_int2_int8_transfn,
	MINVFUNC = post_rate_int2_int8_inv_transfn,
	MSTYPE = engagement_mean_state,
	MFINALFUNC = post_rate_sum_finalfn,
	MINITCOND = 'v2(0,0,0,0,0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE er_day(smallint, smallint, smallint, bigint) IS
	'ER day, percent: sum over posts of 100 * (likes + comments + shares) / followers; posts with followers = 0 are skipped';

CREATE AGGREGATE er_day(likes integer, comments integer, shares integer, followers smallint) (
	SFUNC = post_rate_int4_int2_transfn,
	STYPE = engagement_mean_state,
	FINALFUNC = post_rate_sum_finalfn,
	COMBINEFUNC = mean_state_combine,
	INITCOND = 'v2(0,0,0,0,0,0)',
	MSFUNC = post_rate_int4_int2_transfn,
	MINVFUNC = post_rate_int4_int2_inv_transfn,
	MSTYPE = engagement_mean_state,
	MFINALFUNC = post_rate_sum_finalfn,
	MINITCOND = 'v2(0,0,0,0,0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE er_day(integer, integer, integer, smallint) IS
	'ER day, percent: sum over posts of 100 * (likes + comments + shares) / followers; posts with followers = 0 are skipped';

CREATE AGGREGATE er_day(likes integer, comments integer, shares integer, followers bigint) (
	SFUNC = post_rate_int4_int8_transfn,
	STYPE = engagement_mean_state,
	FINALFUNC = post_rate_sum_finalfn,
	COMBINEFUNC = mean_state_combine,
	INITCOND = 'v2(0,0,0,0,0,0)',
	MSFUNC = post_rate_int4_int8_transfn,
	MINVFUNC = post_rate_int4_int8_inv_transfn,
	MSTYPE = engagement_mean_state,
	MFINALFUNC = post_rate_sum_finalfn,
	MINITCOND = 'v2(0,0,0,0,0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE er_day(integer, integer, integer, bigint) IS
	'ER day, percent: sum over posts of 100 * (likes + comments + shares) / followers; posts with followers = 0 are skipped';

CREATE AGGREGATE er_day(likes bigint, comments bigint, shares bigint, followers smallint) (
	SFUNC = post_rate_int8_int2_transfn,
	STYPE = engagement_mean_state,
	FINALFUNC = post_rate_sum_finalfn,
	COMBINEFUNC = mean_state_combine,
	INITCOND = 'v2(0,0,0,0,0,0)',
	MSFUNC = post_rate_int8_int2_transfn,
	MINVFUNC = post_rate_int8_int2_inv_transfn,
	MSTYPE = engagement_mean_state,
	MFINALFUNC = post_rate_sum_finalfn,
	MINITCOND = 'v2(0,0,0,0,0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE er_day(bigint, bigint, bigint, smallint) IS
	'ER day, percent: sum over posts of 100 * (likes + comments + shares) / followers; posts with followers = 0 are skipped';

CREATE AGGREGATE er_day(likes bigint, comments bigint, shares bigint, followers integer) (
	SFUNC = post_rate_int8_int4_transfn,
	STYPE = engagement_mean_state,
	FINALFUNC = post_rate_sum_finalfn,
	COMBINEFUNC = mean_state_combine,
	INITCOND = 'v2(0,0,0,0,0,0)',
	MSFUNC = post_rate_int8_int4_transfn,
	MINVFUNC = post_rate_int8_int4_inv_transfn,
	MSTYPE = engagement_mean_state,
	MFINALFUNC = post_rate_sum_finalfn,
	MINITCOND = 'v2(0,0,0,0,0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE er_day(bigint, bigint, bigint, integer) IS
	'ER day, percent: sum over posts of 100 * (likes + comments + shares) / followers; posts with followers = 0 are skipped';

-- end of generated mixed_widths

--------------------------------------------------------------------------
-- Follower growth over a series of follower counts (added in 1.2)
--------------------------------------------------------------------------

CREATE TYPE follower_growth_state;

CREATE FUNCTION follower_growth_state_in(cstring) RETURNS follower_growth_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION follower_growth_state_out(follower_growth_state) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION follower_growth_state_recv(internal) RETURNS follower_growth_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION follower_growth_state_send(follower_growth_state) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE follower_growth_state (
	INPUT = follower_growth_state_in,
	OUTPUT = follower_growth_state_out,
	RECEIVE = follower_growth_state_recv,
	SEND = follower_growth_state_send,
	INTERNALLENGTH = 56,
	ALIGNMENT = double
);
COMMENT ON TYPE follower_growth_state IS
	'state of the follower_growth aggregate: the rows counted and, at the earliest and the latest time, the smallest and largest follower count';
COMMENT ON FUNCTION follower_growth_state_in(cstring) IS
	'text input of follower_growth_state: v2(rows,first_at,first_min,first_max,last_at,last_min,last_max), times in microseconds since 2000-01-01 UTC';
COMMENT ON FUNCTION follower_growth_state_out(follower_growth_state) IS
	'text output of follower_growth_state';
COMMENT ON FUNCTION follower_growth_state_recv(internal) IS
	'binary input of follower_growth_state';
COMMENT ON FUNCTION follower_growth_state_send(follower_growth_state) IS
	'binary output of follower_growth_state';

CREATE FUNCTION follower_growth_transfn(follower_growth_state, timestamp with time zone, bigint)
	RETURNS follower_growth_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION follower_growth_transfn(follower_growth_state, timestamp with time zone, bigint) IS
	'transition function of follower_growth: keeps the earliest and latest time and their counts';

CREATE FUNCTION follower_growth_inv_transfn(follower_growth_state, timestamp with time zone, bigint)
	RETURNS follower_growth_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION follower_growth_inv_transfn(follower_growth_state, timestamp with time zone, bigint) IS
	'inverse transition function of follower_growth: takes back a row inside the series; NULL (compute the frame again) for a row at either end';

CREATE FUNCTION follower_growth_combine(follower_growth_state, follower_growth_state)
	RETURNS follower_growth_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION follower_growth_combine(follower_growth_state, follower_growth_state) IS
	'combine function of follower_growth: the earlier first end and the later last end';

CREATE FUNCTION follower_growth_finalfn(follower_growth_state) RETURNS double precision
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION follower_growth_finalfn(follower_growth_state) IS
	'final function of follower_growth: 100 * (last count - first count) / first count';

CREATE AGGREGATE follower_growth(at timestamp with time zone, followers bigint) (
	SFUNC = follower_growth_transfn,
	STYPE = follower_growth_state,
	FINALFUNC = follower_growth_finalfn,
	COMBINEFUNC = follower_growth_combine,
	INITCOND = 'v2(0,0,0,0,0,0,0)',
	MSFUNC = follower_growth_transfn,
	MINVFUNC = follower_growth_inv_transfn,
	MSTYPE = follower_growth_state,
	MFINALFUNC = follower_growth_finalfn,
	MINITCOND = 'v2(0,0,0,0,0,0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE follower_growth(timestamp with time zone, bigint) IS
	'follower growth over a series of counts, percent: 100 * (followers at the latest at - followers at the earliest at) / followers at the earliest at';

--------------------------------------------------------------------------
-- Surveys on agreement scales (added in 1.2): the mean score and the share
-- of favourable answers of the Q12 statements on a 1-5 scale, and the
-- employee Net Promoter Score of a 0-10 question.  integer and smallint
-- forms (integer[] and smallint[] for the wide forms) give identical
-- results.
--------------------------------------------------------------------------

CREATE FUNCTION ratio_mean_finalfn(engagement_ratio_state) RETURNS double precision
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ratio_mean_finalfn(engagement_ratio_state) IS
	'final function of q12_mean: num / den, correctly rounded; NULL when den = 0';

CREATE TYPE engagement_nps_state;

CREATE FUNCTION engagement_nps_state_in(cstring) RETURNS engagement_nps_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION engagement_nps_state_out(engagement_nps_state) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION engagement_nps_state_recv(internal) RETURNS engagement_nps_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION engagement_nps_state_send(engagement_nps_state) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE engagement_nps_state (
	INPUT = engagement_nps_state_in,
	OUTPUT = engagement_nps_state_out,
	RECEIVE = engagement_nps_state_recv,
	SEND = engagement_nps_state_send,
	INTERNALLENGTH = 24,
	ALIGNMENT = double
);
COMMENT ON TYPE engagement_nps_state IS
	'state of the enps aggregate: the promoters (9-10), passives (7-8) and detractors (0-6) counted';
COMMENT ON FUNCTION engagement_nps_state_in(cstring) IS
	'text input of engagement_nps_state: v2(promoters,passives,detractors)';
COMMENT ON FUNCTION engagement_nps_state_out(engagement_nps_state) IS
	'text output of engagement_nps_state';
COMMENT ON FUNCTION engagement_nps_state_recv(internal) IS
	'binary input of engagement_nps_state';
COMMENT ON FUNCTION engagement_nps_state_send(engagement_nps_state) IS
	'binary output of engagement_nps_state';

CREATE FUNCTION nps_state_combine(engagement_nps_state, engagement_nps_state)
	RETURNS engagement_nps_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION nps_state_combine(engagement_nps_state, engagement_nps_state) IS
	'combine function of enps: adds the counts';

CREATE FUNCTION enps_finalfn(engagement_nps_state) RETURNS double precision
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION enps_finalfn(engagement_nps_state) IS
	'final function of enps: 100 * (promoters - detractors) / answers';

CREATE FUNCTION q12_mean_transfn(engagement_ratio_state, integer) RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION q12_mean_transfn(engagement_ratio_state, integer) IS
	'transition function of q12_mean: adds one answer on the 1-5 scale';

CREATE FUNCTION q12_mean_inv_transfn(engagement_ratio_state, integer) RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION q12_mean_inv_transfn(engagement_ratio_state, integer) IS
	'inverse transition function of q12_mean: takes back a row leaving a moving window frame';

CREATE AGGREGATE q12_mean(score integer) (
	SFUNC = q12_mean_transfn,
	STYPE = engagement_ratio_state,
	FINALFUNC = ratio_mean_finalfn,
	COMBINEFUNC = ratio_state_combine,
	INITCOND = 'v2(0,0)',
	MSFUNC = q12_mean_transfn,
	MINVFUNC = q12_mean_inv_transfn,
	MSTYPE = engagement_ratio_state,
	MFINALFUNC = ratio_mean_finalfn,
	MINITCOND = 'v2(0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE q12_mean(integer) IS
	'Q12 mean score, long form (one row per answer on the 1-5 scale): sum of scores / answers; NULL answers are skipped';

CREATE FUNCTION q12_mean_int2_transfn(engagement_ratio_state, smallint) RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION q12_mean_int2_transfn(engagement_ratio_state, smallint) IS
	'transition function of q12_mean: adds one answer on the 1-5 scale';

CREATE FUNCTION q12_mean_int2_inv_transfn(engagement_ratio_state, smallint) RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION q12_mean_int2_inv_transfn(engagement_ratio_state, smallint) IS
	'inverse transition function of q12_mean: takes back a row leaving a moving window frame';

CREATE AGGREGATE q12_mean(score smallint) (
	SFUNC = q12_mean_int2_transfn,
	STYPE = engagement_ratio_state,
	FINALFUNC = ratio_mean_finalfn,
	COMBINEFUNC = ratio_state_combine,
	INITCOND = 'v2(0,0)',
	MSFUNC = q12_mean_int2_transfn,
	MINVFUNC = q12_mean_int2_inv_transfn,
	MSTYPE = engagement_ratio_state,
	MFINALFUNC = ratio_mean_finalfn,
	MINITCOND = 'v2(0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE q12_mean(smallint) IS
	'Q12 mean score, long form (one row per answer on the 1-5 scale): sum of scores / answers; NULL answers are skipped';

CREATE FUNCTION q12_mean_array_transfn(engagement_ratio_state, integer[]) RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION q12_mean_array_transfn(engagement_ratio_state, integer[]) IS
	'transition function of q12_mean: adds a respondents twelve answers on the 1-5 scale';

CREATE FUNCTION q12_mean_array_inv_transfn(engagement_ratio_state, integer[]) RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION q12_mean_array_inv_transfn(engagement_ratio_state, integer[]) IS
	'inverse transition function of q12_mean: takes back a row leaving a moving window frame';

CREATE AGGREGATE q12_mean(scores integer[]) (
	SFUNC = q12_mean_array_transfn,
	STYPE = engagement_ratio_state,
	FINALFUNC = ratio_mean_finalfn,
	COMBINEFUNC = ratio_state_combine,
	INITCOND = 'v2(0,0)',
	MSFUNC = q12_mean_array_transfn,
	MINVFUNC = q12_mean_array_inv_transfn,
	MSTYPE = engagement_ratio_state,
	MFINALFUNC = ratio_mean_finalfn,
	MINITCOND = 'v2(0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE q12_mean(integer[]) IS
	'Q12 mean score, wide form (one row per respondent, 12 answers on the 1-5 scale): mean of the non-NULL answers';

CREATE FUNCTION q12_mean_int2_array_transfn(engagement_ratio_state, smallint[]) RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION q12_mean_int2_array_transfn(engagement_ratio_state, smallint[]) IS
	'transition function of q12_mean: adds a respondents twelve answers on the 1-5 scale';

CREATE FUNCTION q12_mean_int2_array_inv_transfn(engagement_ratio_state, smallint[]) RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION q12_mean_int2_array_inv_transfn(engagement_ratio_state, smallint[]) IS
	'inverse transition function of q12_mean: takes back a row leaving a moving window frame';

CREATE AGGREGATE q12_mean(scores smallint[]) (
	SFUNC = q12_mean_int2_array_transfn,
	STYPE = engagement_ratio_state,
	FINALFUNC = ratio_mean_finalfn,
	COMBINEFUNC = ratio_state_combine,
	INITCOND = 'v2(0,0)',
	MSFUNC = q12_mean_int2_array_transfn,
	MINVFUNC = q12_mean_int2_array_inv_transfn,
	MSTYPE = engagement_ratio_state,
	MFINALFUNC = ratio_mean_finalfn,
	MINITCOND = 'v2(0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE q12_mean(smallint[]) IS
	'Q12 mean score, wide form (one row per respondent, 12 answers on the 1-5 scale): mean of the non-NULL answers';

CREATE FUNCTION percent_favourable_transfn(engagement_ratio_state, integer) RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION percent_favourable_transfn(engagement_ratio_state, integer) IS
	'transition function of percent_favourable: adds one answer on the 1-5 scale';

CREATE FUNCTION percent_favourable_inv_transfn(engagement_ratio_state, integer) RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION percent_favourable_inv_transfn(engagement_ratio_state, integer) IS
	'inverse transition function of percent_favourable: takes back a row leaving a moving window frame';

CREATE AGGREGATE percent_favourable(score integer) (
	SFUNC = percent_favourable_transfn,
	STYPE = engagement_ratio_state,
	FINALFUNC = ratio_percent_finalfn,
	COMBINEFUNC = ratio_state_combine,
	INITCOND = 'v2(0,0)',
	MSFUNC = percent_favourable_transfn,
	MINVFUNC = percent_favourable_inv_transfn,
	MSTYPE = engagement_ratio_state,
	MFINALFUNC = ratio_percent_finalfn,
	MINITCOND = 'v2(0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE percent_favourable(integer) IS
	'% favourable, percent: 100 * answers of 4 or 5 / answers on the 1-5 scale; NULL answers are skipped';

CREATE FUNCTION percent_favourable_int2_transfn(engagement_ratio_state, smallint) RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION percent_favourable_int2_transfn(engagement_ratio_state, smallint) IS
	'transition function of percent_favourable: adds one answer on the 1-5 scale';

CREATE FUNCTION percent_favourable_int2_inv_transfn(engagement_ratio_state, smallint) RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION percent_favourable_int2_inv_transfn(engagement_ratio_state, smallint) IS
	'inverse transition function of percent_favourable: takes back a row leaving a moving window frame';

CREATE AGGREGATE percent_favourable(score smallint) (
	SFUNC = percent_favourable_int2_transfn,
	STYPE = engagement_ratio_state,
	FINALFUNC = ratio_percent_finalfn,
	COMBINEFUNC = ratio_state_combine,
	INITCOND = 'v2(0,0)',
	MSFUNC = percent_favourable_int2_transfn,
	MINVFUNC = percent_favourable_int2_inv_transfn,
	MSTYPE = engagement_ratio_state,
	MFINALFUNC = ratio_percent_finalfn,
	MINITCOND = 'v2(0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE percent_favourable(smallint) IS
	'% favourable, percent: 100 * answers of 4 or 5 / answers on the 1-5 scale; NULL answers are skipped';

CREATE FUNCTION percent_favourable_array_transfn(engagement_ratio_state, integer[]) RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION percent_favourable_array_transfn(engagement_ratio_state, integer[]) IS
	'transition function of percent_favourable: adds the answers of one array on the 1-5 scale';

CREATE FUNCTION percent_favourable_array_inv_transfn(engagement_ratio_state, integer[]) RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION percent_favourable_array_inv_transfn(engagement_ratio_state, integer[]) IS
	'inverse transition function of percent_favourable: takes back a row leaving a moving window frame';

CREATE AGGREGATE percent_favourable(scores integer[]) (
	SFUNC = percent_favourable_array_transfn,
	STYPE = engagement_ratio_state,
	FINALFUNC = ratio_percent_finalfn,
	COMBINEFUNC = ratio_state_combine,
	INITCOND = 'v2(0,0)',
	MSFUNC = percent_favourable_array_transfn,
	MINVFUNC = percent_favourable_array_inv_transfn,
	MSTYPE = engagement_ratio_state,
	MFINALFUNC = ratio_percent_finalfn,
	MINITCOND = 'v2(0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE percent_favourable(integer[]) IS
	'% favourable, percent: 100 * elements of 4 or 5 / non-NULL elements, over arrays of answers on the 1-5 scale';

CREATE FUNCTION percent_favourable_int2_array_transfn(engagement_ratio_state, smallint[]) RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION percent_favourable_int2_array_transfn(engagement_ratio_state, smallint[]) IS
	'transition function of percent_favourable: adds the answers of one array on the 1-5 scale';

CREATE FUNCTION percent_favourable_int2_array_inv_transfn(engagement_ratio_state, smallint[]) RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION percent_favourable_int2_array_inv_transfn(engagement_ratio_state, smallint[]) IS
	'inverse transition function of percent_favourable: takes back a row leaving a moving window frame';

CREATE AGGREGATE percent_favourable(scores smallint[]) (
	SFUNC = percent_favourable_int2_array_transfn,
	STYPE = engagement_ratio_state,
	FINALFUNC = ratio_percent_finalfn,
	COMBINEFUNC = ratio_state_combine,
	INITCOND = 'v2(0,0)',
	MSFUNC = percent_favourable_int2_array_transfn,
	MINVFUNC = percent_favourable_int2_array_inv_transfn,
	MSTYPE = engagement_ratio_state,
	MFINALFUNC = ratio_percent_finalfn,
	MINITCOND = 'v2(0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE percent_favourable(smallint[]) IS
	'% favourable, percent: 100 * elements of 4 or 5 / non-NULL elements, over arrays of answers on the 1-5 scale';

CREATE FUNCTION enps_transfn(engagement_nps_state, integer) RETURNS engagement_nps_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION enps_transfn(engagement_nps_state, integer) IS
	'transition function of enps: counts one answer of the 0-10 question';

CREATE FUNCTION enps_inv_transfn(engagement_nps_state, integer) RETURNS engagement_nps_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION enps_inv_transfn(engagement_nps_state, integer) IS
	'inverse transition function of enps: takes back a row leaving a moving window frame';

CREATE AGGREGATE enps(score integer) (
	SFUNC = enps_transfn,
	STYPE = engagement_nps_state,
	FINALFUNC = enps_finalfn,
	COMBINEFUNC = nps_state_combine,
	INITCOND = 'v2(0,0,0)',
	MSFUNC = enps_transfn,
	MINVFUNC = enps_inv_transfn,
	MSTYPE = engagement_nps_state,
	MFINALFUNC = enps_finalfn,
	MINITCOND = 'v2(0,0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE enps(integer) IS
	'employee Net Promoter Score: 100 * (answers 9-10 - answers 0-6) / answers of a 0-10 question, from -100 to 100; NULL answers are skipped';

CREATE FUNCTION enps_int2_transfn(engagement_nps_state, smallint) RETURNS engagement_nps_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION enps_int2_transfn(engagement_nps_state, smallint) IS
	'transition function of enps: counts one answer of the 0-10 question';

CREATE FUNCTION enps_int2_inv_transfn(engagement_nps_state, smallint) RETURNS engagement_nps_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION enps_int2_inv_transfn(engagement_nps_state, smallint) IS
	'inverse transition function of enps: takes back a row leaving a moving window frame';

CREATE AGGREGATE enps(score smallint) (
	SFUNC = enps_int2_transfn,
	STYPE = engagement_nps_state,
	FINALFUNC = enps_finalfn,
	COMBINEFUNC = nps_state_combine,
	INITCOND = 'v2(0,0,0)',
	MSFUNC = enps_int2_transfn,
	MINVFUNC = enps_int2_inv_transfn,
	MSTYPE = engagement_nps_state,
	MFINALFUNC = enps_finalfn,
	MINITCOND = 'v2(0,0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE enps(smallint) IS
	'employee Net Promoter Score: 100 * (answers 9-10 - answers 0-6) / answers of a 0-10 question, from -100 to 100; NULL answers are skipped';

--------------------------------------------------------------------------
-- Survey confidentiality (added in 1.2): which groups of a partition may
-- be shown, given the setting engagement.min_group_size (default 5, only
-- a superuser or a role granted SET on it changes it)
--------------------------------------------------------------------------

CREATE FUNCTION disclosable(respondents bigint) RETURNS boolean
	AS 'MODULE_PATHNAME', 'disclosable' LANGUAGE C WINDOW STABLE PARALLEL SAFE;
COMMENT ON FUNCTION disclosable(bigint) IS
	'window function: false for a group of fewer respondents than engagement.min_group_size (or NULL), and for the smallest other groups of the partition while the hidden ones add up to more than 0 and fewer than that';

CREATE FUNCTION disclosable(respondents bigint, min_group_size integer) RETURNS boolean
	AS 'MODULE_PATHNAME', 'disclosable_min_group_size' LANGUAGE C WINDOW STABLE PARALLEL SAFE;
COMMENT ON FUNCTION disclosable(bigint, integer) IS
	'window function: disclosable(respondents) with the minimum the larger of min_group_size and engagement.min_group_size: a view may ask for more, never less';

--------------------------------------------------------------------------
-- Intervals (added in 1.2): how sure a figure is, as a range of percent
--------------------------------------------------------------------------

CREATE TYPE percent_range AS RANGE (
	SUBTYPE = double precision,
	SUBTYPE_DIFF = float8mi
);
COMMENT ON TYPE percent_range IS
	'an interval of percent, closed at both ends: lower(r), upper(r) and r @> 3.5::float8 work';
COMMENT ON TYPE percent_multirange IS
	'a set of percent ranges (made by PostgreSQL with percent_range)';
COMMENT ON FUNCTION percent_range(double precision, double precision) IS
	'constructs a percent_range, closed at both ends: [lower, upper]';
COMMENT ON FUNCTION percent_range(double precision, double precision, text) IS
	'constructs a percent_range with the bounds given, e.g. ''[)''';
COMMENT ON FUNCTION percent_multirange() IS
	'constructs an empty percent_multirange';
COMMENT ON FUNCTION percent_multirange(percent_range) IS
	'constructs a percent_multirange of one range';
COMMENT ON FUNCTION percent_multirange(percent_range[]) IS
	'constructs a percent_multirange of the ranges given';
COMMENT ON CAST (percent_range AS percent_multirange) IS
	'a percent range as a multirange of one range';

CREATE FUNCTION wilson_interval(successes bigint, trials bigint, confidence double precision DEFAULT 0.95)
	RETURNS percent_range
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION wilson_interval(bigint, bigint, double precision) IS
	'Wilson score interval of the proportion successes / trials, in percent; NULL when trials = 0';

CREATE TYPE engagement_interval_state;

CREATE FUNCTION engagement_interval_state_in(cstring) RETURNS engagement_interval_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION engagement_interval_state_out(engagement_interval_state) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION engagement_interval_state_recv(internal) RETURNS engagement_interval_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION engagement_interval_state_send(engagement_interval_state) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE engagement_interval_state (
	INPUT = engagement_interval_state_in,
	OUTPUT = engagement_interval_state_out,
	RECEIVE = engagement_interval_state_recv,
	SEND = engagement_interval_state_send,
	INTERNALLENGTH = 104,
	ALIGNMENT = double
);
COMMENT ON TYPE engagement_interval_state IS
	'state of the interval aggregates: the units counted, the headcount and confidence of the group, and the exact sums of e, r, e², r² and e·r';
COMMENT ON FUNCTION engagement_interval_state_in(cstring) IS
	'text input of engagement_interval_state: v2(n,headcount,confidence,e,r,ee,rr,er)';
COMMENT ON FUNCTION engagement_interval_state_out(engagement_interval_state) IS
	'text output of engagement_interval_state';
COMMENT ON FUNCTION engagement_interval_state_recv(internal) IS
	'binary input of engagement_interval_state';
COMMENT ON FUNCTION engagement_interval_state_send(engagement_interval_state) IS
	'binary output of engagement_interval_state';

CREATE FUNCTION interval_state_combine(engagement_interval_state, engagement_interval_state)
	RETURNS engagement_interval_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION interval_state_combine(engagement_interval_state, engagement_interval_state) IS
	'combine function of the interval aggregates: adds the sums of groups with the same confidence and headcount';

CREATE FUNCTION rate_interval_finalfn(engagement_interval_state) RETURNS percent_range
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION rate_interval_finalfn(engagement_interval_state) IS
	'final function of er_reach_interval and er_view_interval: the ratio-estimator interval, lower bound at least 0';

CREATE FUNCTION proportion_interval_finalfn(engagement_interval_state) RETURNS percent_range
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION proportion_interval_finalfn(engagement_interval_state) IS
	'final function of q12_interval: the ratio-estimator interval within 0 .. 100, with the finite-population correction for a headcount';

CREATE FUNCTION er_reach_interval_transfn(engagement_interval_state, bigint, bigint, bigint, bigint) RETURNS engagement_interval_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION er_reach_interval_transfn(engagement_interval_state, bigint, bigint, bigint, bigint) IS
	'transition function of er_reach_interval: adds one unit';

CREATE FUNCTION er_reach_interval_inv_transfn(engagement_interval_state, bigint, bigint, bigint, bigint) RETURNS engagement_interval_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION er_reach_interval_inv_transfn(engagement_interval_state, bigint, bigint, bigint, bigint) IS
	'inverse transition function of er_reach_interval: takes back a unit leaving a moving window frame';

CREATE AGGREGATE er_reach_interval(likes bigint, comments bigint, shares bigint, reach bigint) (
	SFUNC = er_reach_interval_transfn,
	STYPE = engagement_interval_state,
	FINALFUNC = rate_interval_finalfn,
	COMBINEFUNC = interval_state_combine,
	INITCOND = 'v2(0,0,0,0,0,0,0,0)',
	MSFUNC = er_reach_interval_transfn,
	MINVFUNC = er_reach_interval_inv_transfn,
	MSTYPE = engagement_interval_state,
	MFINALFUNC = rate_interval_finalfn,
	MINITCOND = 'v2(0,0,0,0,0,0,0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE er_reach_interval(bigint, bigint, bigint, bigint) IS
	'interval of ER by reach over posts as sampling units (ratio estimator), percent, 95 %; NULL for fewer than 2 posts or no reach';

CREATE FUNCTION er_reach_interval_transfn(engagement_interval_state, bigint, bigint, bigint, bigint, double precision) RETURNS engagement_interval_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION er_reach_interval_transfn(engagement_interval_state, bigint, bigint, bigint, bigint, double precision) IS
	'transition function of er_reach_interval: adds one unit';

CREATE FUNCTION er_reach_interval_inv_transfn(engagement_interval_state, bigint, bigint, bigint, bigint, double precision) RETURNS engagement_interval_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION er_reach_interval_inv_transfn(engagement_interval_state, bigint, bigint, bigint, bigint, double precision) IS
	'inverse transition function of er_reach_interval: takes back a unit leaving a moving window frame';

CREATE AGGREGATE er_reach_interval(likes bigint, comments bigint, shares bigint, reach bigint, confidence double precision) (
	SFUNC = er_reach_interval_transfn,
	STYPE = engagement_interval_state,
	FINALFUNC = rate_interval_finalfn,
	COMBINEFUNC = interval_state_combine,
	INITCOND = 'v2(0,0,0,0,0,0,0,0)',
	MSFUNC = er_reach_interval_transfn,
	MINVFUNC = er_reach_interval_inv_transfn,
	MSTYPE = engagement_interval_state,
	MFINALFUNC = rate_interval_finalfn,
	MINITCOND = 'v2(0,0,0,0,0,0,0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE er_reach_interval(bigint, bigint, bigint, bigint, double precision) IS
	'interval of ER by reach over posts as sampling units (ratio estimator), percent; NULL for fewer than 2 posts or no reach';

CREATE FUNCTION er_view_interval_transfn(engagement_interval_state, bigint, bigint, bigint, bigint) RETURNS engagement_interval_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION er_view_interval_transfn(engagement_interval_state, bigint, bigint, bigint, bigint) IS
	'transition function of er_view_interval: adds one unit';

CREATE FUNCTION er_view_interval_inv_transfn(engagement_interval_state, bigint, bigint, bigint, bigint) RETURNS engagement_interval_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION er_view_interval_inv_transfn(engagement_interval_state, bigint, bigint, bigint, bigint) IS
	'inverse transition function of er_view_interval: takes back a unit leaving a moving window frame';

CREATE AGGREGATE er_view_interval(likes bigint, comments bigint, shares bigint, views bigint) (
	SFUNC = er_view_interval_transfn,
	STYPE = engagement_interval_state,
	FINALFUNC = rate_interval_finalfn,
	COMBINEFUNC = interval_state_combine,
	INITCOND = 'v2(0,0,0,0,0,0,0,0)',
	MSFUNC = er_view_interval_transfn,
	MINVFUNC = er_view_interval_inv_transfn,
	MSTYPE = engagement_interval_state,
	MFINALFUNC = rate_interval_finalfn,
	MINITCOND = 'v2(0,0,0,0,0,0,0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE er_view_interval(bigint, bigint, bigint, bigint) IS
	'interval of ER view over posts as sampling units (ratio estimator), percent, 95 %; NULL for fewer than 2 posts or no views';

CREATE FUNCTION er_view_interval_transfn(engagement_interval_state, bigint, bigint, bigint, bigint, double precision) RETURNS engagement_interval_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION er_view_interval_transfn(engagement_interval_state, bigint, bigint, bigint, bigint, double precision) IS
	'transition function of er_view_interval: adds one unit';

CREATE FUNCTION er_view_interval_inv_transfn(engagement_interval_state, bigint, bigint, bigint, bigint, double precision) RETURNS engagement_interval_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION er_view_interval_inv_transfn(engagement_interval_state, bigint, bigint, bigint, bigint, double precision) IS
	'inverse transition function of er_view_interval: takes back a unit leaving a moving window frame';

CREATE AGGREGATE er_view_interval(likes bigint, comments bigint, shares bigint, views bigint, confidence double precision) (
	SFUNC = er_view_interval_transfn,
	STYPE = engagement_interval_state,
	FINALFUNC = rate_interval_finalfn,
	COMBINEFUNC = interval_state_combine,
	INITCOND = 'v2(0,0,0,0,0,0,0,0)',
	MSFUNC = er_view_interval_transfn,
	MINVFUNC = er_view_interval_inv_transfn,
	MSTYPE = engagement_interval_state,
	MFINALFUNC = rate_interval_finalfn,
	MINITCOND = 'v2(0,0,0,0,0,0,0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE er_view_interval(bigint, bigint, bigint, bigint, double precision) IS
	'interval of ER view over posts as sampling units (ratio estimator), percent; NULL for fewer than 2 posts or no views';

CREATE FUNCTION q12_interval_transfn(engagement_interval_state, boolean[]) RETURNS engagement_interval_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION q12_interval_transfn(engagement_interval_state, boolean[]) IS
	'transition function of q12_interval: adds one unit';

CREATE FUNCTION q12_interval_inv_transfn(engagement_interval_state, boolean[]) RETURNS engagement_interval_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION q12_interval_inv_transfn(engagement_interval_state, boolean[]) IS
	'inverse transition function of q12_interval: takes back a unit leaving a moving window frame';

CREATE AGGREGATE q12_interval(answers boolean[]) (
	SFUNC = q12_interval_transfn,
	STYPE = engagement_interval_state,
	FINALFUNC = proportion_interval_finalfn,
	COMBINEFUNC = interval_state_combine,
	INITCOND = 'v2(0,0,0,0,0,0,0,0)',
	MSFUNC = q12_interval_transfn,
	MINVFUNC = q12_interval_inv_transfn,
	MSTYPE = engagement_interval_state,
	MFINALFUNC = proportion_interval_finalfn,
	MINITCOND = 'v2(0,0,0,0,0,0,0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE q12_interval(boolean[]) IS
	'interval of the Q12 index over respondents as sampling units, percent, 95 %; NULL for fewer than 2 respondents';

CREATE FUNCTION q12_interval_conf_transfn(engagement_interval_state, boolean[], double precision) RETURNS engagement_interval_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION q12_interval_conf_transfn(engagement_interval_state, boolean[], double precision) IS
	'transition function of q12_interval: adds one unit';

CREATE FUNCTION q12_interval_conf_inv_transfn(engagement_interval_state, boolean[], double precision) RETURNS engagement_interval_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION q12_interval_conf_inv_transfn(engagement_interval_state, boolean[], double precision) IS
	'inverse transition function of q12_interval: takes back a unit leaving a moving window frame';

CREATE AGGREGATE q12_interval(answers boolean[], confidence double precision) (
	SFUNC = q12_interval_conf_transfn,
	STYPE = engagement_interval_state,
	FINALFUNC = proportion_interval_finalfn,
	COMBINEFUNC = interval_state_combine,
	INITCOND = 'v2(0,0,0,0,0,0,0,0)',
	MSFUNC = q12_interval_conf_transfn,
	MINVFUNC = q12_interval_conf_inv_transfn,
	MSTYPE = engagement_interval_state,
	MFINALFUNC = proportion_interval_finalfn,
	MINITCOND = 'v2(0,0,0,0,0,0,0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE q12_interval(boolean[], double precision) IS
	'interval of the Q12 index over respondents as sampling units, percent; NULL for fewer than 2 respondents';

CREATE FUNCTION q12_interval_int8_transfn(engagement_interval_state, boolean[], bigint) RETURNS engagement_interval_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION q12_interval_int8_transfn(engagement_interval_state, boolean[], bigint) IS
	'transition function of q12_interval: adds one unit';

CREATE FUNCTION q12_interval_int8_inv_transfn(engagement_interval_state, boolean[], bigint) RETURNS engagement_interval_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION q12_interval_int8_inv_transfn(engagement_interval_state, boolean[], bigint) IS
	'inverse transition function of q12_interval: takes back a unit leaving a moving window frame';

CREATE AGGREGATE q12_interval(answers boolean[], headcount bigint) (
	SFUNC = q12_interval_int8_transfn,
	STYPE = engagement_interval_state,
	FINALFUNC = proportion_interval_finalfn,
	COMBINEFUNC = interval_state_combine,
	INITCOND = 'v2(0,0,0,0,0,0,0,0)',
	MSFUNC = q12_interval_int8_transfn,
	MINVFUNC = q12_interval_int8_inv_transfn,
	MSTYPE = engagement_interval_state,
	MFINALFUNC = proportion_interval_finalfn,
	MINITCOND = 'v2(0,0,0,0,0,0,0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE q12_interval(boolean[], bigint) IS
	'interval of the Q12 index over respondents as sampling units, percent, 95 %; finite-population correction for the headcount; NULL for fewer than 2 respondents';

CREATE FUNCTION q12_interval_int8_conf_transfn(engagement_interval_state, boolean[], bigint, double precision) RETURNS engagement_interval_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION q12_interval_int8_conf_transfn(engagement_interval_state, boolean[], bigint, double precision) IS
	'transition function of q12_interval: adds one unit';

CREATE FUNCTION q12_interval_int8_conf_inv_transfn(engagement_interval_state, boolean[], bigint, double precision) RETURNS engagement_interval_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION q12_interval_int8_conf_inv_transfn(engagement_interval_state, boolean[], bigint, double precision) IS
	'inverse transition function of q12_interval: takes back a unit leaving a moving window frame';

CREATE AGGREGATE q12_interval(answers boolean[], headcount bigint, confidence double precision) (
	SFUNC = q12_interval_int8_conf_transfn,
	STYPE = engagement_interval_state,
	FINALFUNC = proportion_interval_finalfn,
	COMBINEFUNC = interval_state_combine,
	INITCOND = 'v2(0,0,0,0,0,0,0,0)',
	MSFUNC = q12_interval_int8_conf_transfn,
	MINVFUNC = q12_interval_int8_conf_inv_transfn,
	MSTYPE = engagement_interval_state,
	MFINALFUNC = proportion_interval_finalfn,
	MINITCOND = 'v2(0,0,0,0,0,0,0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE q12_interval(boolean[], bigint, double precision) IS
	'interval of the Q12 index over respondents as sampling units, percent; finite-population correction for the headcount; NULL for fewer than 2 respondents';

CREATE FUNCTION q12_interval_int4_transfn(engagement_interval_state, boolean[], integer) RETURNS engagement_interval_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION q12_interval_int4_transfn(engagement_interval_state, boolean[], integer) IS
	'transition function of q12_interval: adds one unit';

CREATE FUNCTION q12_interval_int4_inv_transfn(engagement_interval_state, boolean[], integer) RETURNS engagement_interval_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION q12_interval_int4_inv_transfn(engagement_interval_state, boolean[], integer) IS
	'inverse transition function of q12_interval: takes back a unit leaving a moving window frame';

CREATE AGGREGATE q12_interval(answers boolean[], headcount integer) (
	SFUNC = q12_interval_int4_transfn,
	STYPE = engagement_interval_state,
	FINALFUNC = proportion_interval_finalfn,
	COMBINEFUNC = interval_state_combine,
	INITCOND = 'v2(0,0,0,0,0,0,0,0)',
	MSFUNC = q12_interval_int4_transfn,
	MINVFUNC = q12_interval_int4_inv_transfn,
	MSTYPE = engagement_interval_state,
	MFINALFUNC = proportion_interval_finalfn,
	MINITCOND = 'v2(0,0,0,0,0,0,0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE q12_interval(boolean[], integer) IS
	'interval of the Q12 index over respondents as sampling units, percent, 95 %; finite-population correction for the headcount; NULL for fewer than 2 respondents';

CREATE FUNCTION q12_interval_int4_conf_transfn(engagement_interval_state, boolean[], integer, double precision) RETURNS engagement_interval_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION q12_interval_int4_conf_transfn(engagement_interval_state, boolean[], integer, double precision) IS
	'transition function of q12_interval: adds one unit';

CREATE FUNCTION q12_interval_int4_conf_inv_transfn(engagement_interval_state, boolean[], integer, double precision) RETURNS engagement_interval_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION q12_interval_int4_conf_inv_transfn(engagement_interval_state, boolean[], integer, double precision) IS
	'inverse transition function of q12_interval: takes back a unit leaving a moving window frame';

CREATE AGGREGATE q12_interval(answers boolean[], headcount integer, confidence double precision) (
	SFUNC = q12_interval_int4_conf_transfn,
	STYPE = engagement_interval_state,
	FINALFUNC = proportion_interval_finalfn,
	COMBINEFUNC = interval_state_combine,
	INITCOND = 'v2(0,0,0,0,0,0,0,0)',
	MSFUNC = q12_interval_int4_conf_transfn,
	MINVFUNC = q12_interval_int4_conf_inv_transfn,
	MSTYPE = engagement_interval_state,
	MFINALFUNC = proportion_interval_finalfn,
	MINITCOND = 'v2(0,0,0,0,0,0,0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE q12_interval(boolean[], integer, double precision) IS
	'interval of the Q12 index over respondents as sampling units, percent; finite-population correction for the headcount; NULL for fewer than 2 respondents';

CREATE FUNCTION er_reach_interval(engagement_stats) RETURNS percent_range
	AS 'MODULE_PATHNAME', 'engagement_stats_er_reach_interval' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION er_reach_interval(engagement_stats) IS
	'the 95 % interval of ER by reach over the posts of a summary, as er_reach_interval gives it; NULL for a summary written before 1.2 kept the interval sums';

CREATE FUNCTION er_reach_interval(s engagement_stats, confidence double precision) RETURNS percent_range
	AS 'MODULE_PATHNAME', 'engagement_stats_er_reach_interval' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION er_reach_interval(engagement_stats, double precision) IS
	'the interval of ER by reach over the posts of a summary at the given confidence';

CREATE FUNCTION er_view_interval(engagement_stats) RETURNS percent_range
	AS 'MODULE_PATHNAME', 'engagement_stats_er_view_interval' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION er_view_interval(engagement_stats) IS
	'the 95 % interval of ER view over the posts of a summary, as er_view_interval gives it; NULL for a summary written before 1.2 kept the interval sums';

CREATE FUNCTION er_view_interval(s engagement_stats, confidence double precision) RETURNS percent_range
	AS 'MODULE_PATHNAME', 'engagement_stats_er_view_interval' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION er_view_interval(engagement_stats, double precision) IS
	'the interval of ER view over the posts of a summary at the given confidence';
