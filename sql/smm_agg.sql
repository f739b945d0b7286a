-- SMM aggregates: one input row per post

CREATE TABLE agg_posts (
    account   text,
    likes     integer,
    comments  integer,
    shares    integer,
    reach     bigint,
    views     bigint,
    followers bigint
);
INSERT INTO agg_posts VALUES
    ('a', 40, 8, 2, 1000, 2000, 500),    -- 50 engagements: ERR 5 %, ER post 10 %
    ('a', 20, 4, 1, 500, 1000, 500),     -- 25 engagements: ERR 5 %, ER post 5 %
    ('a', 10, 0, 0, 0, 0, 0),            -- zero reach, views and followers
    ('a', NULL, 1, 1, 100, 100, 100),    -- a NULL: skipped by every aggregate that reads likes
    ('b', 3, 0, 0, 300, 600, 1000),
    ('c', NULL, NULL, NULL, NULL, NULL, NULL);

-- ratio of sums; er_post mean of per-post rates, er_day their sum
SELECT account,
       er_reach(likes, comments, shares, reach) AS err,
       er_view(likes, comments, shares, views) AS er_view,
       er_post(likes, comments, shares, followers) AS er_post,
       er_day(likes, comments, shares, followers) AS er_day,
       amplification_rate(shares) AS amplification
FROM agg_posts GROUP BY account ORDER BY account;
-- account a by hand: err = 100 * 85 / 1500, er_view = 100 * 85 / 3000,
-- er_post = (10 + 5) / 2 (the zero-followers post is skipped), er_day = 15,
-- amplification = 100 * (2 + 1 + 0 + 1) / 4 posts with a known shares
SELECT er_reach(likes, comments, shares, reach) = 100 * 85 / 1500::float8 AS err_a,
       er_view(likes, comments, shares, views) = 100 * 85 / 3000::float8 AS er_view_a
FROM agg_posts WHERE account = 'a';

-- er_day = er_post * posts counted (each correctly rounded: to the last bit or so)
SELECT agree(er_day(likes, comments, shares, followers),
             er_post(likes, comments, shares, followers)
             * count(*) FILTER (WHERE likes IS NOT NULL AND comments IS NOT NULL
                                AND shares IS NOT NULL AND followers > 0), 1e-15) AS day_is_post_times_count
FROM agg_posts;

-- for one account on one day er_day is 100 * (day's engagements) / followers
SELECT er_day(l, c, s, f) = er_day(engagement_volume(sum(l)::bigint, sum(c)::bigint, sum(s)::bigint), 2000) AS one_day
FROM (VALUES (10, 2, 1, 2000), (33, 4, 0, 2000), (7, 0, 3, 2000)) v(l, c, s, f);

-- empty group: NULL
SELECT er_reach(likes, comments, shares, reach) IS NULL AS err,
       er_view(likes, comments, shares, views) IS NULL AS er_view,
       er_post(likes, comments, shares, followers) IS NULL AS er_post,
       er_day(likes, comments, shares, followers) IS NULL AS er_day,
       amplification_rate(shares) IS NULL AS amplification
FROM agg_posts WHERE false;
-- only NULL rows: nothing left, NULL
SELECT er_reach(likes, comments, shares, reach) IS NULL AS err,
       er_post(likes, comments, shares, followers) IS NULL AS er_post,
       amplification_rate(shares) IS NULL AS amplification
FROM agg_posts WHERE account = 'c';
-- zero denominators only: NULL (0/0 too), never an error
SELECT er_reach(l, c, s, r) IS NULL AS zero_reach,
       er_view(l, c, s, r) IS NULL AS zero_views,
       er_post(l, c, s, r) IS NULL AS zero_followers,
       er_day(l, c, s, r) IS NULL AS zero_followers_day
FROM (VALUES (5, 1, 0, 0), (0, 0, 0, 0)) v(l, c, s, r);
-- zero engagements over a real reach is 0
SELECT er_reach(0, 0, 0, 100) AS zero_rate FROM (VALUES (1)) v(x);

-- negative counts are errors naming the argument
SELECT er_reach(l, c, s, r) FROM (VALUES (1, 1, 1, 10), (-1, 0, 0, 10)) v(l, c, s, r);
SELECT er_reach(l, c, s, r) FROM (VALUES (1, 1, 1, -10)) v(l, c, s, r);
SELECT er_view(l, c, s, r) FROM (VALUES (1, -1, 1, 10)) v(l, c, s, r);
SELECT er_view(l, c, s, r) FROM (VALUES (1, 1, 1, -10)) v(l, c, s, r);
SELECT er_post(l, c, s, f) FROM (VALUES (1, 1, -1, 10)) v(l, c, s, f);
SELECT er_day(l, c, s, f) FROM (VALUES (1, 1, 1, -10)) v(l, c, s, f);
SELECT amplification_rate(s) FROM (VALUES (2), (-2)) v(s);
-- with several negative, the first in argument order is named
SELECT er_reach(l, c, s, r) FROM (VALUES (1, -2, -3, -4)) v(l, c, s, r);
SELECT er_post(l, c, s, f) FROM (VALUES (1::int, 2::int, -3::int, -4::int)) v(l, c, s, f);

-- percents are the same on either side of the 64-bit shortcut: 100 * Σ
-- just fits in bigint, just does not, and is far past it (den 1 or 4, so
-- the division is exact and the expected double is the rounded product)
SELECT er_reach(l, 0::bigint, 0::bigint, 1::bigint) = 9223372036854775800::numeric::float8 AS fits,
       er_post(l + 1, 0::bigint, 0::bigint, 1::bigint) = 9223372036854775900::numeric::float8 AS past,
       er_view(4611686018427387904::bigint, 0::bigint, 0::bigint, 4::bigint) = 25 * 2::float8 ^ 62 AS far
FROM (VALUES (92233720368547758::bigint)) v(l);

-- sums are exact in 128 bits: likes adding up past 2^63 still give the rate
CREATE TABLE big_posts AS
    SELECT 9223372036854775807::bigint AS likes, 0::bigint AS comments,
           9223372036854775807::bigint AS shares, 9223372036854775807::bigint AS reach
    FROM generate_series(1, 4);
SELECT er_reach(likes, comments, shares, reach) AS err_200,
       er_view(likes, comments, shares, reach) AS er_view_200,
       er_post(likes, comments, shares, reach) AS er_post_200,
       er_day(likes, comments, shares, reach) AS er_day_800,
       amplification_rate(shares) AS amplification
FROM big_posts;
SELECT amplification_rate(shares) = 100 * 9223372036854775807::float8 AS amplification_exact
FROM big_posts;
-- the same rows through plain SQL need numeric to agree
SELECT er_reach(likes, comments, shares, reach)
       = (100 * sum(likes::numeric + comments + shares) / sum(reach))::float8 AS matches_numeric
FROM big_posts;

-- integer columns, bigint columns and mixed ones give identical results
SELECT er_reach(likes, comments, shares, reach) = er_reach(likes::bigint, comments::bigint, shares::bigint, reach)
       AS int_equals_bigint
FROM agg_posts;

-- the aggregates read in views and subqueries like any other
CREATE VIEW agg_report AS
    SELECT account, er_reach(likes, comments, shares, reach) AS err
    FROM agg_posts GROUP BY account;
SELECT * FROM agg_report ORDER BY account;

-- cross-check against the plain-SQL formula over deterministic random rows
-- with NULLs, zero denominators and skewed counts
SELECT setseed(0.42);
CREATE TABLE rand_posts AS
    SELECT (g % 17) AS account,
           CASE WHEN random() < 0.02 THEN NULL ELSE floor(exp(random() * 9))::bigint END AS likes,
           CASE WHEN random() < 0.02 THEN NULL ELSE floor(exp(random() * 5))::bigint END AS comments,
           CASE WHEN random() < 0.02 THEN NULL ELSE floor(exp(random() * 4))::bigint END AS shares,
           CASE WHEN random() < 0.03 THEN 0 WHEN random() < 0.02 THEN NULL
                ELSE floor(exp(random() * 12))::bigint END AS reach,
           CASE WHEN random() < 0.03 THEN 0 WHEN random() < 0.02 THEN NULL
                ELSE floor(exp(random() * 13))::bigint END AS views,
           CASE WHEN random() < 0.03 THEN 0 WHEN random() < 0.02 THEN NULL
                ELSE floor(exp(random() * 14))::bigint END AS followers
    FROM generate_series(1, 5000) g;
-- enough of each edge case to matter
SELECT count(*) FILTER (WHERE likes IS NULL) > 50 AS has_null_likes,
       count(*) FILTER (WHERE reach = 0) > 100 AS has_zero_reach,
       count(*) FILTER (WHERE followers = 0) > 100 AS has_zero_followers
FROM rand_posts;

-- relative difference at most 1e-12 in every group, none of them NULL
SELECT bool_and(agree(err, plain_err, 1e-12)) AS er_reach_ok,
       bool_and(agree(erv, plain_erv, 1e-12)) AS er_view_ok,
       bool_and(agree(erp, plain_erp, 1e-12)) AS er_post_ok,
       bool_and(agree(erd, plain_erd, 1e-12)) AS er_day_ok,
       bool_and(agree(ampl, plain_ampl, 1e-12)) AS amplification_ok,
       count(*) AS groups
FROM (
    SELECT account,
           er_reach(likes, comments, shares, reach) AS err,
           100.0 * sum(likes + comments + shares + 0 * reach)
               / nullif(sum(reach + 0 * (likes + comments + shares)), 0) AS plain_err,
           er_view(likes, comments, shares, views) AS erv,
           100.0 * sum(likes + comments + shares + 0 * views)
               / nullif(sum(views + 0 * (likes + comments + shares)), 0) AS plain_erv,
           er_post(likes, comments, shares, followers) AS erp,
           avg(100.0 * (likes + comments + shares) / nullif(followers, 0)) AS plain_erp,
           er_day(likes, comments, shares, followers) AS erd,
           sum(100.0 * (likes + comments + shares) / nullif(followers, 0)) AS plain_erd,
           amplification_rate(shares) AS ampl,
           100.0 * sum(shares) / nullif(count(shares), 0) AS plain_ampl
    FROM rand_posts
    GROUP BY ROLLUP (account)
) r;

-- the smallint, integer and bigint overloads give identical results, and a
-- mix of widths resolves to one of them
CREATE TABLE width_posts AS
    SELECT account,
           least(likes, 32767)::smallint AS l2, least(comments, 32767)::smallint AS c2,
           least(shares, 32767)::smallint AS s2, least(reach, 32767)::smallint AS r2,
           least(followers, 32767)::smallint AS f2
    FROM rand_posts;
SELECT bool_and(agree(r2, r4) AND agree(r2, r8)
                AND agree(r2, r_mixed)) AS er_reach_same,
       bool_and(agree(v2, v4) AND agree(v2, v8)) AS er_view_same,
       bool_and(agree(p2, p4) AND agree(p2, p8)) AS er_post_same,
       bool_and(agree(d2, d4) AND agree(d2, d8)) AS er_day_same,
       bool_and(agree(a2, a4) AND agree(a2, a8)) AS amplification_same,
       count(r2) AS groups_with_a_rate
FROM (
    SELECT er_reach(l2, c2, s2, r2) AS r2,
           er_reach(l2::int, c2::int, s2::int, r2::int) AS r4,
           er_reach(l2::bigint, c2::bigint, s2::bigint, r2::bigint) AS r8,
           er_reach(l2, c2::int, s2::bigint, r2) AS r_mixed,
           er_view(l2, c2, s2, r2) AS v2,
           er_view(l2::int, c2::int, s2::int, r2::int) AS v4,
           er_view(l2::bigint, c2::bigint, s2::bigint, r2::bigint) AS v8,
           er_post(l2, c2, s2, f2) AS p2,
           er_post(l2::int, c2::int, s2::int, f2::int) AS p4,
           er_post(l2::bigint, c2::bigint, s2::bigint, f2::bigint) AS p8,
           er_day(l2, c2, s2, f2) AS d2,
           er_day(l2::int, c2::int, s2::int, f2::int) AS d4,
           er_day(l2::bigint, c2::bigint, s2::bigint, f2::bigint) AS d8,
           amplification_rate(s2) AS a2,
           amplification_rate(s2::int) AS a4,
           amplification_rate(s2::bigint) AS a8
    FROM width_posts GROUP BY ROLLUP (account)
) g;
-- a negative smallint or integer is reported like a bigint
SELECT er_post(l, c, s, f) FROM (VALUES (1::smallint, 1::smallint, 1::smallint, -3::smallint)) v(l, c, s, f);
SELECT er_reach(l, c, s, r) FROM (VALUES (-1, 1, 1, 3)) v(l, c, s, r);
