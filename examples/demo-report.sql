-- The demo's report: what a marketing lead and an HR lead read.
\pset footer off
\pset null '—'

\echo
\echo '== Social media, 2026-08-01 to 2026-10-29 (percent) =='
\echo
WITH period AS (
    SELECT account_id,
           first_value(followers) OVER w AS followers_start,
           last_value(followers + new_followers - lost_followers) OVER w AS followers_end,
           sum(new_followers) OVER w AS gained,
           sum(lost_followers) OVER w AS lost,
           row_number() OVER (PARTITION BY account_id ORDER BY day DESC) AS latest
    FROM account_daily
    WINDOW w AS (PARTITION BY account_id ORDER BY day
                 ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
),
by_day AS (
    SELECT account_id, er_day(likes, comments, shares, followers) AS er_day
    FROM posts GROUP BY account_id, published_at::date
),
by_account AS (
    SELECT account_id,
           count(*) AS posts,
           sum(reach) AS reach,
           sum(views) AS views,
           er_reach(likes, comments, shares, reach) AS err,
           er_post(likes, comments, shares, followers) AS er_post,
           er_view(likes, comments, shares, views) AS er_view,
           avg(love_rate(likes, followers)) AS love,
           avg(talk_rate(comments, followers)) AS talk,
           amplification_rate(shares) AS amplification
    FROM posts GROUP BY account_id
)
SELECT a.name AS account,
       b.posts,
       p.followers_end AS followers,
       round(follower_growth(p.gained::bigint, p.lost::bigint, p.followers_start)::numeric, 2) AS "net growth",
       b.reach,
       b.views,
       round(b.err::numeric, 2) AS "ER reach",
       round(b.er_post::numeric, 2) AS "ER post",
       round((SELECT avg(er_day) FROM by_day d WHERE d.account_id = a.account_id)::numeric, 2) AS "ER day",
       round(b.er_view::numeric, 2) AS "ER view",
       round(b.love::numeric, 2) AS love,
       round(b.talk::numeric, 3) AS talk,
       round(b.amplification::numeric, 1) AS amplification
FROM accounts a
JOIN by_account b USING (account_id)
JOIN period p ON p.account_id = a.account_id AND p.latest = 1
ORDER BY a.account_id;

\echo 'ER reach: 100 · engagements / reach over all posts; ER post: the average post''s'
\echo 'engagements per 100 followers; ER day: the same per day; amplification: shares per 100 posts.'
\echo 'Posts with zero reach count for no reach-based rate; posts whose likes are not yet'
\echo 'collected count for none.'

\echo
\echo '== Top 5 posts by reach =='
\echo
SELECT a.name AS account,
       to_char(p.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS published,
       p.reach, p.likes, p.comments, p.shares,
       round(er_reach(engagement_volume(p.likes, p.comments, p.shares), p.reach)::numeric, 2) AS "ER reach",
       round(er_post(engagement_volume(p.likes, p.comments, p.shares), p.followers)::numeric, 2) AS "ER post"
FROM posts p JOIN accounts a USING (account_id)
ORDER BY p.reach DESC NULLS LAST, p.post_id
LIMIT 5;

\echo
\echo '== Employee engagement survey (Q12, percent) =='
\echo
SELECT d.department,
       count(r.respondent_id) AS respondents,
       d.headcount,
       round(participation_rate(count(r.respondent_id), d.headcount)::numeric, 1) AS participation,
       round(q12_index(r.answers)::numeric, 1) AS "Q12 index",
       q12_level(q12_index(r.answers)) AS level
FROM departments d LEFT JOIN survey_responses r USING (department)
GROUP BY d.department, d.headcount
ORDER BY q12_index(r.answers) DESC NULLS LAST;

SELECT count(*) AS respondents,
       (SELECT sum(headcount) FROM departments) AS headcount,
       round(participation_rate(count(*), (SELECT sum(headcount) FROM departments))::numeric, 1) AS participation,
       round(q12_index(answers)::numeric, 1) AS "Q12 index",
       q12_level(q12_index(answers)) AS level
FROM survey_responses;
\echo 'Levels: alarming ≤ 50 < satisfactory < 70 ≤ high.  A survey is valid from 50 % participation.'

\echo
\echo '== Three-component engagement index =='
\echo
SELECT round(avg(work)::numeric, 1) AS "work (0–40)",
       round(avg(management)::numeric, 1) AS "management (0–30)",
       round(avg(events)::numeric, 1) AS "events (0–30)",
       round(engagement_index(work, management, events)::numeric, 1) AS "index (0–100)",
       engagement_level(engagement_index(work, management, events)) AS level
FROM survey_responses;
\echo 'Levels: low ≤ 30 < medium ≤ 60 < high.'
