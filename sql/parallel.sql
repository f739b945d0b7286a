-- Parallel plans: partial aggregates combine to the serial result

SELECT setseed(0.7);
CREATE TABLE par_posts AS
    SELECT g % 5 AS account,
           CASE WHEN g % 101 = 0 THEN NULL ELSE floor(exp(random() * 9))::int END AS likes,
           floor(exp(random() * 5))::int AS comments,
           floor(exp(random() * 4))::int AS shares,
           CASE WHEN g % 37 = 0 THEN 0 ELSE floor(exp(random() * 12))::bigint END AS reach,
           floor(exp(random() * 13))::bigint AS views,
           CASE WHEN g % 41 = 0 THEN 0 ELSE floor(exp(random() * 14))::bigint END AS followers,
           CASE WHEN g % 13 = 0 THEN NULL ELSE random() < 0.6 END AS answer,
           ARRAY(SELECT random() < 0.6 FROM generate_series(1, 12) WHERE g > 0) AS answers,
           random() * 40 AS work, random() * 30 AS management,
           CASE WHEN g % 3 = 0 THEN NULL ELSE random() * 30 END AS events
    FROM generate_series(1, 60000) g;
ANALYZE par_posts;

CREATE TABLE serial_result AS
    SELECT account,
           er_reach(likes, comments, shares, reach) AS err,
           er_view(likes, comments, shares, views) AS erv,
           er_post(likes, comments, shares, followers) AS erp,
           er_day(likes, comments, shares, followers) AS erd,
           amplification_rate(shares) AS ampl,
           q12_index(answer) AS q12_long,
           q12_index(answers) AS q12_wide,
           engagement_index(work, management, events) AS idx
    FROM par_posts GROUP BY ROLLUP (account);

SELECT parallel_plans(true);

EXPLAIN (COSTS OFF)
SELECT er_reach(likes, comments, shares, reach), er_view(likes, comments, shares, views),
       er_post(likes, comments, shares, followers), er_day(likes, comments, shares, followers),
       amplification_rate(shares), q12_index(answer), q12_index(answers),
       engagement_index(work, management, events)
FROM par_posts;

EXPLAIN (COSTS OFF)
SELECT account, er_reach(likes, comments, shares, reach), er_post(likes, comments, shares, followers)
FROM par_posts GROUP BY account;

-- the result below is computed by this parallel plan
EXPLAIN (COSTS OFF)
CREATE TABLE parallel_result AS
    SELECT account,
           er_reach(likes, comments, shares, reach) AS err,
           er_view(likes, comments, shares, views) AS erv,
           er_post(likes, comments, shares, followers) AS erp,
           er_day(likes, comments, shares, followers) AS erd,
           amplification_rate(shares) AS ampl,
           q12_index(answer) AS q12_long,
           q12_index(answers) AS q12_wide,
           engagement_index(work, management, events) AS idx
    FROM par_posts GROUP BY account
    UNION ALL
    SELECT NULL,
           er_reach(likes, comments, shares, reach),
           er_view(likes, comments, shares, views),
           er_post(likes, comments, shares, followers),
           er_day(likes, comments, shares, followers),
           amplification_rate(shares),
           q12_index(answer),
           q12_index(answers),
           engagement_index(work, management, events)
    FROM par_posts;

CREATE TABLE parallel_result AS
    SELECT account,
           er_reach(likes, comments, shares, reach) AS err,
           er_view(likes, comments, shares, views) AS erv,
           er_post(likes, comments, shares, followers) AS erp,
           er_day(likes, comments, shares, followers) AS erd,
           amplification_rate(shares) AS ampl,
           q12_index(answer) AS q12_long,
           q12_index(answers) AS q12_wide,
           engagement_index(work, management, events) AS idx
    FROM par_posts GROUP BY account
    UNION ALL
    SELECT NULL,
           er_reach(likes, comments, shares, reach),
           er_view(likes, comments, shares, views),
           er_post(likes, comments, shares, followers),
           er_day(likes, comments, shares, followers),
           amplification_rate(shares),
           q12_index(answer),
           q12_index(answers),
           engagement_index(work, management, events)
    FROM par_posts;

SELECT parallel_plans(false);

-- ratios of integer sums are exact, so equal; means of ratios within 1e-12;
-- a NULL on either side fails (agree, from setup)
SELECT count(*) AS groups,
       bool_and(agree(s.err, p.err) AND agree(s.erv, p.erv) AND agree(s.ampl, p.ampl)
                AND agree(s.q12_long, p.q12_long) AND agree(s.q12_wide, p.q12_wide)) AS exact_equal,
       bool_and(agree(s.erp, p.erp, 1e-12) AND agree(s.erd, p.erd, 1e-12)
                AND agree(s.idx, p.idx, 1e-12)) AS means_equal
FROM serial_result s JOIN parallel_result p ON s.account IS NOT DISTINCT FROM p.account;
