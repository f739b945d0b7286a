-- Summaries and states that can never be wrong: every value any function
-- returns is one the input function reads back; values no aggregate could
-- produce are rejected; sums never leave their range; = holds for
-- summaries of the same rows however they were built; exact edge values.

-- sums past their range are ERROR 22003, never Infinity or a wrapped count:
-- two valid summaries whose rate sums add past the bound
SELECT rollup(s) FROM (VALUES
    ('v2(1,1,1,0,0,0,0,0,0,1,1000000000000000000000000000000000000,0,0,0,0,0,0,0,0,0,0)'::engagement_stats),
    ('v2(1,1,1,0,0,0,0,0,0,1,1000000000000000000000000000000000000,0,0,0,0,0,0,0,0,0,0)')) v(s);
SELECT mean_state_combine('v2(1,1000000000000000000000000000000000000,0,0,0,0)',
                          'v2(1,1000000000000000000000000000000000000,0,0,0,0)');
-- a whole part of exactly 2^120 and a fraction is past the bound too
SELECT mean_state_combine('v2(1,1329227995784915872903807060280344575,170141183460469231731687303715884105728,0,0,0)',
                          'v2(1,1,0,0,0,0)');
SELECT 'v2(1,1329227995784915872903807060280344576,1,0,0,0)'::engagement_mean_state;
SELECT index_state_combine('v2(1,1000000000000000000000000000000000000,0,0,0,0,0,0,0)',
                           'v2(1,1000000000000000000000000000000000000,0,0,0,0,0,0,0)');
-- transition functions called directly on states at the limits
SELECT engagement_agg_transfn('v2(9223372036854775807,0,0,0,0,0,0,0,9223372036854775807,0,0,0,0,0,0,0,0,0,0,0,0)'::engagement_stats,
                              1, 1, 1, 1, 1, 1);
SELECT post_rate_transfn('v2(9223372036854775807,1,0,0,0,0)', 1, 0, 0, 3);
SELECT er_reach_transfn('v2(1329227995784915872903807060280344576,1)', 1, 0, 0, 1);
SELECT q12_index_bool_transfn('v2(5,1329227995784915872903807060280344576)', true);
-- inverse functions called directly: taking back what the state cannot
-- have held is 22023, never a value that breaks the invariant (a post
-- without likes from a summary of one post with them; a post that never
-- entered from interval sums; a summary with more likes than the other)
SELECT engagement_agg_inv_transfn(engagement_agg(1, 1, 1, 10, 10, 10), NULL, 1, 1, 10, 10, 10);
SELECT er_reach_interval_inv_transfn('v2(3,0,0.95,60,400,1400,60000,9000)', 1, 0, 0, 1);
SELECT engagement_stats_inv_combine(engagement_agg(1, 1, 1, 10, 10, 10), engagement_agg(5, 1, 1, 10, 10, 10));
-- and taking back exactly what was added gives the empty state again
SELECT engagement_agg_inv_transfn(engagement_agg(1, 1, 1, 10, 10, 10), 1, 1, 1, 10, 10, 10)
       = engagement_agg(1, 1, 1, 1, 1, 1) FILTER (WHERE false) AS summary_empty_again,
       er_reach_interval_inv_transfn(er_reach_interval_transfn(NULL, 1, 2, 3, 40), 1, 2, 3, 40)::text
       = 'v2(0,0,0,0,0,0,0,0)' AS interval_empty_again;
-- scores past the exact range
SELECT engagement_index(w, m, e) FROM (VALUES (1e308, 1, 1)) v(w, m, e);

-- values no aggregate could produce: 22P02 in text
SELECT why, input_sqlstate(input, type::regtype) AS sqlstate
FROM (VALUES
    ('1.1 mean with a negative compensation', '(3,1,-5)', 'engagement_mean_state'),
    ('1.1 index with a negative mean', '(1,2,0,1,2,0,1,2,-5)', 'engagement_index_state'),
    ('1.1 summary with a negative compensation',
     '(1,1,1,0,0,0,0,0,0,1,1,-5,0,0,0,0,0,0)', 'engagement_stats'),
    ('more rated posts than posts', 'v2(1,1,1,0,0,0,0,0,0,2,1,0,1,1,1,0,0,0,0,0,0)', 'engagement_stats'),
    ('more loved posts than posts', 'v2(1,1,1,0,0,0,0,0,0,0,0,0,0,0,0,2,1,0,0,0,0)', 'engagement_stats'),
    ('more share posts than posts', 'v2(1,1,1,0,0,0,0,1,2,0,0,0,0,0,0,0,0,0,0,0,0)', 'engagement_stats'),
    ('reach engagements beyond the volume', 'v2(1,1,1,2,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)', 'engagement_stats'),
    ('a volume without posts that have one', 'v2(1,0,5,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)', 'engagement_stats'),
    ('a share sum without share posts', '(1,0,0,0,0,0,0,5,0,0,0,0,0,0,0,0,0,0)', 'engagement_stats'),
    ('interval sums past Cauchy-Schwarz: (Σer)² > Σe²·Σr²', 'v2(2,0,0.95,2,2,2,2,3)', 'engagement_interval_state'),
    ('interval sums past Cauchy-Schwarz: (Σe)² > n·Σe²', 'v2(2,0,0.95,10,2,40,2,4)', 'engagement_interval_state'),
    ('interval sums of two units, as two units give them', 'v2(2,0,0.95,3,5,5,13,8)', 'engagement_interval_state'),
    ('a sum of no values', 'v2(0,1,0,0,0,0)', 'engagement_mean_state'),
    ('a follower count without posts', 'v2(0,0,0,0,3,3)', 'engagement_mean_state'),
    ('two follower counts, inverted', 'v2(2,1,0,5,4,3)', 'engagement_mean_state'),
    ('two follower counts', 'v2(2,1,0,5,3,4)', 'engagement_mean_state'),
    ('engagements without a follower count', 'v2(2,1,0,5,0,0)', 'engagement_mean_state'),
    ('a rate sum that disagrees with its one follower count', 'v2(1,0,0,1000,10,10)', 'engagement_mean_state'),
    ('a rate sum that agrees with it: 2 posts of 1 and 2 on 3', 'v2(2,100,2417851639229258349412352,3,3,3)', 'engagement_mean_state'),
    ('a sum past 2^120', 'v2(1,1329227995784915872903807060280344577,0)', 'engagement_ratio_state'),
    ('a fraction of 2^128', 'v2(1,0,340282366920938463463374607431768211456,0,0,0)', 'engagement_mean_state'),
    ('a format version from the future', 'v3(1,2)', 'engagement_ratio_state'),
    ('the 1.1 text form', '(1,2)', 'engagement_ratio_state'),
    ('the 1.2 text form', 'v2(1,2)', 'engagement_ratio_state')
) v(why, input, type);
-- the cast from a 1.1 summary checks what 1.1 did not: a value no
-- aggregate could produce (two volume posts of one post) is not converted
SELECT '(1,2,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)'::engagement_stats_1_1::engagement_stats;
CREATE TABLE converted (s engagement_stats);
INSERT INTO converted VALUES ('(1,2,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)'::engagement_stats_1_1);
SELECT count(*) AS stored FROM converted;
-- a 1.1 summary whose sums are -0 is the empty summary
SELECT '(0,0,0,0,0,0,0,0,0,0,-0,-0,0,-0,0,0,0,-0)'::engagement_stats
       = engagement_agg(1, 1, 1, 1, 1, 1) FILTER (WHERE false) AS minus_zero_is_empty;

-- truncated, padded and future binary values: 22P03
CREATE TABLE binary_probe (s engagement_stats);
-- bytes written as a bytea field and read back as a summary reach the
-- receive function unchanged (the file lands in the data directory)
CREATE FUNCTION receive_sqlstate(bytes bytea) RETURNS text
    LANGUAGE plpgsql AS $$
DECLARE
    probe text := current_setting('data_directory') || '/engagement_binary_probe';
BEGIN
    EXECUTE format('COPY (SELECT %L::bytea) TO %L (FORMAT binary)', bytes, probe);
    EXECUTE format('COPY binary_probe FROM %L (FORMAT binary)', probe);
    RETURN 'ok';
EXCEPTION WHEN others THEN
    RETURN SQLSTATE;
END $$;
SELECT why, receive_sqlstate(bytes) AS sqlstate
FROM (SELECT engagement_stats_send(engagement_agg(40, 8, 2, 1000, 2000, 500)) AS whole) w,
     LATERAL (VALUES ('the whole value', whole),
                     ('truncated', substr(whole, 1, 50)),
                     ('one byte short', substr(whole, 1, length(whole) - 1)),
                     ('one byte more', whole || '\x00'::bytea),
                     ('empty', ''::bytea),
                     ('a future format', '\x03'::bytea || substr(whole, 2)),
                     ('cut to the length of 1.1', substr(whole || decode(repeat('00', 200), 'hex'), 1, 200)),
                     ('a negative count', overlay(whole placing '\x80'::bytea from 2))) v(why, bytes);
SELECT count(*) AS received FROM binary_probe;

-- arguments are checked in argument order
SELECT cpc(-1, -1);
SELECT cost_per_engagement('NaN', -1);

-- exact edge values: one account, one day, 3 followers
SELECT er_day(e, 0, 0, 3) AS er_day_500_3, er_day(e, 0, 0, 3) = er_day(5, 3) AS equals_scalar,
       er_day(e, 0, 0, 3) = 500 / 3::float8 AS correctly_rounded
FROM (VALUES (2), (3)) v(e);
SELECT er_post(e, 0, 0, 3) AS er_post_400_9, er_post(e, 0, 0, 3) = 400 / 9::float8 AS correctly_rounded
FROM (VALUES (0), (1), (3)) v(e);
SELECT er_day(s) = er_day(5, 3) AS summary_er_day, er_post(s) = 500 / 6::float8 AS summary_er_post
FROM (SELECT engagement_agg(e, 0, 0, 0, 0, 3) AS s FROM (VALUES (2), (3)) v(e)) q;
-- with different follower counts, er_post is the mean of the per-post rates
-- (each correctly rounded) summed exactly and rounded once: here the exact
-- mean 100 * (1/3 + 1/7 + 2/9) / 3 = 23.28042328042328042... rounds to
-- 23.280423280423282, and so does the computed one
SELECT er_post(e, 0, 0, f) AS er_post_23_28,
       er_post(e, 0, 0, f) = 23.280423280423282::float8 AS correctly_rounded
FROM (VALUES (1, 3), (1, 7), (2, 9)) v(e, f);

-- equality, order and hashing: DISTINCT, GROUP BY, UNION, hash and merge joins
CREATE TABLE eq_posts AS
    SELECT g, g % 3 AS grp, g % 7 + 1 AS likes, g % 5 AS comments, g % 2 AS shares,
           100 + g % 11 AS reach, 200 + g % 13 AS views, 50 + g % 17 AS followers
    FROM generate_series(1, 3000) g;
CREATE TABLE eq_a AS
    SELECT grp, engagement_agg(likes, comments, shares, reach, views, followers ORDER BY g) AS s
    FROM eq_posts GROUP BY grp;
CREATE TABLE eq_b AS
    SELECT grp, engagement_agg(likes, comments, shares, reach, views, followers ORDER BY g DESC) AS s
    FROM eq_posts GROUP BY grp;
CREATE TABLE eq_c AS
    SELECT grp, rollup(s ORDER BY part DESC) AS s
    FROM (SELECT grp, g % 10 AS part, engagement_agg(likes, comments, shares, reach, views, followers) AS s
          FROM eq_posts GROUP BY grp, part) p
    GROUP BY grp;
SELECT count(*) AS groups,
       bool_and(agree(a.s, b.s) AND agree(a.s, c.s)) AS any_order_equal,
       bool_and(NOT (a.s <> b.s)) AS not_unequal,
       bool_and(engagement_stats_cmp(a.s, c.s) = 0) AS cmp_zero,
       bool_and(engagement_stats_hash(a.s) = engagement_stats_hash(c.s)) AS same_hash
FROM eq_a a JOIN eq_b b USING (grp) JOIN eq_c c USING (grp);
SELECT count(DISTINCT s) AS distinct_summaries FROM (SELECT s FROM eq_a UNION ALL SELECT s FROM eq_b) u;
SELECT count(*) AS union_rows FROM (SELECT s FROM eq_a UNION SELECT s FROM eq_c) u;
SELECT count(*) AS groups_by_summary FROM (SELECT s FROM eq_b UNION ALL SELECT s FROM eq_c) u GROUP BY s;
SELECT count(*) AS except_rows FROM (SELECT s FROM eq_a EXCEPT SELECT s FROM eq_b) u;
SET enable_mergejoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM eq_a a JOIN eq_b b ON a.s = b.s;
SELECT count(*) AS hash_joined FROM eq_a a JOIN eq_b b ON a.s = b.s;
RESET enable_nestloop;
SET enable_hashjoin = off;
SELECT count(*) AS merge_joined FROM eq_a a JOIN eq_b b ON a.s = b.s;
RESET enable_hashjoin;
RESET enable_mergejoin;
SELECT bool_and(a.s < b.s OR a.s > b.s) AS different_groups_ordered,
       bool_and((a.s < b.s) = (b.s > a.s) AND (a.s <= b.s) = NOT (a.s > b.s)) AS order_consistent
FROM eq_a a JOIN eq_a b ON a.grp <> b.grp;
-- a parallel plan builds the same summary
CREATE TABLE eq_big AS SELECT p.* FROM eq_posts p, generate_series(1, 30);
ANALYZE eq_big;
CREATE TABLE eq_serial AS
    SELECT engagement_agg(likes, comments, shares, reach, views, followers) AS s FROM eq_big;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT engagement_agg(likes, comments, shares, reach, views, followers) FROM eq_big;
CREATE TABLE eq_parallel AS
    SELECT engagement_agg(likes, comments, shares, reach, views, followers) AS s FROM eq_big;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
SELECT agree(p.s, s.s) AS parallel_equals_serial FROM eq_parallel p, eq_serial s;

-- output is closed under input: whatever a function returns reads back equal,
-- for random summaries, their rollups and the extremes
SELECT setseed(0.23);
CREATE TABLE closed_posts AS
    SELECT g % 50 AS grp,
           CASE WHEN random() < 0.05 THEN NULL ELSE floor(exp(random() * 20))::bigint END AS likes,
           CASE WHEN random() < 0.05 THEN NULL ELSE floor(exp(random() * 10))::bigint END AS comments,
           floor(exp(random() * 8))::bigint AS shares,
           CASE WHEN random() < 0.1 THEN 0 ELSE floor(exp(random() * 40))::bigint END AS reach,
           floor(exp(random() * 40))::bigint AS views,
           CASE WHEN random() < 0.1 THEN 0 ELSE floor(exp(random() * 43))::bigint END AS followers
    FROM generate_series(1, 5000) g;
CREATE TABLE closed_values AS
    SELECT engagement_agg(likes, comments, shares, reach, views, followers) AS s
    FROM closed_posts GROUP BY grp;
INSERT INTO closed_values (s)
    SELECT rollup(s) FROM closed_values
    UNION ALL SELECT engagement_agg(9223372036854775807, 9223372036854775807, 9223372036854775807,
                                    9223372036854775807, 9223372036854775807, 1) FROM generate_series(1, 3)
    UNION ALL SELECT engagement_agg(1, 0, 0, 9223372036854775807, 9223372036854775807, 9223372036854775807)
              FROM generate_series(1, 3)
    UNION ALL SELECT engagement_agg(1, 1, 1, 1, 1, 1) FROM generate_series(1, 0);
SELECT count(*) AS summaries_checked,
       bool_and(agree(s::text::engagement_stats, s)) AS summaries_read_back,
       bool_and(coalesce(er_post(s), 0) >= 0 AND coalesce(er_day(s), 0) >= 0
                AND coalesce(love_rate(s), 0) >= 0 AND coalesce(er_reach(s), 0) >= 0) AS no_negative_rate
FROM closed_values;
-- the states, one post at a time and merged
SELECT count(*) AS states_checked,
       bool_and(agree(m::text::engagement_mean_state::text, m::text)) AS mean_states_read_back,
       bool_and(agree(r::text::engagement_ratio_state::text, r::text)) AS ratio_states_read_back,
       bool_and(agree(mean_state_combine(m, m)::text::engagement_mean_state::text,
                      mean_state_combine(m, m)::text)) AS merged_read_back
FROM (SELECT post_rate_transfn(NULL, likes, comments, shares, followers) AS m,
             er_reach_transfn(NULL, likes, comments, shares, reach) AS r
      FROM closed_posts) p
WHERE m IS NOT NULL AND r IS NOT NULL;

-- values written by version 1.1 (test/data, made by a 1.1 build) are read
-- and give the accessor results 1.1 gave
\getenv abs_srcdir PG_ABS_SRCDIR
\set summaries_tsv :abs_srcdir '/test/data/engagement-1.1-summaries.tsv'
\set summaries_bin :abs_srcdir '/test/data/engagement-1.1-summaries.bin'
\set states_tsv :abs_srcdir '/test/data/engagement-1.1-states.tsv'
\set states_bin :abs_srcdir '/test/data/engagement-1.1-states.bin'
CREATE TABLE v11 (id int, note text, text_form text, er_reach text, er_view text, er_post text,
                  er_day text, love_rate text, talk_rate text, amplification_rate text,
                  engagement_volume text, post_count text);
COPY v11 FROM :'summaries_tsv';
CREATE TABLE v11_binary (id int, s engagement_stats);
COPY v11_binary FROM :'summaries_bin' (FORMAT binary);
CREATE FUNCTION try_text(query text) RETURNS text
    LANGUAGE plpgsql AS $$
DECLARE
    result text;
BEGIN
    EXECUTE query INTO result;
    RETURN coalesce(result, 'NULL');
EXCEPTION WHEN others THEN
    RETURN 'ERROR ' || SQLSTATE;
END $$;
CREATE FUNCTION accessors(form text) RETURNS text[]
    LANGUAGE sql AS $$
    SELECT ARRAY(SELECT try_text(format('SELECT %s(%L::engagement_stats)', f, form))
                 FROM unnest(ARRAY['er_reach', 'er_view', 'er_post', 'er_day', 'love_rate', 'talk_rate',
                                   'amplification_rate', 'engagement_volume', 'post_count']) WITH ORDINALITY a(f, i)
                 ORDER BY i) $$;
SELECT v.id, v.note,
       accessors(v.text_form) = ARRAY[v.er_reach, v.er_view, v.er_post, v.er_day, v.love_rate, v.talk_rate,
                                      v.amplification_rate, v.engagement_volume, v.post_count] AS text_as_1_1,
       accessors(b.s::text) = accessors(v.text_form) AS binary_as_text
FROM v11 v JOIN v11_binary b USING (id)
WHERE v.id < 100 ORDER BY v.id;
SELECT count(*) AS random_summaries,
       bool_and(accessors(v.text_form) = ARRAY[v.er_reach, v.er_view, v.er_post, v.er_day, v.love_rate,
                                               v.talk_rate, v.amplification_rate, v.engagement_volume,
                                               v.post_count]) AS text_as_1_1,
       bool_and(accessors(b.s::text) = accessors(v.text_form)) AS binary_as_text
FROM v11 v JOIN v11_binary b USING (id) WHERE v.id >= 100;
-- a value at the limits of 1.1 (sums of 1e308) is beyond the exact range, and
-- beyond what any aggregate produces: 22P02
SELECT try_text(format('SELECT %L::engagement_stats', text_form)) AS limits FROM v11 WHERE id = 6;
-- the states at the limits of 1.1 (sums of 1e308) are rejected the same way
CREATE TABLE v11_states (id int, r text, m text, i text, ratio text, er_post text, er_day text, idx text);
COPY v11_states FROM :'states_tsv';
SELECT id,
       try_text(format('SELECT ratio_percent_finalfn(%L)', r)) = ratio AS ratio_as_1_1,
       try_text(format('SELECT post_rate_mean_finalfn(%L)', m)) = er_post AS er_post_as_1_1,
       try_text(format('SELECT post_rate_sum_finalfn(%L)', m)) = er_day AS er_day_as_1_1,
       try_text(format('SELECT engagement_index_finalfn(%L)', i)) = idx AS index_as_1_1,
       try_text(format('SELECT %L::engagement_mean_state', m)) AS mean_read,
       try_text(format('SELECT %L::engagement_index_state', i)) AS index_read
FROM v11_states ORDER BY id;
CREATE TABLE v11_states_binary (id int, r engagement_ratio_state, m engagement_mean_state,
                                i engagement_index_state);
COPY v11_states_binary FROM :'states_bin' (FORMAT binary);
SELECT id, b.r::text = s.r::engagement_ratio_state::text AS ratio_binary,
       b.m::text = s.m::engagement_mean_state::text AS mean_binary,
       b.i::text = s.i::engagement_index_state::text AS index_binary
FROM v11_states_binary b JOIN v11_states s USING (id) ORDER BY id;
-- a 1.1 summary converts to the current type with the same results
SELECT count(*) AS converted,
       bool_and(accessors(v.text_form::engagement_stats_1_1::engagement_stats::text)
                = accessors(v.text_form)) AS same_results
FROM v11 v WHERE v.id <> 6;
