-- The demo's report: what a marketing lead and an HR lead read, from the
-- views of examples/reporting.sql.
\pset footer off
\pset null '—'

\echo
SELECT min(day) AS first_day, max(day) AS last_day FROM account_daily \gset
\echo '== Social media,' :first_day 'to' :last_day '(percent) =='
\echo
WITH period AS (
    SELECT account_id,
           (array_agg(followers ORDER BY day))[1] AS followers_start,
           (array_agg(followers + new_followers - lost_followers ORDER BY day DESC))[1] AS followers_end,
           sum(new_followers)::bigint AS gained,
           sum(lost_followers)::bigint AS lost,
           avg(er_day) AS er_day
    FROM reporting.daily_metrics
    GROUP BY account_id
),
summary AS (
    SELECT account_id, rollup(stats) AS s
    FROM reporting.account_day_summary
    GROUP BY account_id
),
audience AS (
    SELECT account_id, sum(reach) AS reach, sum(views) AS views
    FROM posts GROUP BY account_id
)
SELECT a.name AS account,
       post_count(m.s) AS posts,
       p.followers_end AS followers,
       round(follower_growth(p.gained, p.lost, p.followers_start)::numeric, 2) AS "net growth",
       r.reach,
       r.views,
       round(er_reach(m.s)::numeric, 2) AS "ER reach",
       round(lower(er_reach_interval(m.s))::numeric, 2) || ' – ' ||
           round(upper(er_reach_interval(m.s))::numeric, 2) AS "95 % interval",
       round(er_post(m.s)::numeric, 2) AS "ER post",
       round(p.er_day::numeric, 2) AS "ER day",
       round(er_view(m.s)::numeric, 2) AS "ER view",
       round(love_rate(m.s)::numeric, 2) AS love,
       round(talk_rate(m.s)::numeric, 3) AS talk,
       round(amplification_rate(m.s)::numeric, 1) AS amplification
FROM accounts a
JOIN summary m USING (account_id)
JOIN period p USING (account_id)
JOIN audience r USING (account_id)
ORDER BY a.account_id;

\echo 'ER reach: 100 · engagements / reach over all posts; 95 % interval: where ER by reach'
\echo 'would lie with 95 % confidence if these posts were a sample of the account''s posts (posts as'
\echo 'sampling units; wide when few posts or one viral post dominate).  ER post: the average post''s'
\echo 'engagements per 100 followers; ER day: the same per day; amplification: shares per 100 posts.'
\echo 'Posts with zero reach count for no reach-based rate; posts whose likes are not yet'
\echo 'collected count for none.'

\echo
\echo '== Per month (percent) =='
\echo
-- follower growth from the daily counts of account_daily; ER by reach from
-- the sums of the posts that have every count (sum of a bigint column is
-- numeric, which er_reach takes)
SELECT m.account, to_char(m.month, 'YYYY-MM') AS month, m.posts,
       round(m.follower_growth::numeric, 2) AS "follower growth",
       round(m.er_reach::numeric, 2) AS "ER reach",
       round(er_reach(sum(p.likes + p.comments + p.shares), sum(p.reach))::numeric, 2) AS "ER reach, from sums"
FROM reporting.monthly_metrics m
JOIN reporting.accounts a ON a.account_id = m.account_id
JOIN posts p ON p.account_id = m.account_id
            AND date_trunc('month', p.published_at AT TIME ZONE a.time_zone)::date = m.month
            AND p.likes IS NOT NULL AND p.comments IS NOT NULL AND p.shares IS NOT NULL
GROUP BY m.account_id, m.account, m.month, m.posts, m.follower_growth, m.er_reach
ORDER BY m.account_id, m.month;

\echo 'follower growth: 100 · (followers at the month''s last day − at its first) / at its first.'

\echo
\echo '== Top 5 posts by reach =='
\echo
SELECT account,
       to_char(published_at AT TIME ZONE a.time_zone, 'YYYY-MM-DD HH24:MI') AS "published (local)",
       reach, likes, comments, shares,
       round(er_reach::numeric, 2) AS "ER reach",
       round(er_post::numeric, 2) AS "ER post"
FROM reporting.top_posts JOIN reporting.accounts a USING (account_id)
ORDER BY reach DESC NULLS LAST, post_id
LIMIT 5;

\echo
\echo '== Employee engagement survey (Q12, percent) =='
\echo
SELECT division, department, respondents, headcount,
       round(participation::numeric, 1) AS participation,
       round(q12_index::numeric, 1) AS "Q12 index",
       round(lower(q12_interval)::numeric, 1) || ' – ' || round(upper(q12_interval)::numeric, 1) AS "95 %",
       q12_level AS level,
       round(q12_mean::numeric, 2) AS "mean (1–5)",
       round(percent_favourable::numeric, 1) AS "% favourable",
       round(enps::numeric, 1) AS "eNPS"
FROM reporting.survey_by_department
ORDER BY division, q12_index DESC NULLS LAST, department;

SELECT department, hidden_because AS "hidden because"
FROM reporting.survey_by_department WHERE NOT disclosed ORDER BY department;

SELECT division, respondents, headcount,
       round(participation::numeric, 1) AS participation,
       round(q12_index::numeric, 1) AS "Q12 index",
       q12_level AS level,
       round(q12_mean::numeric, 2) AS "mean (1–5)",
       round(percent_favourable::numeric, 1) AS "% favourable",
       round(enps::numeric, 1) AS "eNPS"
FROM reporting.survey_by_division
ORDER BY division;

SELECT respondents, headcount,
       round(participation::numeric, 1) AS participation,
       round(q12_index::numeric, 1) AS "Q12 index",
       q12_level AS level,
       round(q12_mean::numeric, 2) AS "mean (1–5)",
       round(percent_favourable::numeric, 1) AS "% favourable",
       round(enps::numeric, 1) AS "eNPS"
FROM reporting.company_engagement;
\echo 'Q12 index: % yes answers; 95 %: its interval, respondents as sampling units, narrowed by the'
\echo 'share of the department that answered (everyone answering gives no width).'
\echo 'Levels: alarming ≤ 50 < satisfactory < 70 ≤ high.  A survey is'
\echo 'valid from 50 % participation.  Mean: the average answer on the 1–5 agreement scale;'
\echo '% favourable: answers of 4 or 5; eNPS: % of 9–10 minus % of 0–6 on the 0–10 question.'
\echo 'Figures of the latest closed wave, as published: every level decided together.  A group'
\echo 'with fewer respondents than engagement.min_group_size (5) is hidden, so is everything under'
\echo 'a hidden group, and the smallest other groups while the hidden ones could be found by subtraction.'

\echo
\echo '== Key drivers of eNPS (company, latest wave) =='
\echo
SELECT statement, round(r::numeric, 2) AS "r with eNPS"
FROM reporting.survey_drivers WHERE path = '{}' ORDER BY r DESC NULLS LAST, item LIMIT 5;
\echo 'Pearson r of each statement (1–5) with the eNPS answer, over the respondents: the statements'
\echo 'that go most with recommending the employer.'

\echo
\echo '== Three-component engagement index =='
\echo
SELECT round(work::numeric, 1) AS "work (0–40)",
       round(management::numeric, 1) AS "management (0–30)",
       round(events::numeric, 1) AS "events (0–30)",
       round(engagement_index::numeric, 1) AS "index (0–100)",
       engagement_level AS level
FROM reporting.company_engagement;
\echo 'Levels: low ≤ 30 < medium ≤ 60 < high.'

\echo
\echo '== Insights =='
\echo
SELECT account, month,
       round(er_reach::numeric, 2) AS "ER by reach",
       round(change::numeric, 2) AS "change (pp)",
       '[' || round(change_lower::numeric, 2) || ', ' || round(change_upper::numeric, 2) || ']' AS "95 % interval",
       changed
FROM reporting.monthly_er_change
WHERE previous_er_reach IS NOT NULL
ORDER BY account, month;
\echo 'Change of ER by reach from the month before, in percentage points, with its 95 % interval'
\echo '(the two months as independent samples of posts); changed: the interval leaves out 0.'
\echo
SELECT account, weekday, hour AS "hour (local)", posts,
       round(er_reach::numeric, 2) AS "ER by reach",
       round(er_reach_shrunk::numeric, 2) AS "shrunk"
FROM (SELECT *, row_number() OVER (PARTITION BY account_id ORDER BY er_reach_shrunk DESC, weekday, hour) AS rank
      FROM reporting.posting_times) ranked
WHERE rank <= 3
ORDER BY account, rank;
\echo 'The best three weekday-hours of each account over the last 90 days (1 = Monday), by ER by'
\echo 'reach shrunk towards the account''s: a cell of one or two posts stays near the account''s ER.'
\echo
SELECT account, published_at::date AS published, reach,
       round(er_reach::numeric, 2) AS "ER by reach",
       round(baseline_er_reach::numeric, 2) AS "ER of the 30 before",
       round(z::numeric, 1) AS z
FROM reporting.breakout_posts
ORDER BY z DESC;
\echo 'Breakout posts of the last 30 days: 3 or more standard deviations above the 30 posts'
\echo 'of their account before them.'
