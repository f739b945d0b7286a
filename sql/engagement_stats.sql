-- Two-step summaries: engagement_stats, engagement_agg, rollup and the
-- accessors

CREATE TABLE stats_posts (account text, day int, likes int, comments int, shares int,
                          reach bigint, views bigint, followers bigint);
INSERT INTO stats_posts VALUES
    ('a', 1, 40, 8, 2, 1000, 2000, 500),   -- ERR 5 %, ER post 10 %, love 8 %, talk 1.6 %
    ('a', 1, 20, 4, 1, 500, 1000, 500),    -- ERR 5 %, ER post 5 %, love 4 %, talk 0.8 %
    ('a', 2, 10, 0, 0, 0, 0, 0),           -- zero reach, views and followers
    ('a', 2, NULL, 1, 1, 100, 100, 100),   -- no likes: counts for talk and amplification only
    ('a', 3, 5, 5, 5, NULL, 300, 1000);    -- no reach: counts for everything else

-- a summary and what the accessors read from it
SELECT engagement_agg(likes, comments, shares, reach, views, followers) AS summary
FROM stats_posts WHERE account = 'a' AND day < 3;
SELECT er_reach(s) AS err, er_view(s) AS er_view, er_post(s) AS er_post, er_day(s) AS er_day,
       love_rate(s) AS love, talk_rate(s) AS talk, amplification_rate(s) AS amplification,
       engagement_volume(s) AS volume, post_count(s) AS posts
FROM (SELECT engagement_agg(likes, comments, shares, reach, views, followers) AS s
      FROM stats_posts) q;

-- each accessor equals its one-step aggregate over the same rows
SELECT agree(er_reach(s), er_reach_1) AS er_reach, agree(er_view(s), er_view_1) AS er_view,
       agree(er_post(s), er_post_1) AS er_post, agree(er_day(s), er_day_1) AS er_day,
       agree(love_rate(s), love_1) AS love_rate, agree(talk_rate(s), talk_1) AS talk_rate,
       agree(amplification_rate(s), ampl_1) AS amplification_rate,
       agree(engagement_volume(s), volume_1) AS engagement_volume, agree(post_count(s), posts_1) AS post_count
FROM (SELECT engagement_agg(likes, comments, shares, reach, views, followers) AS s,
             er_reach(likes, comments, shares, reach) AS er_reach_1,
             er_view(likes, comments, shares, views) AS er_view_1,
             er_post(likes, comments, shares, followers) AS er_post_1,
             er_day(likes, comments, shares, followers) AS er_day_1,
             avg(love_rate(likes, followers)) AS love_1,
             avg(talk_rate(comments, followers)) AS talk_1,
             amplification_rate(shares) AS ampl_1,
             sum(engagement_volume(likes, comments, shares)) AS volume_1,
             count(*) AS posts_1
      FROM stats_posts) q;

-- empty group: a summary of nothing; every rate NULL, no posts, no volume
SELECT engagement_agg(likes, comments, shares, reach, views, followers) AS empty_summary
FROM stats_posts WHERE false;
SELECT er_reach(s) IS NULL AS err, er_post(s) IS NULL AS er_post, love_rate(s) IS NULL AS love,
       amplification_rate(s) IS NULL AS amplification, engagement_volume(s) IS NULL AS volume,
       post_count(s) AS posts
FROM (SELECT engagement_agg(likes, comments, shares, reach, views, followers) AS s
      FROM stats_posts WHERE false) q;
-- accessors are STRICT
SELECT er_reach(NULL::engagement_stats) IS NULL AS null_summary;
-- negative counts are errors naming the argument, even in a column no metric of the row uses
SELECT engagement_agg(l, c, s, r, v, f) FROM (VALUES (1, 1, 1, 1, -1, 1)) x(l, c, s, r, v, f);
SELECT engagement_agg(l, c, s, r, v, f) FROM (VALUES (NULL::int, 1, 1, 1, 1, -5)) x(l, c, s, r, v, f);
-- overflow: past 2^63 the sums stay exact; only the bigint volume cannot hold them
SELECT er_reach(s) AS err_200, post_count(s) AS posts
FROM (SELECT engagement_agg(9223372036854775807, 0, 9223372036854775807,
                            9223372036854775807, 1, 1) AS s
      FROM generate_series(1, 3)) q;
SELECT engagement_volume(engagement_agg(9223372036854775807, 0, 9223372036854775807, 1, 1, 1))
FROM generate_series(1, 3);

-- rollup: daily summaries re-aggregated give the summary of all posts
CREATE TABLE stats_daily AS
    SELECT account, day, engagement_agg(likes, comments, shares, reach, views, followers) AS s
    FROM stats_posts GROUP BY account, day;
SELECT agree(rollup(s), (SELECT engagement_agg(likes, comments, shares, reach, views, followers)
                         FROM stats_posts)) AS rollup_equals_whole
FROM stats_daily;
SELECT post_count(rollup(s)) AS posts, rollup(s) IS NOT NULL AS not_null FROM stats_daily WHERE false;
SELECT post_count(rollup(s)) AS null_summaries_skipped
FROM (SELECT s FROM stats_daily UNION ALL SELECT NULL) q;

-- the law, as a property: for many random splits of random rows with NULLs
-- and zeros, every accessor of the rollup of the parts equals the accessor
-- over all rows (integer results exactly, rates within 1e-12)
SELECT setseed(0.91);
CREATE TABLE law_posts AS
    SELECT g AS id,
           CASE WHEN random() < 0.05 THEN NULL ELSE floor(exp(random() * 9))::int END AS likes,
           CASE WHEN random() < 0.05 THEN NULL ELSE floor(exp(random() * 5))::int END AS comments,
           CASE WHEN random() < 0.05 THEN NULL ELSE floor(exp(random() * 4))::int END AS shares,
           CASE WHEN random() < 0.05 THEN NULL WHEN random() < 0.05 THEN 0
                ELSE floor(exp(random() * 12))::bigint END AS reach,
           CASE WHEN random() < 0.05 THEN NULL WHEN random() < 0.05 THEN 0
                ELSE floor(exp(random() * 13))::bigint END AS views,
           CASE WHEN random() < 0.05 THEN NULL WHEN random() < 0.05 THEN 0
                ELSE floor(exp(random() * 14))::bigint END AS followers
    FROM generate_series(1, 2000) g;
CREATE TABLE law_splits AS
    SELECT split, parts, p.id, floor(random() * parts)::int AS part
    FROM (SELECT split, 1 + (split * 7) % 40 AS parts FROM generate_series(1, 200) split) s,
         law_posts p;
WITH whole AS (
    SELECT engagement_agg(likes, comments, shares, reach, views, followers) AS s FROM law_posts
), parts AS (
    SELECT split, part, engagement_agg(likes, comments, shares, reach, views, followers) AS s
    FROM law_splits JOIN law_posts USING (id)
    GROUP BY split, part
), rolled AS (
    SELECT split, rollup(s) AS s, count(*) AS parts FROM parts GROUP BY split
)
SELECT count(*) AS splits,
       bool_and(agree(er_reach(r.s), er_reach(w.s))) AS er_reach,
       bool_and(agree(er_view(r.s), er_view(w.s))) AS er_view,
       bool_and(agree(amplification_rate(r.s), amplification_rate(w.s))) AS amplification_rate,
       bool_and(agree(engagement_volume(r.s), engagement_volume(w.s))) AS engagement_volume,
       bool_and(agree(post_count(r.s), post_count(w.s))) AS post_count,
       bool_and(agree(er_post(r.s), er_post(w.s), 1e-12)) AS er_post,
       bool_and(agree(er_day(r.s), er_day(w.s), 1e-12)) AS er_day,
       bool_and(agree(love_rate(r.s), love_rate(w.s), 1e-12)) AS love_rate,
       bool_and(agree(talk_rate(r.s), talk_rate(w.s), 1e-12)) AS talk_rate,
       min(r.parts) AS fewest_parts, max(r.parts) AS most_parts
FROM rolled r, whole w;

-- the text form round-trips exactly; malformed text is 22P02
SELECT bool_and(agree(s::text::engagement_stats, s)) AS text_round_trip, count(*) AS summaries
FROM (SELECT engagement_agg(likes, comments, shares, reach, views, followers) AS s
      FROM law_splits JOIN law_posts USING (id) WHERE split <= 5 GROUP BY split, part) q;
SELECT '(1,1,2,2,3,0,0,1,1,1,66.66666666666667,0,0,0,0,0,0,0)'::engagement_stats AS parsed;
SELECT input, input_sqlstate(input, 'engagement_stats') AS sqlstate
FROM (VALUES ('(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)'),
             ('(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)'),
             ('(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)'),
             ('(-1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)'),
             ('(0,0,0,0,0,0,0,0,0,1,NaN,0,0,0,0,0,0,0)'),
             ('(0,0,0,0,0,0,0,0,0,0,5,0,0,0,0,0,0,0)'),
             ('(9223372036854775808,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)'),
             ('(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0) x'),
             ('garbage'), ('')) v(input);

-- binary send/receive round-trips: COPY BINARY out (by psql) and back in (by the server)
\getenv abs_builddir PG_ABS_BUILDDIR
\set stats_file :abs_builddir '/results/stats_daily.bin'
COPY stats_daily TO STDOUT (FORMAT binary) \g :stats_file
CREATE TABLE stats_reread (LIKE stats_daily);
COPY stats_reread FROM :'stats_file' (FORMAT binary);
SELECT count(*) AS summaries, bool_and(agree(a.s, b.s)) AS binary_round_trip
FROM stats_daily a JOIN stats_reread b USING (account, day);

-- parallel: partial engagement_agg and rollup combine to the serial summary
CREATE TABLE stats_par AS SELECT l.* FROM law_posts l, generate_series(1, 20);
ANALYZE stats_par;
CREATE TABLE stats_serial AS
    SELECT engagement_agg(likes, comments, shares, reach, views, followers) AS s FROM stats_par;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF)
    SELECT engagement_agg(likes, comments, shares, reach, views, followers) FROM stats_par;
CREATE TABLE stats_parallel AS
    SELECT engagement_agg(likes, comments, shares, reach, views, followers) AS s FROM stats_par;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
SELECT post_count(p.s) AS posts,
       agree(er_reach(p.s), er_reach(s.s)) AND agree(er_view(p.s), er_view(s.s))
       AND agree(engagement_volume(p.s), engagement_volume(s.s)) AS exact_parts_equal,
       agree(er_post(p.s), er_post(s.s), 1e-12) AND agree(love_rate(p.s), love_rate(s.s), 1e-12)
       AND agree(talk_rate(p.s), talk_rate(s.s), 1e-12) AS rates_equal
FROM stats_parallel p, stats_serial s;
