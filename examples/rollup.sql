-- Two-step summaries: one engagement_stats per account and day, kept in a
-- materialized view, re-aggregated to weeks and months without going back
-- to the posts.  Runs against the demo's tables (examples/demo-data.sql).

CREATE MATERIALIZED VIEW account_daily_stats AS
SELECT account_id,
       (published_at AT TIME ZONE 'UTC')::date AS day,
       engagement_agg(likes, comments, shares, reach, views, followers) AS stats
FROM posts
GROUP BY 1, 2;

-- the unique index lets REFRESH ... CONCURRENTLY run without blocking
-- readers; it still recomputes every day of every account, so its cost
-- follows the whole history (examples/reporting.sql keeps its summaries in
-- a table and re-aggregates only the days whose posts changed)
CREATE UNIQUE INDEX account_daily_stats_key ON account_daily_stats (account_id, day);

-- weeks: merge seven daily summaries, then read every metric from the merge
SELECT account_id, week,
       post_count(s) AS posts,
       round(er_reach(s)::numeric, 2) AS er_reach,
       round(er_post(s)::numeric, 2) AS er_post,
       round(er_view(s)::numeric, 2) AS er_view,
       round(love_rate(s)::numeric, 2) AS love_rate,
       round(talk_rate(s)::numeric, 3) AS talk_rate,
       round(amplification_rate(s)::numeric, 1) AS amplification_rate,
       engagement_volume(s) AS engagements
FROM (SELECT account_id, date_trunc('week', day)::date AS week, rollup(stats) AS s
      FROM account_daily_stats
      GROUP BY 1, 2) weekly
ORDER BY account_id, week;

-- months, all accounts together
SELECT month,
       post_count(s) AS posts,
       round(er_reach(s)::numeric, 2) AS er_reach,
       round(er_post(s)::numeric, 2) AS er_post,
       engagement_volume(s) AS engagements
FROM (SELECT date_trunc('month', day)::date AS month, rollup(stats) AS s
      FROM account_daily_stats
      GROUP BY 1) monthly
ORDER BY month;

-- the rollup equals the one-step aggregate over the same posts
SELECT er_reach(rollup(stats)) = (SELECT er_reach(likes, comments, shares, reach) FROM posts)
       AS same_as_one_step
FROM account_daily_stats;

-- after new posts arrive
REFRESH MATERIALIZED VIEW CONCURRENTLY account_daily_stats;
