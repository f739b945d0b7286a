-- Intervals: percent_range, wilson_interval, er_reach_interval,
-- er_view_interval, q12_interval, and the interval accessors of summaries

-- percent_range is a range over double precision, closed at both ends
SELECT '[1.5,2.5]'::percent_range @> 2.0::float8 AS contains, lower('[1.5,2.5]'::percent_range),
       upper(wilson_interval(5, 10)) > 50 AS upper_above_half;

-- Wilson: Newcombe's examples (Statistics in Medicine 1998): 81/263 gives
-- 25.53 .. 36.62 %, 0/10 gives 0 .. 27.75 %, 1/29 gives 0.61 .. 17.18 %
SELECT s, n, round(lower(wilson_interval(s, n))::numeric, 2) AS lower,
       round(upper(wilson_interval(s, n))::numeric, 2) AS upper
FROM (VALUES (81, 263), (0, 10), (1, 29), (10, 10)) v(s, n);
-- against the textbook formula, to 1e-12: p = s/n; centre (p + z²/2n) / (1 + z²/n);
-- half-width z / (1 + z²/n) * sqrt(p(1-p)/n + z²/4n²)
SELECT s, n, c,
       agree(lower(w), 100 * (centre - half), 1e-12) AS lower_agrees,
       agree(upper(w), 100 * (centre + half), 1e-12) AS upper_agrees
FROM (SELECT s, n, c, wilson_interval(s, n, c) AS w,
             (s::float8 / n + z * z / (2 * n::float8)) / (1 + z * z / n) AS centre,
             z / (1 + z * z / n) * sqrt(s::float8 / n * (1 - s::float8 / n) / n + z * z / (4 * n::float8 * n)) AS half
      FROM (VALUES (81, 263, 0.95, 1.959963984540054), (81, 263, 0.9, 1.6448536269514722),
                   (5, 7, 0.99, 2.5758293035489004), (500000, 1000000, 0.95, 1.959963984540054),
                   (3, 1099511627776, 0.95, 1.959963984540054)) v(s, n, c, z)) t;
-- the normal quantile: at p = 1/2 the interval is 50 ± 50 z / (sqrt(n) sqrt(1 + z²/n))
SELECT c, agree((upper(w) - 50) / 50 * 1e6 * sqrt(1 + z * z / 1e12), z, 1e-9) AS z_ok
FROM (VALUES (0.5, 0.6744897501960817), (0.95, 1.959963984540054), (0.999999, 4.891638475698845)) v(c, z),
     LATERAL (SELECT wilson_interval(500000000000, 1000000000000, c) AS w) x;
-- edge cases: no trials NULL; bad arguments 22023
SELECT wilson_interval(0, 0) IS NULL AS no_trials;
SELECT wilson_interval(11, 10);
SELECT wilson_interval(-1, 10);
SELECT wilson_interval(1, 10, 1);
SELECT wilson_interval(1, 10, 0);
SELECT wilson_interval(1, 10, 'NaN');

-- ER by reach: three posts (e, reach) = (10, 100), (20, 100), (30, 200):
-- R = 60/400 = 0.15, residuals -5, 5, 0, s² = 50/2 = 25, r̄ = 400/3,
-- half-width 100 * z * sqrt(25/3) / (400/3)
CREATE TABLE iv_three_posts (likes int, comments int, shares int, reach bigint, views bigint);
INSERT INTO iv_three_posts VALUES (8, 1, 1, 100, 150), (15, 4, 1, 100, 150), (20, 5, 5, 200, 300);
SELECT er_reach(likes, comments, shares, reach) AS err,
       agree(lower(er_reach_interval(likes, comments, shares, reach)),
             15 - 100 * 1.959963984540054 * sqrt(25.0 / 3) / (400.0 / 3), 1e-12) AS lower_95,
       agree(upper(er_reach_interval(likes, comments, shares, reach)),
             15 + 100 * 1.959963984540054 * sqrt(25.0 / 3) / (400.0 / 3), 1e-12) AS upper_95,
       agree(upper(er_reach_interval(likes, comments, shares, reach, 0.9)),
             15 + 100 * 1.6448536269514722 * sqrt(25.0 / 3) / (400.0 / 3), 1e-12) AS upper_90,
       er_reach_interval(likes, comments, shares, reach) @> er_reach(likes, comments, shares, reach)
           AS contains_err,
       agree(upper(er_view_interval(likes, comments, shares, views)),
             10 + 100 * 1.959963984540054 * sqrt(25.0 / 3) / (600.0 / 3), 1e-12) AS view_upper
FROM iv_three_posts;
-- the centre is er_reach exactly; a zero-reach post counts, as in er_reach
SELECT agree((lower(i) + upper(i)) / 2, err, 1e-15) AS centred
FROM (SELECT er_reach_interval(likes, comments, shares, reach) AS i, er_reach(likes, comments, shares, reach) AS err
      FROM iv_three_posts) x;
SELECT er_reach_interval(l, 0, 0, r) AS with_zero_reach_post
FROM (VALUES (10, 100), (20, 100), (30, 200), (4, 0)) v(l, r);
-- fewer than 2 posts, no reach: NULL; the lower bound of a rate stops at 0
SELECT er_reach_interval(l, 0, 0, r) IS NULL AS one_post FROM (VALUES (10, 100)) v(l, r);
SELECT er_reach_interval(l, 0, 0, r) IS NULL AS no_reach FROM (VALUES (10, 0), (3, 0)) v(l, r);
SELECT er_reach_interval(l, 0, 0, r) IS NULL AS no_rows FROM (VALUES (10, 100)) v(l, r) WHERE false;
SELECT lower(er_reach_interval(l, 0, 0, r)) AS clamped_at_0, upper(er_reach_interval(l, 0, 0, r)) > 0 AS upper
FROM (VALUES (0, 100), (0, 100), (0, 100), (90, 100)) v(l, r);
SELECT er_reach_interval(l, 0, 0, r) AS every_post_the_same_rate
FROM (VALUES (5, 100), (10, 200), (1, 20)) v(l, r);
-- NULL arguments skip the row; bad arguments: 22023; sums past 2^120: 22003
SELECT er_reach_interval(l, 0, 0, r, c) AS nulls_skipped
FROM (VALUES (10, 100, 0.95), (NULL, 100, 0.95), (20, 100, NULL), (30, 200, 0.95), (20, 100, 0.95)) v(l, r, c);
SELECT er_reach_interval(l, 0, 0, r, c) FROM (VALUES (10, 100, 0.95), (20, 100, 0.9)) v(l, r, c);
SELECT er_reach_interval(l, 0, 0, r, c) FROM (VALUES (10, 100, 1.5)) v(l, r, c);
SELECT er_reach_interval(l, 0, 0, r) FROM (VALUES (10, -100)) v(l, r);
SELECT er_view_interval(l, -1, 0, r) FROM (VALUES (10, 100)) v(l, r);
SELECT er_reach_interval(l, 0, 0, r) FROM (VALUES (4611686018427387904, 1), (1, 1)) v(l, r);

-- Q12 index: four respondents (yes of answered) 10 of 12, 8 of 12, 9 of
-- 12, 7 of 11, and one who answered nothing (skipped)
CREATE TABLE iv_respondents (answers boolean[]);
INSERT INTO iv_respondents VALUES ('{t,t,t,t,t,t,t,t,t,t,f,f}'), ('{t,t,t,t,t,t,t,t,f,f,f,f}'),
    ('{t,t,t,t,t,t,t,t,t,f,f,f}'), ('{t,t,t,t,t,t,t,f,f,f,f,NULL}'),
    (array_fill(NULL::boolean, ARRAY[12]));
-- R = 34/47; Σ(e - R·r)² = (10 - 12R)² + (8 - 12R)² + (9 - 12R)² + (7 - 11R)²;
-- n = 4; r̄ = 47/4
CREATE VIEW iv_q12_hand AS
SELECT 100 * 34.0 / 47 AS centre,
       100 * 1.959963984540054 * sqrt(((10 - 12 * 34.0 / 47) ^ 2 + (8 - 12 * 34.0 / 47) ^ 2
                                       + (9 - 12 * 34.0 / 47) ^ 2 + (7 - 11 * 34.0 / 47) ^ 2) / 3 / 4)
           / (47.0 / 4) AS half;
SELECT round(centre, 6) AS centre_72_34, round(half, 6) AS half FROM iv_q12_hand;
SELECT agree(lower(q12_interval(answers)), (SELECT centre - half FROM iv_q12_hand), 1e-12) AS lower_95,
       agree(upper(q12_interval(answers)), (SELECT centre + half FROM iv_q12_hand), 1e-12) AS upper_95,
       q12_interval(answers) @> q12_index(answers) AS contains_index
FROM iv_respondents;
-- the finite-population correction: a headcount of 5 multiplies the
-- half-width by sqrt(1 - 4/5); everyone answered (headcount 4): zero width
SELECT agree(upper(q12_interval(answers, 5)) - lower(q12_interval(answers, 5)),
             (SELECT 2 * half * sqrt(0.2) FROM iv_q12_hand), 1e-12) AS headcount_5,
       lower(q12_interval(answers, 4)) = upper(q12_interval(answers, 4)) AS everyone_zero_width,
       agree(lower(q12_interval(answers, 4)), 100 * 34.0 / 47, 1e-15) AS at_the_index,
       agree(upper(q12_interval(answers, 400::bigint)), upper(q12_interval(answers, 400)), 0) AS integer_headcount,
       agree(upper(q12_interval(answers, 400, 0.9)), upper(q12_interval(answers, 400::bigint, 0.9::float8)), 0)
           AS headcount_and_confidence,
       q12_interval(answers, 0.9) @> q12_index(answers) AS confidence_as_fraction
FROM iv_respondents;
-- proportions stay within 0 .. 100
SELECT lower(q12_interval(a)) >= 0 AS lower_in, upper(q12_interval(a)) = 100 AS upper_clamped
FROM (VALUES (array_fill(true, ARRAY[12])), (array_fill(true, ARRAY[12])),
             ('{t,t,t,t,t,t,t,t,t,t,t,f}'::boolean[])) v(a);
-- headcount below the respondents, or not the same on every row: 22023
SELECT q12_interval(answers, 3) FROM iv_respondents;
SELECT q12_interval(answers, h) FROM iv_respondents, (VALUES (10), (11)) v(h);
SELECT q12_interval(answers, 0) FROM iv_respondents;
SELECT q12_interval(answers) FROM (VALUES ('{t}'::boolean[])) v(answers);

-- realistic data: 20 000 posts with counts up to 2^40; the bounds agree
-- within 1e-9 with the formula computed in numeric from the residuals
SELECT setseed(0.3);
CREATE TABLE iv_posts AS
SELECT g AS id, g % 4 AS account, floor(exp(random() * 27))::bigint AS e,
       floor(exp(random() * 27.7))::bigint + 1 AS r
FROM generate_series(1, 20000) g;
CREATE TABLE iv_formula AS
SELECT account, 100 * (rr - 1.959963984540054 * sqrt(s2 / n) / (sr / n)) AS lo,
       100 * (rr + 1.959963984540054 * sqrt(s2 / n) / (sr / n)) AS hi
FROM (SELECT b.account, sum((b.e - x.rr * b.r) ^ 2) / (x.n - 1) AS s2, x.rr, x.n, x.sr
      FROM iv_posts b
      JOIN (SELECT account, sum(e)::numeric / sum(r) AS rr, count(*) AS n, sum(r) AS sr
            FROM iv_posts GROUP BY account) x USING (account)
      GROUP BY b.account, x.rr, x.n, x.sr) t;
SELECT count(*) AS accounts,
       count(*) FILTER (WHERE agree(lower(i), f.lo::float8, 1e-9) AND agree(upper(i), f.hi::float8, 1e-9)) AS agree_1e_9
FROM (SELECT account, er_reach_interval(e, 0, 0, r) AS i FROM iv_posts GROUP BY account) a
JOIN iv_formula f USING (account);

-- parallel equals serial; rollup of iv_summaries equals the aggregate
CREATE TABLE interval_serial AS
SELECT account, er_reach_interval(e, 0, 0, r) AS i, er_view_interval(e, 0, 0, r + 5, 0.8) AS v
FROM iv_posts GROUP BY ROLLUP (account);
SELECT parallel_plans(true);
EXPLAIN (COSTS OFF) SELECT er_reach_interval(e, 0, 0, r) FROM iv_posts;
CREATE TABLE interval_parallel AS
SELECT account, er_reach_interval(e, 0, 0, r) AS i, er_view_interval(e, 0, 0, r + 5, 0.8) AS v
FROM iv_posts GROUP BY ROLLUP (account);
SELECT parallel_plans(false);
SELECT count(*) AS groups,
       count(*) FILTER (WHERE agree(lower(s.i), lower(p.i), 1e-12) AND agree(upper(s.i), upper(p.i), 1e-12)
                          AND agree(lower(s.v), lower(p.v), 1e-12) AND agree(upper(s.v), upper(p.v), 1e-12)) AS equal
FROM interval_serial s JOIN interval_parallel p ON s.account IS NOT DISTINCT FROM p.account;
CREATE TABLE iv_summaries AS
SELECT account, id % 10 AS part, engagement_agg(e, 0, 0, r, r + 5, 1000) AS s
FROM iv_posts GROUP BY account, part;
SELECT count(*) AS accounts,
       count(*) FILTER (WHERE lower(er_reach_interval(x.s)) = lower(a.i) AND upper(er_reach_interval(x.s)) = upper(a.i)
                          AND agree(upper(er_view_interval(x.s, 0.8)), upper(a.v), 1e-15)) AS rollup_equal
FROM (SELECT account, rollup(s) AS s FROM iv_summaries GROUP BY account) x
JOIN interval_serial a USING (account);
-- a summary without interval sums: a 1.1 value converted, or a 1.2 value
-- written before they were kept (21 numbers): the accessors give NULL
SELECT er_reach_interval('(3,3,60,60,400,0,0,0,0,0,0,0,0,0,0,0,0,0)'::engagement_stats_1_1::engagement_stats) IS NULL
           AS from_1_1,
       er_reach_interval('v2(3,3,60,60,400,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)'::engagement_stats) IS NULL AS earlier_1_2,
       er_reach('v2(3,3,60,60,400,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)'::engagement_stats) AS its_err,
       er_reach_interval(rollup(s)) IS NULL AS rollup_with_one
FROM (VALUES ('v2(3,3,60,60,400,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)'::engagement_stats),
             ((SELECT engagement_agg(likes, comments, shares, reach, views, 1) FROM iv_three_posts))) v(s);
-- the summary of the three posts, with its interval sums, reads back
SELECT engagement_agg(likes, comments, shares, reach, views, 1000) AS three_posts_summary FROM iv_three_posts;
SELECT s::text::engagement_stats = s AS round_trip,
       er_reach_interval(s) = (SELECT er_reach_interval(likes, comments, shares, reach) FROM iv_three_posts) AS same
FROM (SELECT engagement_agg(likes, comments, shares, reach, views, 1000) AS s FROM iv_three_posts) x;

-- the interval state: text form and its invariant (22P02); three units
-- e = 10, 20, 30 and r = 100, 100, 200
SELECT s AS state, input_sqlstate(s, 'engagement_interval_state') AS sqlstate FROM (VALUES
    ('v2(0,0,0,0,0,0,0,0)'), ('v2(3,0,0.95,60,400,1400,60000,9000)'),
    ('v2(0,0,0.95,0,0,0,0,0)'),             -- a confidence without units
    ('v2(3,0,1,60,400,1400,60000,9000)'),   -- confidence 1
    ('v2(3,2,0.95,60,400,1400,60000,9000)'),-- headcount below the units
    ('v2(3,0,0.95,60,400,59,60000,8000)'),  -- Σe² below Σe
    ('v2(3,0,0.95,60,400,1400,60000,90000)'), -- 2Σer above Σe² + Σr²
    ('v2(3,0,0.95,60,400,1400,60000,9200)'), -- (Σer)² above Σe²·Σr² (Cauchy-Schwarz)
    ('v2(3,0,0.95,60,400,1100,60000,8000)'), -- (Σe)² above n·Σe²
    ('v2(3,0,NaN,60,400,1400,60000,9000)'), ('v2(1,0,0.95,1,1,1,1)'), ('(1,0,0.95,1,1,1,1,1)')
) v(s);
SELECT engagement_interval_state_send('v2(3,0,0.95,60,400,1400,60000,9000)') AS binary_form;
SELECT interval_state_combine('v2(3,0,0.95,60,400,1400,60000,9000)', 'v2(1,0,0.9,1,1,1,1,1)');
