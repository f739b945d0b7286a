-- engagement 1.2 -> 1.3: trust and reach
\echo Use "ALTER EXTENSION engagement UPDATE TO '1.3'" to load this file. \quit

--------------------------------------------------------------------------
-- engagement_agg and rollup over moving window frames: the frame's state
-- keeps the follower counts of its posts beside the summary, so that the
-- frame's summary is the one its posts alone give, also after posts with
-- a second follower count left it
--------------------------------------------------------------------------
CREATE FUNCTION engagement_agg_moving_transfn(internal, bigint, bigint, bigint, bigint, bigint, bigint)
	RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION engagement_agg_moving_transfn(internal, bigint, bigint, bigint, bigint, bigint, bigint) IS
	'moving-aggregate transition function of engagement_agg: adds a post to a moving window frame';
CREATE FUNCTION engagement_agg_moving_inv_transfn(internal, bigint, bigint, bigint, bigint, bigint, bigint)
	RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION engagement_agg_moving_inv_transfn(internal, bigint, bigint, bigint, bigint, bigint, bigint) IS
	'moving-aggregate inverse transition function of engagement_agg: takes back a post leaving a moving window frame';
CREATE FUNCTION engagement_agg_int4_moving_transfn(internal, integer, integer, integer, integer, integer, integer)
	RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION engagement_agg_int4_moving_transfn(internal, integer, integer, integer, integer, integer, integer) IS
	'moving-aggregate transition function of engagement_agg: adds a post to a moving window frame';
CREATE FUNCTION engagement_agg_int4_moving_inv_transfn(internal, integer, integer, integer, integer, integer, integer)
	RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION engagement_agg_int4_moving_inv_transfn(internal, integer, integer, integer, integer, integer, integer) IS
	'moving-aggregate inverse transition function of engagement_agg: takes back a post leaving a moving window frame';
CREATE FUNCTION engagement_agg_int2_moving_transfn(internal, smallint, smallint, smallint, smallint, smallint, smallint)
	RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION engagement_agg_int2_moving_transfn(internal, smallint, smallint, smallint, smallint, smallint, smallint) IS
	'moving-aggregate transition function of engagement_agg: adds a post to a moving window frame';
CREATE FUNCTION engagement_agg_int2_moving_inv_transfn(internal, smallint, smallint, smallint, smallint, smallint, smallint)
	RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION engagement_agg_int2_moving_inv_transfn(internal, smallint, smallint, smallint, smallint, smallint, smallint) IS
	'moving-aggregate inverse transition function of engagement_agg: takes back a post leaving a moving window frame';
CREATE FUNCTION rollup_moving_transfn(internal, engagement_stats)
	RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION rollup_moving_transfn(internal, engagement_stats) IS
	'moving-aggregate transition function of rollup: merges a summary into a moving window frame';
CREATE FUNCTION rollup_moving_inv_transfn(internal, engagement_stats)
	RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION rollup_moving_inv_transfn(internal, engagement_stats) IS
	'moving-aggregate inverse transition function of rollup: takes back a summary leaving a moving window frame';
CREATE FUNCTION engagement_stats_moving_finalfn(internal)
	RETURNS engagement_stats
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION engagement_stats_moving_finalfn(internal) IS
	'moving-aggregate final function of engagement_agg and rollup: the summary of the posts in the frame';
CREATE OR REPLACE AGGREGATE engagement_agg(likes bigint, comments bigint, shares bigint,
										   reach bigint, views bigint, followers bigint) (
	SFUNC = engagement_agg_transfn,
	STYPE = engagement_stats,
	COMBINEFUNC = engagement_stats_combine,
	INITCOND = 'v2(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)',
	MSFUNC = engagement_agg_moving_transfn,
	MINVFUNC = engagement_agg_moving_inv_transfn,
	MSTYPE = internal,
	MFINALFUNC = engagement_stats_moving_finalfn,
	PARALLEL = SAFE
);
CREATE OR REPLACE AGGREGATE engagement_agg(likes integer, comments integer, shares integer,
										   reach integer, views integer, followers integer) (
	SFUNC = engagement_agg_int4_transfn,
	STYPE = engagement_stats,
	COMBINEFUNC = engagement_stats_combine,
	INITCOND = 'v2(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)',
	MSFUNC = engagement_agg_int4_moving_transfn,
	MINVFUNC = engagement_agg_int4_moving_inv_transfn,
	MSTYPE = internal,
	MFINALFUNC = engagement_stats_moving_finalfn,
	PARALLEL = SAFE
);
CREATE OR REPLACE AGGREGATE engagement_agg(likes smallint, comments smallint, shares smallint,
										   reach smallint, views smallint, followers smallint) (
	SFUNC = engagement_agg_int2_transfn,
	STYPE = engagement_stats,
	COMBINEFUNC = engagement_stats_combine,
	INITCOND = 'v2(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)',
	MSFUNC = engagement_agg_int2_moving_transfn,
	MINVFUNC = engagement_agg_int2_moving_inv_transfn,
	MSTYPE = internal,
	MFINALFUNC = engagement_stats_moving_finalfn,
	PARALLEL = SAFE
);
CREATE OR REPLACE AGGREGATE rollup(engagement_stats) (
	SFUNC = engagement_stats_combine,
	STYPE = engagement_stats,
	COMBINEFUNC = engagement_stats_combine,
	INITCOND = 'v2(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)',
	MSFUNC = rollup_moving_transfn,
	MINVFUNC = rollup_moving_inv_transfn,
	MSTYPE = internal,
	MFINALFUNC = engagement_stats_moving_finalfn,
	PARALLEL = SAFE
);

-- 1.2's inverse functions stay, for anything built on them
COMMENT ON FUNCTION engagement_agg_inv_transfn(engagement_stats, bigint, bigint, bigint, bigint, bigint, bigint) IS
	'takes back a post from a summary (engagement_agg used it over moving window frames until 1.3)';
COMMENT ON FUNCTION engagement_agg_int4_inv_transfn(engagement_stats, integer, integer, integer, integer, integer, integer) IS
	'takes back a post from a summary (engagement_agg used it over moving window frames until 1.3)';
COMMENT ON FUNCTION engagement_agg_int2_inv_transfn(engagement_stats, smallint, smallint, smallint, smallint, smallint, smallint) IS
	'takes back a post from a summary (engagement_agg used it over moving window frames until 1.3)';
COMMENT ON FUNCTION engagement_stats_inv_combine(engagement_stats, engagement_stats) IS
	'takes back a summary merged into another (rollup used it over moving window frames until 1.3)';

--------------------------------------------------------------------------
-- Untyped parameters and quoted literals.  A client driver that sends its
-- parameters without types (PREPARE p AS SELECT er_reach($1, $2)), or a
-- call such as er_reach('12', '400'), gives arguments of no type; among
-- the smallint, integer, bigint and numeric forms PostgreSQL cannot choose
-- one for them, and takes a text form when there is one.  Whole numbers
-- give the bigint form's result.
--------------------------------------------------------------------------

-- generated by src/families.pl (scalar_text): edit its table, not these lines

CREATE FUNCTION er_reach(engagements text, reach text) RETURNS double precision
	AS 'MODULE_PATHNAME', 'er_reach_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION er_reach(text, text) IS
	'ER by reach (ERR), percent: 100 * engagements / reach; NULL when reach = 0; for untyped parameters and quoted literals: the text is read as a number';

CREATE FUNCTION er_view(engagements text, views text) RETURNS double precision
	AS 'MODULE_PATHNAME', 'er_view_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION er_view(text, text) IS
	'ER view, percent: 100 * engagements / views; NULL when views = 0; for untyped parameters and quoted literals: the text is read as a number';

CREATE FUNCTION er_post(engagements text, followers text) RETURNS double precision
	AS 'MODULE_PATHNAME', 'er_post_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION er_post(text, text) IS
	'ER of one post, percent: 100 * engagements / followers; NULL when followers = 0; for untyped parameters and quoted literals: the text is read as a number';

CREATE FUNCTION er_day(engagements text, followers text) RETURNS double precision
	AS 'MODULE_PATHNAME', 'er_day_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION er_day(text, text) IS
	'ER of one day, percent: 100 * engagements / followers; NULL when followers = 0; for untyped parameters and quoted literals: the text is read as a number';

CREATE FUNCTION er_unique(engaged_users text, followers text) RETURNS double precision
	AS 'MODULE_PATHNAME', 'er_unique_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION er_unique(text, text) IS
	'ER by unique engaged users, percent: 100 * engaged_users / followers; NULL when followers = 0; for untyped parameters and quoted literals: the text is read as a number';

CREATE FUNCTION love_rate(likes text, followers text) RETURNS double precision
	AS 'MODULE_PATHNAME', 'love_rate_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION love_rate(text, text) IS
	'love rate, percent: 100 * likes / followers; NULL when followers = 0; for untyped parameters and quoted literals: the text is read as a number';

CREATE FUNCTION talk_rate(comments text, followers text) RETURNS double precision
	AS 'MODULE_PATHNAME', 'talk_rate_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION talk_rate(text, text) IS
	'talk rate, percent: 100 * comments / followers; NULL when followers = 0; for untyped parameters and quoted literals: the text is read as a number';

CREATE FUNCTION amplification_rate(shares text, posts text) RETURNS double precision
	AS 'MODULE_PATHNAME', 'amplification_rate_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION amplification_rate(text, text) IS
	'amplification rate, percent: 100 * shares / posts; NULL when posts = 0; for untyped parameters and quoted literals: the text is read as a number';

CREATE FUNCTION follower_growth(new_followers text, followers text) RETURNS double precision
	AS 'MODULE_PATHNAME', 'follower_growth_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION follower_growth(text, text) IS
	'follower growth, percent: 100 * new_followers / followers; NULL when followers = 0; for untyped parameters and quoted literals: the text is read as a number';

CREATE FUNCTION ctr(clicks text, impressions text) RETURNS double precision
	AS 'MODULE_PATHNAME', 'ctr_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ctr(text, text) IS
	'click-through rate, percent: 100 * clicks / impressions; NULL when impressions = 0; for untyped parameters and quoted literals: the text is read as a number';

CREATE FUNCTION response_rate(answers text, questions text) RETURNS double precision
	AS 'MODULE_PATHNAME', 'response_rate_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION response_rate(text, text) IS
	'response rate, percent: 100 * answers / questions; NULL when questions = 0; for untyped parameters and quoted literals: the text is read as a number';

CREATE FUNCTION cpc(spend numeric, clicks text) RETURNS numeric
	AS 'MODULE_PATHNAME', 'cpc_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cpc(numeric, text) IS
	'cost per click: spend / clicks; NULL when clicks = 0; for untyped parameters and quoted literals: the text is read as a number';

CREATE FUNCTION cpl(spend numeric, leads text) RETURNS numeric
	AS 'MODULE_PATHNAME', 'cpl_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cpl(numeric, text) IS
	'cost per lead: spend / leads; NULL when leads = 0; for untyped parameters and quoted literals: the text is read as a number';

CREATE FUNCTION cost_per_engagement(spend numeric, engagements text) RETURNS numeric
	AS 'MODULE_PATHNAME', 'cost_per_engagement_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cost_per_engagement(numeric, text) IS
	'cost per engagement: spend / engagements; NULL when engagements = 0; for untyped parameters and quoted literals: the text is read as a number';

CREATE FUNCTION cost_per_follower(spend numeric, new_followers text) RETURNS numeric
	AS 'MODULE_PATHNAME', 'cost_per_follower_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION cost_per_follower(numeric, text) IS
	'cost per follower: spend / new_followers; NULL when new_followers = 0; for untyped parameters and quoted literals: the text is read as a number';

-- end of generated scalar_text

-- The per-post aggregates likewise: er_reach($1, $2, $3, $4) and the
-- others with untyped parameters, each count read as a bigint.

-- generated by src/families.pl (agg_text): edit its table, not these lines

CREATE FUNCTION er_reach_text_transfn(engagement_ratio_state, text, text, text, text)
	RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION er_reach_text_transfn(engagement_ratio_state, text, text, text, text) IS
	'transition function of er_reach: adds likes + comments + shares and reach';

CREATE FUNCTION er_reach_text_inv_transfn(engagement_ratio_state, text, text, text, text)
	RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION er_reach_text_inv_transfn(engagement_ratio_state, text, text, text, text) IS
	'inverse transition function of er_reach: takes back a row leaving a moving window frame';

CREATE FUNCTION er_view_text_transfn(engagement_ratio_state, text, text, text, text)
	RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION er_view_text_transfn(engagement_ratio_state, text, text, text, text) IS
	'transition function of er_view: adds likes + comments + shares and views';

CREATE FUNCTION er_view_text_inv_transfn(engagement_ratio_state, text, text, text, text)
	RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION er_view_text_inv_transfn(engagement_ratio_state, text, text, text, text) IS
	'inverse transition function of er_view: takes back a row leaving a moving window frame';

CREATE FUNCTION post_rate_text_transfn(engagement_mean_state, text, text, text, text)
	RETURNS engagement_mean_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION post_rate_text_transfn(engagement_mean_state, text, text, text, text) IS
	'transition function of er_post and er_day: adds the post''s 100 * (likes + comments + shares) / followers, skipping followers = 0';

CREATE FUNCTION post_rate_text_inv_transfn(engagement_mean_state, text, text, text, text)
	RETURNS engagement_mean_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION post_rate_text_inv_transfn(engagement_mean_state, text, text, text, text) IS
	'inverse transition function of er_post and er_day: takes back a row leaving a moving window frame';

CREATE FUNCTION amplification_rate_text_transfn(engagement_ratio_state, text)
	RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION amplification_rate_text_transfn(engagement_ratio_state, text) IS
	'transition function of amplification_rate: adds shares and counts the post';

CREATE FUNCTION amplification_rate_text_inv_transfn(engagement_ratio_state, text)
	RETURNS engagement_ratio_state
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION amplification_rate_text_inv_transfn(engagement_ratio_state, text) IS
	'inverse transition function of amplification_rate: takes back a row leaving a moving window frame';

CREATE AGGREGATE er_reach(likes text, comments text, shares text, reach text) (
	SFUNC = er_reach_text_transfn,
	STYPE = engagement_ratio_state,
	FINALFUNC = ratio_percent_finalfn,
	COMBINEFUNC = ratio_state_combine,
	INITCOND = '(0,0)',
	MSFUNC = er_reach_text_transfn,
	MINVFUNC = er_reach_text_inv_transfn,
	MSTYPE = engagement_ratio_state,
	MFINALFUNC = ratio_percent_finalfn,
	MINITCOND = '(0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE er_reach(text, text, text, text) IS
	'ER by reach over posts, percent: 100 * sum(likes + comments + shares) / sum(reach)';

CREATE AGGREGATE er_view(likes text, comments text, shares text, views text) (
	SFUNC = er_view_text_transfn,
	STYPE = engagement_ratio_state,
	FINALFUNC = ratio_percent_finalfn,
	COMBINEFUNC = ratio_state_combine,
	INITCOND = '(0,0)',
	MSFUNC = er_view_text_transfn,
	MINVFUNC = er_view_text_inv_transfn,
	MSTYPE = engagement_ratio_state,
	MFINALFUNC = ratio_percent_finalfn,
	MINITCOND = '(0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE er_view(text, text, text, text) IS
	'ER view over posts, percent: 100 * sum(likes + comments + shares) / sum(views)';

CREATE AGGREGATE er_post(likes text, comments text, shares text, followers text) (
	SFUNC = post_rate_text_transfn,
	STYPE = engagement_mean_state,
	FINALFUNC = post_rate_mean_finalfn,
	COMBINEFUNC = mean_state_combine,
	INITCOND = 'v2(0,0,0,0,0,0)',
	MSFUNC = post_rate_text_transfn,
	MINVFUNC = post_rate_text_inv_transfn,
	MSTYPE = engagement_mean_state,
	MFINALFUNC = post_rate_mean_finalfn,
	MINITCOND = 'v2(0,0,0,0,0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE er_post(text, text, text, text) IS
	'average ER post, percent: mean over posts of 100 * (likes + comments + shares) / followers; posts with followers = 0 are skipped';

CREATE AGGREGATE er_day(likes text, comments text, shares text, followers text) (
	SFUNC = post_rate_text_transfn,
	STYPE = engagement_mean_state,
	FINALFUNC = post_rate_sum_finalfn,
	COMBINEFUNC = mean_state_combine,
	INITCOND = 'v2(0,0,0,0,0,0)',
	MSFUNC = post_rate_text_transfn,
	MINVFUNC = post_rate_text_inv_transfn,
	MSTYPE = engagement_mean_state,
	MFINALFUNC = post_rate_sum_finalfn,
	MINITCOND = 'v2(0,0,0,0,0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE er_day(text, text, text, text) IS
	'ER day, percent: sum over posts of 100 * (likes + comments + shares) / followers; posts with followers = 0 are skipped';

CREATE AGGREGATE amplification_rate(shares text) (
	SFUNC = amplification_rate_text_transfn,
	STYPE = engagement_ratio_state,
	FINALFUNC = ratio_percent_finalfn,
	COMBINEFUNC = ratio_state_combine,
	INITCOND = '(0,0)',
	MSFUNC = amplification_rate_text_transfn,
	MINVFUNC = amplification_rate_text_inv_transfn,
	MSTYPE = engagement_ratio_state,
	MFINALFUNC = ratio_percent_finalfn,
	MINITCOND = '(0,0)',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE amplification_rate(text) IS
	'amplification rate over posts, percent: 100 * sum(shares) / number of posts';

-- end of generated agg_text
