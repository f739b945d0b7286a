-- Insights: proportion_diff_interval, er_reach_diff_interval,
-- er_view_diff_interval, er_reach_shrunk, er_reach_zscore

-- proportion_diff_interval: Newcombe's worked examples of the unpaired
-- difference (Statistics in Medicine 17, 873-890, 1998, table II, method
-- 10), to his four decimals: (a) 56/70 - 48/80 gives 0.0524 .. 0.3339,
-- (b) 9/10 - 3/10 0.1705 .. 0.8090, (c) 6/7 - 2/7 0.0582 .. 0.8062,
-- (d) 5/56 - 0/29 -0.0381 .. 0.1926, (e) 0/10 - 0/20 -0.1611 .. 0.2775,
-- (f) 0/10 - 0/10 -0.2775 .. 0.2775, (g) 10/10 - 0/20 0.6791 .. 1,
-- (h) 10/10 - 0/10 0.6075 .. 1 (as fractions; the function gives
-- percentage points)
SELECT example, round(lower(d)::numeric / 100, 4) AS lower, round(upper(d)::numeric / 100, 4) AS upper
FROM (VALUES ('a', 56, 70, 48, 80), ('b', 9, 10, 3, 10), ('c', 6, 7, 2, 7), ('d', 5, 56, 0, 29),
             ('e', 0, 10, 0, 20), ('f', 0, 10, 0, 10), ('g', 10, 10, 0, 20), ('h', 10, 10, 0, 10))
         v(example, s1, n1, s2, n2),
     LATERAL (SELECT proportion_diff_interval(s1, n1, s2, n2) AS d) x;
-- by hand for (a): p1 = 0.8, p2 = 0.6; Wilson 95 % of 56/70 is
-- 0.6920 .. 0.8760 and of 48/80 0.4905 .. 0.7002; lower = 0.2 -
-- sqrt(0.1080² + 0.1002²), upper = 0.2 + sqrt(0.0760² + 0.1095²); against
-- the formula written out in SQL, to 1e-12, also at 90 % and 99 %
SELECT s1, n1, s2, n2, c,
       agree(lower(d), 100 * (p1 - p2 - sqrt((p1 - lower(w1) / 100) ^ 2 + (upper(w2) / 100 - p2) ^ 2)), 1e-12) AS lower_agrees,
       agree(upper(d), 100 * (p1 - p2 + sqrt((upper(w1) / 100 - p1) ^ 2 + (p2 - lower(w2) / 100) ^ 2)), 1e-12) AS upper_agrees
FROM (VALUES (56, 70, 48, 80, 0.95), (56, 70, 48, 80, 0.9), (3, 40, 17, 50, 0.99),
             (123456789, 987654321, 123456, 987654, 0.95)) v(s1, n1, s2, n2, c),
     LATERAL (SELECT proportion_diff_interval(s1, n1, s2, n2, c) AS d,
                     wilson_interval(s1, n1, c) AS w1, wilson_interval(s2, n2, c) AS w2,
                     s1::float8 / n1 AS p1, s2::float8 / n2 AS p2) x;
-- named arguments; the same proportions give an interval around 0
SELECT proportion_diff_interval(successes1 => 56, trials1 => 70, successes2 => 48, trials2 => 80,
                                confidence => 0.9) @> 20::float8 AS contains_20,
       lower(proportion_diff_interval(30, 60, 30, 60)) = -upper(proportion_diff_interval(30, 60, 30, 60))
           AS symmetric_at_0;
-- edge cases: a trials of 0 gives NULL; NULL gives NULL; bounds stay
-- within -100 .. 100; bad arguments 22023 in argument order
SELECT proportion_diff_interval(0, 0, 1, 2) IS NULL AS no_trials1,
       proportion_diff_interval(1, 2, 0, 0) IS NULL AS no_trials2,
       proportion_diff_interval(1, 2, NULL, 2) IS NULL AS null_arg,
       proportion_diff_interval(10, 10, 0, 10, 0.999999) AS near_100,
       proportion_diff_interval(0, 10, 10, 10, 0.999999) AS near_minus_100;
SELECT proportion_diff_interval(-1, 10, -1, 10);
SELECT proportion_diff_interval(1, -10, 1, 10);
SELECT proportion_diff_interval(1, 10, 1, -10);
SELECT proportion_diff_interval(11, 10, 12, 10);
SELECT proportion_diff_interval(1, 10, 12, 10);
SELECT proportion_diff_interval(1, 10, 1, 10, 1);
SELECT proportion_diff_interval(1, 10, 1, 10, 'NaN');

-- er_reach_diff_interval: this period's three posts (e, reach) = (10, 100),
-- (20, 100), (30, 200): R = 0.15, residuals -5, 5, 0, s² = 25, n = 3,
-- r̄ = 400/3, V = s² / (n r̄²) = 0.00046875; the last period's two posts
-- (5, 100), (15, 100): R = 0.1, residuals -5, 5, s² = 50, n = 2, r̄ = 100,
-- V = 0.0025.  The change: 5 ± 100 · 1.959964 · sqrt(0.00296875)
-- = 5 ± 10.6791 percentage points.  Views are 1.5 times reach now, equal
-- to reach before: ER view 10 and 10, V = 0.00046875 / 2.25 and 0.0025.
CREATE TABLE ins_posts (period text, likes int, comments int, shares int, reach int, views int);
INSERT INTO ins_posts VALUES ('now', 8, 1, 1, 100, 150), ('now', 15, 4, 1, 100, 150), ('now', 20, 5, 5, 200, 300),
    ('before', 5, 0, 0, 100, 100), ('before', 15, 0, 0, 100, 100);
CREATE TABLE ins_periods AS
SELECT period, engagement_agg(likes, comments, shares, reach, views, 1000) AS s FROM ins_posts GROUP BY period;
SELECT agree(lower(d), 5 - 100 * 1.959963984540054 * sqrt(0.00296875), 1e-12) AS lower_95,
       agree(upper(d), 5 + 100 * 1.959963984540054 * sqrt(0.00296875), 1e-12) AS upper_95,
       agree(upper(er_reach_diff_interval(n.s, b.s, 0.9)), 5 + 100 * 1.6448536269514722 * sqrt(0.00296875), 1e-12)
           AS upper_90,
       agree(upper(er_reach_diff_interval(before => n.s, now => b.s)), -5 + 100 * 1.959963984540054 * sqrt(0.00296875), 1e-12)
           AS named_reversed,
       agree(upper(er_view_diff_interval(n.s, b.s)), 0 + 100 * 1.959963984540054 * sqrt(0.00046875 / 2.25 + 0.0025), 1e-12)
           AS view_upper,
       agree((lower(d) + upper(d)) / 2, er_reach(n.s) - er_reach(b.s), 1e-12) AS centred
FROM ins_periods n, ins_periods b, LATERAL (SELECT er_reach_diff_interval(n.s, b.s) AS d) x
WHERE n.period = 'now' AND b.period = 'before';
-- against the two one-period intervals: each half-width is z · sqrt(V),
-- so the difference's half-width is the root of the sum of their squares
SELECT agree((upper(d) - lower(d)) / 2, sqrt(((upper(i1) - lower(i1)) / 2) ^ 2 + ((upper(i2) - lower(i2)) / 2) ^ 2), 1e-12)
           AS pythagoras
FROM ins_periods n, ins_periods b,
     LATERAL (SELECT er_reach_diff_interval(n.s, b.s) AS d, er_reach_interval(n.s) AS i1, er_reach_interval(b.s) AS i2) x
WHERE n.period = 'now' AND b.period = 'before';
-- NULL: a summary of one post, with no reach, or without interval sums
-- (a 1.1 value); NULL arguments; a bad confidence 22023
SELECT er_reach_diff_interval(s, (SELECT engagement_agg(1, 0, 0, 100, 100, 1))) IS NULL AS one_post,
       er_reach_diff_interval(s, (SELECT engagement_agg(l, 0, 0, 0, 0, 1) FROM (VALUES (1), (2)) v(l))) IS NULL AS no_reach,
       er_view_diff_interval(s, (SELECT engagement_agg(l, 0, 0, 100, 0, 1) FROM (VALUES (1), (2)) v(l))) IS NULL AS no_views,
       er_reach_diff_interval(s, '(3,3,60,60,400,0,0,0,0,0,0,0,0,0,0,0,0,0)'::engagement_stats_1_1::engagement_stats) IS NULL
           AS from_1_1,
       er_reach_diff_interval(s, NULL) IS NULL AS null_before,
       er_reach_diff_interval(s, s, NULL) IS NULL AS null_confidence,
       er_reach_diff_interval(s, s) AS same_period
FROM ins_periods WHERE period = 'now';
SELECT er_reach_diff_interval(s, s, 0) FROM ins_periods WHERE period = 'now';
SELECT er_view_diff_interval(s, s, 'Infinity') FROM ins_periods WHERE period = 'now';

-- er_reach_shrunk: a cell of one post (e = 2, reach 10) against the three
-- posts of this period (Σe = 60, Σreach = 400, n = 3, R = 0.15, mean reach
-- 400/3): 100 · (2 + 400/3 · 0.15) / (10 + 400/3) = 100 · 66 / 430
-- = 15.3488...; with prior_reach 200: 100 · (2 + 30) / 210 = 15.2380...;
-- prior_reach 0 is the cell alone (20); an empty cell gives R (15)
SELECT agree(er_reach_shrunk(c, s), 6600.0 / 430, 1e-15) AS default_prior,
       er_reach_shrunk(c, s) = 6600.0 / 430 AS exact,
       agree(er_reach_shrunk(c, s, 200), 3200.0 / 210, 1e-15) AS prior_200,
       agree(er_reach_shrunk(cell => c, overall => s, prior_reach => 200), 3200.0 / 210, 1e-15) AS named,
       er_reach_shrunk(c, s, NULL) = er_reach_shrunk(c, s) AS null_prior_is_default,
       er_reach_shrunk(c, s, 0) AS prior_0,
       er_reach_shrunk(e, s) AS empty_cell,
       er_reach_shrunk(e, s, 0) IS NULL AS empty_cell_prior_0,
       er_reach_shrunk(c, s, 1e300) AS huge_prior
FROM ins_periods,
     (SELECT engagement_agg(2, 0, 0, 10, NULL::int, NULL::int) AS c) c,
     (SELECT engagement_agg(1, 0, 0, 1, 1, 1) FILTER (WHERE false) AS e) e
WHERE period = 'now';
-- a cell of few posts moves less than a cell of many: 3 of 3 posts at 50 %
-- against 300 such posts, both shrunk towards an overall 15 %
SELECT er_reach_shrunk(few, s) < er_reach_shrunk(many, s) AS few_shrunk_more,
       er_reach_shrunk(many, s) < 50 AND er_reach_shrunk(few, s) > 15 AS in_between
FROM ins_periods,
     (SELECT engagement_agg(50, 0, 0, 100, 100, 1) AS few FROM generate_series(1, 3)) f,
     (SELECT engagement_agg(50, 0, 0, 100, 100, 1) AS many FROM generate_series(1, 300)) m
WHERE period = 'now';
-- NULL: a NULL cell or overall, an overall without reach, or (with no
-- prior) without interval sums, which a 1.1 summary lacks; a bad
-- prior_reach 22023
SELECT er_reach_shrunk(NULL, s) IS NULL AS null_cell, er_reach_shrunk(s, NULL, 5) IS NULL AS null_overall,
       er_reach_shrunk(s, (SELECT engagement_agg(3, 0, 0, 0, 0, 0))) IS NULL AS no_reach,
       er_reach_shrunk(s, '(3,3,60,60,400,0,0,0,0,0,0,0,0,0,0,0,0,0)'::engagement_stats_1_1::engagement_stats) IS NULL
           AS from_1_1,
       er_reach_shrunk(s, '(3,3,60,60,400,0,0,0,0,0,0,0,0,0,0,0,0,0)'::engagement_stats_1_1::engagement_stats, 400) AS from_1_1_prior
FROM ins_periods WHERE period = 'now';
SELECT er_reach_shrunk(s, s, -1) FROM ins_periods WHERE period = 'now';
SELECT er_reach_shrunk(s, s, 'NaN') FROM ins_periods WHERE period = 'now';
SELECT er_reach_shrunk(s, s, '-Infinity') FROM ins_periods WHERE period = 'now';
-- a summary with a post past 2^60 keeps no interval sums, so it knows no
-- mean reach of a post: NULL without a prior, the formula with one
SELECT er_reach_shrunk(s, s) IS NULL AS no_mean_reach, er_reach_shrunk(s, s, 1e18) AS with_prior
FROM (SELECT engagement_agg(4611686018427387903, 0, 0, 4611686018427387903, 0, 0) AS s
      FROM generate_series(1, 4)) x;

-- er_reach_zscore against the baseline of this period's three posts
-- (R = 0.15, s = 5, r̄ = 400/3): a post of 40 engagements on reach 100
-- stands (40 - 15) / (5 · sqrt(100 / (400/3))) = 10 / sqrt(3) = 5.7735
-- above; 15 on 100 is exactly R (0); 3 on 200 is (3 - 30) / (5 · sqrt(1.5))
SELECT agree(er_reach_zscore(40, 0, 0, 100, s), 10 / sqrt(3), 1e-15) AS breakout,
       er_reach_zscore(10, 3, 2, 100, s) AS on_the_ratio,
       agree(er_reach_zscore(likes => 1, comments => 1, shares => 1, reach => 200, baseline => s), -27 / (5 * sqrt(1.5)), 1e-15)
           AS below_named
FROM ins_periods WHERE period = 'now';
-- the nine widths of the counts and reach give the bigint result
SELECT count(DISTINCT z) AS results, count(*) AS widths, min(z) = 10 / sqrt(3) AS value FROM (
    SELECT er_reach_zscore(40::smallint, 0::smallint, 0::smallint, 100::smallint, s) FROM ins_periods WHERE period = 'now'
    UNION ALL SELECT er_reach_zscore(40::int, 0::int, 0::int, 100::int, s) FROM ins_periods WHERE period = 'now'
    UNION ALL SELECT er_reach_zscore(40::bigint, 0::bigint, 0::bigint, 100::bigint, s) FROM ins_periods WHERE period = 'now'
    UNION ALL SELECT er_reach_zscore(40::smallint, 0::smallint, 0::smallint, 100::int, s) FROM ins_periods WHERE period = 'now'
    UNION ALL SELECT er_reach_zscore(40::smallint, 0::smallint, 0::smallint, 100::bigint, s) FROM ins_periods WHERE period = 'now'
    UNION ALL SELECT er_reach_zscore(40::int, 0::int, 0::int, 100::smallint, s) FROM ins_periods WHERE period = 'now'
    UNION ALL SELECT er_reach_zscore(40::int, 0::int, 0::int, 100::bigint, s) FROM ins_periods WHERE period = 'now'
    UNION ALL SELECT er_reach_zscore(40::bigint, 0::bigint, 0::bigint, 100::smallint, s) FROM ins_periods WHERE period = 'now'
    UNION ALL SELECT er_reach_zscore(40::bigint, 0::bigint, 0::bigint, 100::int, s) FROM ins_periods WHERE period = 'now'
) x(z);
-- NULL: reach 0, a baseline of one post, one whose posts share one rate
-- (s = 0), one without interval sums, a NULL argument; negative counts
-- 22023 in argument order; counts near 2^63 stay finite
SELECT er_reach_zscore(5, 0, 0, 0, s) IS NULL AS no_reach,
       er_reach_zscore(5, 0, 0, 100, (SELECT engagement_agg(1, 0, 0, 100, 100, 1))) IS NULL AS one_post,
       er_reach_zscore(5, 0, 0, 100, (SELECT engagement_agg(l, 0, 0, 10 * l, 0, 1) FROM (VALUES (1), (2)) v(l))) IS NULL
           AS no_spread,
       er_reach_zscore(5, 0, 0, 100, '(3,3,60,60,400,0,0,0,0,0,0,0,0,0,0,0,0,0)'::engagement_stats_1_1::engagement_stats) IS NULL
           AS from_1_1,
       er_reach_zscore(5, NULL, 0, 100, s) IS NULL AS null_count,
       er_reach_zscore(5, 0, 0, 100, NULL) IS NULL AS null_baseline,
       er_reach_zscore(9223372036854775807, 9223372036854775807, 9223372036854775807, 1, s) > 1e18 AS huge
FROM ins_periods WHERE period = 'now';
SELECT er_reach_zscore(-1, -1, 0, 100, s) FROM ins_periods WHERE period = 'now';
SELECT er_reach_zscore(1, 0, -1::smallint, 100, s) FROM ins_periods WHERE period = 'now';
SELECT er_reach_zscore(1, 0, 0, -100, s) FROM ins_periods WHERE period = 'now';
-- a breakout post against the moving baseline of the 30 posts before it:
-- the baseline summary over the frame equals the one built from those
-- rows alone, so the z-score does too
CREATE TABLE ins_feed AS
SELECT i AS id, (i * 7919) % 50 AS likes, i % 3 AS comments, 0 AS shares, 1000 + (i * 104729) % 500 AS reach
FROM generate_series(1, 200) i;
UPDATE ins_feed SET likes = 400 WHERE id = 150;
SELECT count(*) FILTER (WHERE z >= 3) AS breakouts, min(id) FILTER (WHERE z >= 3) AS breakout_id,
       bool_and(z IS NOT DISTINCT FROM z_alone) AS frame_equals_alone
FROM (SELECT id, er_reach_zscore(likes, comments, shares, reach, base) AS z,
             er_reach_zscore(likes, comments, shares, reach,
                             (SELECT engagement_agg(b.likes, b.comments, b.shares, b.reach, 0, 0) FROM ins_feed b
                              WHERE b.id BETWEEN f.id - 30 AND f.id - 1)) AS z_alone
      FROM (SELECT *, engagement_agg(likes, comments, shares, reach, 0, 0)
                          OVER (ORDER BY id ROWS BETWEEN 30 PRECEDING AND 1 PRECEDING) AS base
            FROM ins_feed) f) x;

-- Survey intervals over respondents as units.  A department of four, each
-- answering the twelve statements: A all 4, B all 3, C all 5, D all 4.
-- q12_mean_interval: e = 48, 36, 60, 48, r = 12 each; R = 192/48 = 4,
-- residuals 0, -12, 12, 0, s² = 288/3 = 96, r̄ = 12: 4 ± z · sqrt(96/4) / 12
-- = 4 ± 0.8002; with headcount 8 the half-width times sqrt(1 - 4/8)
CREATE TABLE ins_survey (respondent text, scores int[], scores2 smallint[], nps int, nps2 smallint, headcount bigint);
INSERT INTO ins_survey VALUES
    ('A', array_fill(4, ARRAY[12]), array_fill(4, ARRAY[12]), 10, 10, 8),
    ('B', array_fill(3, ARRAY[12]), array_fill(3, ARRAY[12]), 9, 9, 8),
    ('C', array_fill(5, ARRAY[12]), array_fill(5, ARRAY[12]), 8, 8, 8),
    ('D', array_fill(4, ARRAY[12]), array_fill(4, ARRAY[12]), 3, 3, 8);
SELECT q12_mean(scores) AS mean,
       agree(lower(q12_mean_interval(scores)), 4 - 1.959963984540054 * sqrt(24.0) / 12, 1e-12) AS lower_95,
       agree(upper(q12_mean_interval(scores)), 4 + 1.959963984540054 * sqrt(24.0) / 12, 1e-12) AS upper_95,
       agree(upper(q12_mean_interval(scores, 0.9)), 4 + 1.6448536269514722 * sqrt(24.0) / 12, 1e-12) AS upper_90,
       agree(upper(q12_mean_interval(scores, headcount)), 4 + 1.959963984540054 * sqrt(24.0) / 12 * sqrt(0.5), 1e-12)
           AS upper_headcount,
       agree(upper(q12_mean_interval(scores, 8, 0.9)), 4 + 1.6448536269514722 * sqrt(24.0) / 12 * sqrt(0.5), 1e-12)
           AS upper_int_headcount_90,
       q12_mean_interval(scores, 4) AS everyone_answered,
       q12_mean_interval(scores2) = q12_mean_interval(scores) AS smallint_same
FROM ins_survey;
-- percent_favourable_interval: favourable answers 12, 0, 12, 12 of 12 each:
-- R = 36/48 = 0.75, residuals 3, -9, 3, 3, s² = 108/3 = 36, r̄ = 12:
-- 75 ± 100 · z · sqrt(36/4) / 12 = 75 ± 48.9991, the upper bound clamped to
-- 100; the department without B: every respondent at 100 %, zero width
SELECT percent_favourable(scores) AS pf,
       agree(lower(percent_favourable_interval(scores)), 75 - 100 * 1.959963984540054 * 3 / 12, 1e-12) AS lower_95,
       upper(percent_favourable_interval(scores)) AS clamped_upper,
       agree(lower(percent_favourable_interval(scores2, headcount, 0.9)), 75 - 100 * 1.6448536269514722 * 3 / 12 * sqrt(0.5), 1e-12)
           AS lower_headcount_90,
       percent_favourable_interval(scores) FILTER (WHERE respondent <> 'B') AS all_favourable,
       percent_favourable_interval(scores2) = percent_favourable_interval(scores) AS smallint_same
FROM ins_survey;
-- enps_interval: scores 10, 9, 8, 3 and, below, 0 and 10 (six respondents):
-- +1, +1, 0, -1, -1, +1; mean 1/6 (eNPS 16.67), Σ(x - x̄)² = 5 - 1/6 = 29/6,
-- s² = 29/30: 16.67 ± 100 · z · sqrt(29/180) = 16.67 ± 78.67
SELECT enps(s) AS enps,
       agree(lower(enps_interval(s)), 100.0 / 6 - 100 * 1.959963984540054 * sqrt(29.0 / 180), 1e-12) AS lower_95,
       agree(upper(enps_interval(s)), 100.0 / 6 + 100 * 1.959963984540054 * sqrt(29.0 / 180), 1e-12) AS upper_95,
       agree(upper(enps_interval(s, 10)), 100.0 / 6 + 100 * 1.959963984540054 * sqrt(29.0 / 180) * sqrt(0.4), 1e-12)
           AS upper_headcount_10,
       agree(upper(enps_interval(s, 10::bigint, 0.8)), 100.0 / 6 + 100 * 1.2815515655446004 * sqrt(29.0 / 180) * sqrt(0.4), 1e-12)
           AS upper_headcount_80,
       enps_interval(s::smallint) = enps_interval(s) AS smallint_same,
       enps_interval(s, 6) AS everyone_answered
FROM (SELECT nps FROM ins_survey UNION ALL VALUES (0), (10)) v(s);
-- clamped to -100 .. 100: 0, 0, 0, 10
SELECT enps_interval(s) AS clamped_below FROM (VALUES (0), (0), (0), (10)) v(s);
-- NULL rows and elements: a NULL array or score is skipped, NULL elements
-- are unanswered statements, a respondent with none is skipped; fewer
-- than 2 respondents: NULL
SELECT q12_mean_interval(scores) = (SELECT q12_mean_interval(scores) FROM ins_survey) AS nulls_skipped
FROM (SELECT scores FROM ins_survey UNION ALL VALUES (NULL::int[]), (array_fill(NULL::int, ARRAY[12]))) v(scores);
-- ({4,5}: 2 of 2 favourable, {1,2}: 0 of 2, {}: skipped; R = 0.5, s² = 2,
-- half-width 100 · z · sqrt(2/2) / 2 = 98, clamped at both ends)
SELECT percent_favourable_interval(s) AS unanswered_elements
FROM (VALUES ('{4,NULL,5}'::int[]), ('{1,2,NULL}'), ('{NULL,NULL}')) v(s);
SELECT q12_mean_interval(scores) IS NULL AS one_respondent, percent_favourable_interval(scores) IS NULL AS pf_one,
       enps_interval(nps) IS NULL AS enps_one
FROM ins_survey WHERE respondent = 'A';
-- (NULL scores only: NULL; +1 and -1 among NULLs: mean 0, s² = 2, half-width
-- 100 · z · sqrt(2/2) · sqrt(1 - 2/10) = 175, clamped)
SELECT enps_interval(s) FILTER (WHERE s IS NULL) IS NULL AS only_nulls, enps_interval(s, 10) AS nulls_skipped
FROM (VALUES (NULL::int), (9), (NULL), (0)) v(s);
-- bad input, 22023: a score outside the scale, a Q12 array without 12
-- answers, a headcount below the respondents or differing, a confidence
-- outside 0 .. 1 or differing
SELECT q12_mean_interval(s) FROM (VALUES (array_fill(6, ARRAY[12]))) v(s);
SELECT q12_mean_interval(s) FROM (VALUES ('{4,4}'::int[])) v(s);
SELECT percent_favourable_interval(s::smallint[]) FROM (VALUES ('{0,4}'::int[])) v(s);
SELECT enps_interval(s) FROM (VALUES (11)) v(s);
SELECT enps_interval(s::smallint) FROM (VALUES (-1)) v(s);
SELECT enps_interval(s, 1) FROM (VALUES (9), (10)) v(s);
SELECT enps_interval(s, h) FROM (VALUES (9, 10), (10, 11)) v(s, h);
SELECT enps_interval(s, 0) FROM (VALUES (9)) v(s);
SELECT percent_favourable_interval(s, c) FROM (VALUES ('{4}'::int[], 0.9), ('{5}', 0.95)) v(s, c);
SELECT q12_mean_interval(scores, 1.5) FROM ins_survey;
-- moving frames and parallel plans: the aggregates over a moving frame
-- equal the frame alone; a forced parallel plan gives the serial result
CREATE TABLE ins_respondents AS
SELECT i AS id, array_fill(1 + (i * 7) % 5, ARRAY[12]) AS scores, (i * 13) % 11 AS nps
FROM generate_series(1, 3000) i;
UPDATE ins_respondents SET scores[3] = NULL, scores[7] = 5 WHERE id % 4 = 0;
SELECT bool_and(m IS NOT DISTINCT FROM m_alone AND f IS NOT DISTINCT FROM f_alone AND e IS NOT DISTINCT FROM e_alone)
           AS frames_equal_alone
FROM (SELECT id, q12_mean_interval(scores) OVER w AS m, percent_favourable_interval(scores, 5000) OVER w AS f,
             enps_interval(nps, 0.9) OVER w AS e,
             (SELECT q12_mean_interval(b.scores) FROM ins_respondents b WHERE b.id BETWEEN r.id - 9 AND r.id) AS m_alone,
             (SELECT percent_favourable_interval(b.scores, 5000) FROM ins_respondents b WHERE b.id BETWEEN r.id - 9 AND r.id) AS f_alone,
             (SELECT enps_interval(b.nps, 0.9) FROM ins_respondents b WHERE b.id BETWEEN r.id - 9 AND r.id) AS e_alone
      FROM ins_respondents r WINDOW w AS (ORDER BY id ROWS BETWEEN 9 PRECEDING AND CURRENT ROW)) x
WHERE id <= 300;
CREATE TABLE ins_serial AS
SELECT q12_mean_interval(scores) AS m, percent_favourable_interval(scores) AS f, enps_interval(nps) AS e FROM ins_respondents;
SELECT parallel_plans(true);
EXPLAIN (COSTS OFF) SELECT q12_mean_interval(scores), enps_interval(nps) FROM ins_respondents;
SELECT agree(lower(m), (SELECT lower(m) FROM ins_serial), 1e-12) AND agree(upper(m), (SELECT upper(m) FROM ins_serial), 1e-12)
           AND agree(lower(f), (SELECT lower(f) FROM ins_serial), 1e-12)
           AND agree(upper(e), (SELECT upper(e) FROM ins_serial), 1e-12) AS parallel_equals_serial
FROM (SELECT q12_mean_interval(scores) AS m, percent_favourable_interval(scores) AS f, enps_interval(nps) AS e
      FROM ins_respondents) x;
SELECT parallel_plans(false);

-- driver_correlations: twenty respondents, five copies of four answers
-- (outcome y, item 5 x) = (1, 1), (3, 2), (2, 3), (4, 4): x̄ = ȳ = 2.5,
-- Σ(x - x̄)(y - ȳ) = 2.25 - 0.25 - 0.25 + 2.25 = 4, Σ(x - x̄)² = Σ(y - ȳ)² = 5,
-- r = 4/5 = 0.8 (and so for the twenty).  Item 1 is y (r = 1), item 2 is
-- 6 - y (r = -1), item 3 always 3 (variance 0: NULL), item 4 is y but
-- unanswered once (19 rows, below 20: NULL)
CREATE TABLE ins_drivers AS
SELECT k, ARRAY[y, 6 - y, 3, CASE WHEN k = 0 THEN NULL ELSE y END, x] AS items, y AS outcome
FROM generate_series(0, 19) k,
     LATERAL (SELECT (ARRAY[1, 3, 2, 4])[k % 4 + 1] AS y, (ARRAY[1, 2, 3, 4])[k % 4 + 1] AS x) v;
SELECT driver_correlations(items, outcome) AS drivers,
       driver_correlations(items::smallint[], outcome::smallint) AS smallint_drivers,
       (SELECT corr(items[5], outcome) FROM ins_drivers) AS corr_item_5
FROM ins_drivers;
-- a NULL array or outcome skips the row; each item counts its own rows
SELECT driver_correlations(items, outcome) AS nulls_skipped
FROM (SELECT items, outcome FROM ins_drivers
      UNION ALL VALUES (NULL::int[], 3), ('{1,2,3,4,5}', NULL), ('{NULL,NULL,NULL,NULL,NULL}', 2)) v(items, outcome);
-- the minimum group: greatest(20, engagement.min_group_size)
SET engagement.min_group_size = 21;
SELECT driver_correlations(items, outcome) AS below_21 FROM ins_drivers;
RESET engagement.min_group_size;
-- no rows, or no row with an answered item (an empty array is no answer): NULL
SELECT driver_correlations(items, outcome) IS NULL AS no_rows FROM ins_drivers WHERE false;
SELECT driver_correlations('{}'::int[], 5) IS NULL AS no_items,
       driver_correlations(items, 5) IS NULL AS none_answered
FROM (VALUES ('{NULL,NULL}'::int[]), (NULL), ('{}')) v(items);
-- bad input, 22023: arrays of different lengths, more than 100 items, two
-- dimensions, negative answers or outcome
SELECT driver_correlations(items, 1) FROM (VALUES ('{1,2}'::int[]), ('{1,2,3}')) v(items);
SELECT driver_correlations(array_fill(1, ARRAY[101]), 1);
SELECT driver_correlations('{{1,2},{3,4}}'::int[], 1);
SELECT driver_correlations('{1,-2}'::int[], 1);
SELECT driver_correlations('{1,2}'::smallint[], -1::smallint);
-- 3 000 random rows of twelve items 1 .. 5 and an outcome 0 .. 10 (each
-- item unanswered now and then): each r within 2 ulp of the exact value,
-- computed in numeric from the same sums (r read as its shortest decimal,
-- which is within half an ulp of it), and equal to corr() to 1e-12
CREATE TABLE ins_answers AS
SELECT i AS id,
       ARRAY(SELECT CASE WHEN random() < 0.05 THEN NULL ELSE 1 + floor(random() * 5)::int END
             FROM generate_series(1, 12) WHERE i > 0) AS items,
       floor(random() * 11)::int AS outcome
FROM (SELECT setseed(0.29)) s, generate_series(1, 3000) i;
UPDATE ins_answers SET items[j] = least(5, outcome / 2 + 1) FROM generate_series(3, 4) j WHERE id % 3 = 0;
SELECT count(*) AS items,
       count(*) FILTER (WHERE abs(r::text::numeric - exact) <= 2 * (2::float8 ^ (floor(log(2, abs(r)::numeric)) - 52))::numeric) AS within_2_ulp,
       count(*) FILTER (WHERE agree(r, c, 1e-12)) AS equal_to_corr
FROM (SELECT i, (SELECT driver_correlations(items, outcome) FROM ins_answers)[i] AS r,
             (SELECT corr(items[i], outcome) FROM ins_answers) AS c,
             (SELECT (n * sxy - sx * sy) / sqrt(((n * sxx - sx * sx) * (n * syy - sy * sy))::numeric(1000, 60))
              FROM (SELECT count(*)::numeric AS n, sum(x)::numeric AS sx, sum(y)::numeric AS sy,
                           sum(x * x)::numeric AS sxx, sum(y * y)::numeric AS syy, sum(x * y)::numeric AS sxy
                    FROM (SELECT items[i] AS x, outcome AS y FROM ins_answers WHERE items[i] IS NOT NULL) p) sums) AS exact
      FROM generate_series(1, 12) i) x;
-- parallel = serial; a moving frame equals the frame alone
CREATE TABLE ins_drivers_serial AS SELECT driver_correlations(items, outcome) AS d FROM ins_answers;
SELECT parallel_plans(true);
EXPLAIN (COSTS OFF) SELECT driver_correlations(items, outcome) FROM ins_answers;
SELECT d = (SELECT d FROM ins_drivers_serial) AS parallel_equals_serial
FROM (SELECT driver_correlations(items, outcome) AS d FROM ins_answers) x;
SELECT parallel_plans(false);
SELECT count(*) AS frames, bool_and(d IS NOT DISTINCT FROM d_alone) AS frames_equal_alone
FROM (SELECT id, driver_correlations(items, outcome) OVER (ORDER BY id ROWS BETWEEN 39 PRECEDING AND CURRENT ROW) AS d,
             (SELECT driver_correlations(b.items, b.outcome) FROM ins_answers b WHERE b.id BETWEEN a.id - 39 AND a.id) AS d_alone
      FROM ins_answers a) x
WHERE id <= 400;
-- the state: text form v2(items, then n, Σx, Σy, Σx², Σy², Σxy of each),
-- read back equal; values no rows could give are 22P02
SELECT driver_correlations_transfn(driver_correlations_transfn(NULL, '{1,NULL}', 3), '{2,5}', 4) AS state;
SELECT s AS state, input_sqlstate(s, 'engagement_drivers_state') AS sqlstate FROM (VALUES
    ('v2(0)'), ('v2(2,2,3,7,5,25,11,1,5,4,25,16,20)'), ('v2(1,0,0,0,0,0,0)'),
    ('v2(1,1,2,3,4,9,6)'), ('v2(1,1,2,3,4,9,7)'), ('v2(1,2,3,7,5,26,11)'), ('v2(1,2,3,7,5,25,30)'),
    ('v2(1,2,3,7,4,25,11)'), ('v2(1,0,1,0,1,0,0)'), ('v2(1,-1,0,0,0,0,0)'), ('v2(101)'), ('v2(2,0,0,0,0,0,0)'),
    ('v2(1,2,3,7,5,25,11,0)'), ('(1,2,3,7,5,25,11)')) v(s);
SELECT s::engagement_drivers_state::text = s AS round_trip
FROM (VALUES ('v2(2,2,3,7,5,25,11,1,5,4,25,16,20)'), ('v2(0)')) v(s);
SELECT drivers_state_combine('v2(1,1,2,3,4,9,6)', 'v2(1,1,1,3,1,9,3)') AS combined,
       drivers_state_combine(NULL, 'v2(1,1,2,3,4,9,6)') AS with_null,
       drivers_state_combine('v2(1,1,2,3,4,9,6)', NULL) AS null_other;
SELECT drivers_state_combine('v2(1,1,2,3,4,9,6)', 'v2(2,1,2,3,4,9,6,0,0,0,0,0,0)');
SELECT driver_correlations_inv_transfn('v2(1,1,2,3,4,9,6)', '{3}', 3);
