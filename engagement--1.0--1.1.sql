-- engagement 1.0 -> 1.1: the two-step summary type engagement_stats
\echo Use "ALTER EXTENSION engagement UPDATE TO '1.1'" to load this file. \quit

--------------------------------------------------------------------------
-- Summary type: engagement_agg builds it, rollup merges it, accessors read it
--------------------------------------------------------------------------

CREATE TYPE engagement_stats;

CREATE FUNCTION engagement_stats_in(cstring) RETURNS engagement_stats
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION engagement_stats_out(engagement_stats) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION engagement_stats_recv(internal) RETURNS engagement_stats
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION engagement_stats_send(engagement_stats) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE engagement_stats (
	INTERNALLENGTH = 200,
	INPUT = engagement_stats_in,
	OUTPUT = engagement_stats_out,
	RECEIVE = engagement_stats_recv,
	SEND = engagement_stats_send,
	ALIGNMENT = double,
	STORAGE = plain
);
COMMENT ON TYPE engagement_stats IS
	'summary of a group of posts: the exact state of every SMM aggregate; build with engagement_agg, merge with rollup, read with the accessors';
COMMENT ON FUNCTION engagement_stats_in(cstring) IS 'text input of engagement_stats; malformed text is ERROR 22P02';
COMMENT ON FUNCTION engagement_stats_out(engagement_stats) IS 'text output of engagement_stats, exact: it reads back to the same value';
COMMENT ON FUNCTION engagement_stats_recv(internal) IS 'binary input of engagement_stats, checked like the text input';
COMMENT ON FUNCTION engagement_stats_send(engagement_stats) IS 'binary output of engagement_stats: big-endian integers and float8 values';

CREATE FUNCTION engagement_stats_combine(engagement_stats, engagement_stats)
	RETURNS engagement_stats
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION engagement_stats_combine(engagement_stats, engagement_stats) IS
	'merges two summaries: adds every count and sum; combine function of engagement_agg, transition function of rollup';

CREATE FUNCTION engagement_agg_transfn(engagement_stats, bigint, bigint, bigint, bigint, bigint, bigint)
	RETURNS engagement_stats
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION engagement_agg_transfn(engagement_stats, bigint, bigint, bigint, bigint, bigint, bigint) IS
	'transition function of engagement_agg: adds one post to the summary';

CREATE FUNCTION engagement_agg_int4_transfn(engagement_stats, integer, integer, integer, integer, integer, integer)
	RETURNS engagement_stats
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION engagement_agg_int4_transfn(engagement_stats, integer, integer, integer, integer, integer, integer) IS
	'transition function of engagement_agg: adds one post to the summary';

CREATE FUNCTION engagement_agg_int2_transfn(engagement_stats, smallint, smallint, smallint, smallint, smallint, smallint)
	RETURNS engagement_stats
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION engagement_agg_int2_transfn(engagement_stats, smallint, smallint, smallint, smallint, smallint, smallint) IS
	'transition function of engagement_agg: adds one post to the summary';

CREATE AGGREGATE engagement_agg(likes bigint, comments bigint, shares bigint,
								reach bigint, views bigint, followers bigint) (
	SFUNC = engagement_agg_transfn,
	STYPE = engagement_stats,
	COMBINEFUNC = engagement_stats_combine,
	INITCOND = '(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE engagement_agg(bigint, bigint, bigint, bigint, bigint, bigint) IS
	'summary of posts for every SMM metric; a NULL input leaves the row out of exactly the metrics that need it';

CREATE AGGREGATE engagement_agg(likes integer, comments integer, shares integer,
								reach integer, views integer, followers integer) (
	SFUNC = engagement_agg_int4_transfn,
	STYPE = engagement_stats,
	COMBINEFUNC = engagement_stats_combine,
	INITCOND = '(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE engagement_agg(integer, integer, integer, integer, integer, integer) IS
	'summary of posts for every SMM metric; a NULL input leaves the row out of exactly the metrics that need it';

CREATE AGGREGATE engagement_agg(likes smallint, comments smallint, shares smallint,
								reach smallint, views smallint, followers smallint) (
	SFUNC = engagement_agg_int2_transfn,
	STYPE = engagement_stats,
	COMBINEFUNC = engagement_stats_combine,
	INITCOND = '(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE engagement_agg(smallint, smallint, smallint, smallint, smallint, smallint) IS
	'summary of posts for every SMM metric; a NULL input leaves the row out of exactly the metrics that need it';

CREATE AGGREGATE rollup(engagement_stats) (
	SFUNC = engagement_stats_combine,
	STYPE = engagement_stats,
	COMBINEFUNC = engagement_stats_combine,
	INITCOND = '(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE rollup(engagement_stats) IS
	'merges summaries, e.g. daily ones into weeks; NULL summaries are skipped';

CREATE FUNCTION er_reach(engagement_stats) RETURNS double precision
	AS 'MODULE_PATHNAME', 'engagement_stats_er_reach' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION er_reach(engagement_stats) IS
	'ER by reach of a summary, percent: 100 * sum(likes + comments + shares) / sum(reach), as the er_reach aggregate';

CREATE FUNCTION er_view(engagement_stats) RETURNS double precision
	AS 'MODULE_PATHNAME', 'engagement_stats_er_view' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION er_view(engagement_stats) IS
	'ER view of a summary, percent: 100 * sum(likes + comments + shares) / sum(views), as the er_view aggregate';

CREATE FUNCTION er_post(engagement_stats) RETURNS double precision
	AS 'MODULE_PATHNAME', 'engagement_stats_er_post' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION er_post(engagement_stats) IS
	'average ER post of a summary, percent, as the er_post aggregate';

CREATE FUNCTION er_day(engagement_stats) RETURNS double precision
	AS 'MODULE_PATHNAME', 'engagement_stats_er_day' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION er_day(engagement_stats) IS
	'ER day of a summary, percent: sum of the per-post ER, as the er_day aggregate';

CREATE FUNCTION love_rate(engagement_stats) RETURNS double precision
	AS 'MODULE_PATHNAME', 'engagement_stats_love_rate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION love_rate(engagement_stats) IS
	'love rate of a summary, percent: mean over posts of 100 * likes / followers, as avg(love_rate(likes, followers))';

CREATE FUNCTION talk_rate(engagement_stats) RETURNS double precision
	AS 'MODULE_PATHNAME', 'engagement_stats_talk_rate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION talk_rate(engagement_stats) IS
	'talk rate of a summary, percent: mean over posts of 100 * comments / followers, as avg(talk_rate(comments, followers))';

CREATE FUNCTION amplification_rate(engagement_stats) RETURNS double precision
	AS 'MODULE_PATHNAME', 'engagement_stats_amplification_rate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION amplification_rate(engagement_stats) IS
	'amplification rate of a summary, percent: 100 * sum(shares) / posts, as the amplification_rate aggregate';

CREATE FUNCTION engagement_volume(engagement_stats) RETURNS bigint
	AS 'MODULE_PATHNAME', 'engagement_stats_engagement_volume' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION engagement_volume(engagement_stats) IS
	'engagement volume of a summary: sum(likes + comments + shares), as sum(engagement_volume(likes, comments, shares))';

CREATE FUNCTION post_count(engagement_stats) RETURNS bigint
	AS 'MODULE_PATHNAME', 'engagement_stats_post_count' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION post_count(engagement_stats) IS
	'number of posts in a summary, as count(*)';

CREATE FUNCTION engagement_stats_eq(engagement_stats, engagement_stats) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION engagement_stats_eq(engagement_stats, engagement_stats) IS
	'true when two summaries are identical in every count and sum, bit for bit';

CREATE OPERATOR = (
	LEFTARG = engagement_stats,
	RIGHTARG = engagement_stats,
	FUNCTION = engagement_stats_eq,
	COMMUTATOR = =,
	RESTRICT = eqsel,
	JOIN = eqjoinsel
);
COMMENT ON OPERATOR = (engagement_stats, engagement_stats) IS
	'summaries identical bit for bit, e.g. s::text::engagement_stats = s';
