-- Every kind of value the extension returns, at its limits, in tables that
-- test/cross_version.sh dumps on one PostgreSQL version and restores on
-- another: each value must come back with the same binary send form.
-- Every table has an integer id; every other column is compared.
SELECT setseed(0.25);
CREATE TABLE posts AS
    SELECT g AS id, g % 7 AS account_id, date '2026-01-01' + g % 30 AS day,
           CASE WHEN g % 17 = 0 THEN NULL ELSE floor(random() * 5000)::int END AS likes,
           floor(random() * 300)::int AS comments, floor(random() * 100)::int AS shares,
           CASE WHEN g % 23 = 0 THEN 0 ELSE floor(random() * 90000)::int END AS reach,
           floor(random() * 120000)::int AS views,
           CASE WHEN g % 29 = 0 THEN 0 ELSE floor(random() * 200000)::int END AS followers
    FROM generate_series(1, 3000) g;

-- summaries of ordinary groups, of one post, of huge and of tiny counts
CREATE TABLE summaries (id int PRIMARY KEY, s engagement_stats, legacy engagement_stats_1_1);
INSERT INTO summaries
    SELECT row_number() OVER (ORDER BY account_id, day), s, l FROM (
        SELECT account_id, day, engagement_agg(likes, comments, shares, reach, views, followers) s,
               engagement_agg_1_1(likes, comments, shares, reach, views, followers) l
        FROM posts GROUP BY account_id, day) g;
INSERT INTO summaries
    SELECT 1000 + k, s, l FROM (
        SELECT 1 k, engagement_agg(m, m, m, m, m, 1) s, engagement_agg_1_1(m, m, m, m, m, 1) l
        FROM (VALUES (9223372036854775807)) v(m), generate_series(1, 2)
        UNION ALL
        SELECT 2, engagement_agg(1, 0, 0, m, m, m), engagement_agg_1_1(1, 0, 0, m, m, m)
        FROM (VALUES (9223372036854775807)) v(m)
        UNION ALL
        SELECT 3, engagement_agg(1, 2, 3, 4, 5, 6), engagement_agg_1_1(1, 2, 3, 4, 5, 6)
        UNION ALL
        SELECT 4, engagement_agg(1, 1, 1, 1, 1, 1), engagement_agg_1_1(1, 1, 1, 1, 1, 1)
        FROM generate_series(1, 0)
        UNION ALL
        SELECT 5, engagement_agg(NULL, 1, 1, 0, NULL, 0), engagement_agg_1_1(NULL, 1, 1, 0, NULL, 0)) x;
INSERT INTO summaries
    SELECT 2000 + account_id, rollup(s), NULL
    FROM (SELECT account_id, engagement_agg(likes, comments, shares, reach, views, followers) s
          FROM posts GROUP BY account_id, day) g
    GROUP BY account_id;

-- the aggregates' states, built by their transition functions
CREATE TABLE states (id int PRIMARY KEY, ratio engagement_ratio_state, mean engagement_mean_state,
                     idx engagement_index_state, growth follower_growth_state,
                     nps engagement_nps_state, intv engagement_interval_state);
INSERT INTO states VALUES
    (1, er_reach_transfn(er_reach_transfn(NULL, 9223372036854775807, 9223372036854775807,
                                           9223372036854775807, 9223372036854775807),
                          1, 2, 3, 9223372036854775807),
        post_rate_transfn(post_rate_transfn(NULL, 9223372036854775807, 9223372036854775807,
                                             9223372036854775807, 1), 1, 0, 0, 3),
        engagement_index_transfn(NULL, 1e30, 1e30, 1e30),
        follower_growth_transfn(follower_growth_transfn(NULL, '2026-01-01 00:00+00', 100),
                                '2026-02-01 12:34:56.789+03', 9223372036854775807),
        enps_transfn(enps_transfn(enps_transfn(NULL, 10), 0), 7),
        er_reach_interval_transfn(er_reach_interval_transfn(NULL, 40, 8, 2, 1000, 0.9), 20, 4, 1, 500, 0.9)),
    (2, er_reach_transfn(NULL, 1, 0, 0, 3), post_rate_transfn(NULL, 1, 0, 0, 3),
        engagement_index_transfn(NULL, 5e-324, 1e-300, 2.2250738585072014e-308),
        follower_growth_transfn(NULL, '1970-01-01 00:00:00.000001+00', 0),
        enps_transfn(NULL, 6),
        q12_interval_transfn(NULL, '{t,t,t,f,f,f,t,t,t,f,f,NULL}')),
    (3, NULL, NULL, engagement_index_transfn(engagement_index_transfn(NULL, 0.1, 0.2, 0.3), 0.7, 1e-9, 3),
        NULL, NULL, er_reach_interval_transfn(er_reach_interval_transfn(NULL, 1099511627776,
            1099511627776, 1099511627776, 1099511627776), 1099511627776, 0, 0, 1099511627776));

-- the intervals, and arrays and domains of the types
CREATE DOMAIN summary_d AS engagement_stats;
CREATE TABLE others (id int PRIMARY KEY, r percent_range, summaries engagement_stats[], d summary_d);
INSERT INTO others VALUES
    (1, wilson_interval(1, 3, 0.9), ARRAY(SELECT s FROM summaries ORDER BY id LIMIT 3),
        (SELECT s FROM summaries WHERE id = 1003)),
    (2, percent_range(0.1, 0.30000000000000004), '{}', NULL),
    (3, (SELECT er_reach_interval(likes, comments, shares, reach) FROM posts), NULL, NULL);
