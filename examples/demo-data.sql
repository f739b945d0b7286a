-- Sample data for the demo: three accounts (in New York, Berlin and
-- Tokyo) over 90 days of posts, published between 08:00 and 22:00 local
-- time, their daily follower counts for the 90 local days up to today,
-- and an employee survey.  Deterministic (setseed) but for the dates.
-- Loads the source tables of examples/reporting.sql.
SELECT setseed(0.2026);

INSERT INTO accounts (account_id, name, followers_start, time_zone) VALUES
    (1, 'Northwind Coffee',    12000, 'America/New_York'),
    (2, 'Peak Fitness Club',   45000, 'Europe/Berlin'),
    (3, 'Paper Lantern Books',  3100, 'Asia/Tokyo');

-- followers at the start of each day, new and lost during the day
INSERT INTO account_daily
SELECT account_id, day,
       followers_start + coalesce(sum(new_followers - lost_followers)
           OVER (PARTITION BY account_id ORDER BY day
                 ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0),
       new_followers, lost_followers
FROM (
    SELECT a.account_id, a.followers_start, d::date AS day,
           floor(a.followers_start * (0.0015 + 0.004 * random() ^ 2))::bigint AS new_followers,
           floor(a.followers_start * (0.001 + 0.003 * random()))::bigint AS lost_followers
    FROM accounts a,
         generate_series((now() AT TIME ZONE a.time_zone)::date - 89,
                         (now() AT TIME ZONE a.time_zone)::date, interval '1 day') d
) g;

-- 1 to 3 posts a day; followers at publication.  Reach is skewed with rare
-- viral posts; a few posts have no reach (deleted stories) and a few have
-- likes not yet collected (NULL).
INSERT INTO posts (account_id, published_at, likes, comments, shares, views, reach, followers)
SELECT account_id, published_at,
       CASE WHEN missing THEN NULL ELSE likes END,
       comments, shares, views, reach, followers
FROM (
    SELECT account_id, published_at, followers, views, reach, missing,
           floor(reach * love)::int AS likes,
           floor(reach * love * (0.03 + 0.15 * random()))::int AS comments,
           floor(reach * love * (0.005 + 0.08 * random() ^ 2))::int AS shares
    FROM (
        SELECT account_id, published_at, followers,
               CASE WHEN dead THEN 0 ELSE floor(reach * (1.1 + random()))::bigint END AS views,
               CASE WHEN dead THEN 0 ELSE reach END AS reach,
               0.01 + 0.06 * random() ^ 2 AS love,
               random() < 0.01 AS missing
        FROM (
            SELECT d.account_id, d.followers,
                   (d.day + time '08:00' + random() * interval '14 hours') AT TIME ZONE a.time_zone AS published_at,
                   floor(d.followers * (0.04 + 0.35 * random() ^ 2)
                         * CASE WHEN random() < 0.03 THEN 6 + 10 * random() ELSE 1 END)::bigint AS reach,
                   random() < 0.012 AS dead
            FROM account_daily d JOIN accounts a USING (account_id),
                 LATERAL generate_series(1, 1 + floor(random() * 3)::int + 0 * d.account_id) n
        ) p
    ) q
) r;

-- employee survey: 416 employees in seven departments of three divisions;
-- most answer the survey (a few questions unanswered), and each has
-- indicator scores.  Design has 4 people, too few to show; Research is
-- shown on its own, but hidden too, since Product minus Engineering minus
-- Research would give Design's answers.
CREATE TEMP TABLE department_mood (department text, division text, headcount int, mood float8);
INSERT INTO department_mood VALUES
    ('Engineering', 'Product',     120, 0.80),
    ('Design',      'Product',       4, 0.70),
    ('Research',    'Product',      12, 0.75),
    ('Sales',       'Commercial',   90, 0.68),
    ('Marketing',   'Commercial',   50, 0.74),
    ('Support',     'Operations',   80, 0.45),
    ('Operations',  'Operations',   60, 0.60);
INSERT INTO departments SELECT department, division, headcount FROM department_mood;

CREATE TEMP TABLE employees AS
SELECT row_number() OVER (ORDER BY department, e)::int AS employee_id, department, mood,
       random() < 0.55 + 0.4 * mood AS responds
FROM department_mood, generate_series(1, headcount) e;

-- yes/no answers, the same statements on the 1-5 scale (around 1 + 4 *
-- mood), and the eNPS question (around 10 * mood)
INSERT INTO survey_answers (respondent_id, department, answers, scores, nps, answered_at)
SELECT employee_id, department,
       ARRAY(SELECT CASE WHEN random() < 0.03 THEN NULL ELSE random() < mood END
             FROM generate_series(1, 12) WHERE employee_id > 0),
       ARRAY(SELECT CASE WHEN random() < 0.03 THEN NULL
                         ELSE least(5, greatest(1, round(1 + 4 * mood + 2.4 * (random() - 0.5)))) END
             FROM generate_series(1, 12) WHERE employee_id > 0)::smallint[],
       least(10, greatest(0, round(10 * mood + 6 * (random() - 0.5))))::smallint,
       now() - interval '20 days' + random() * interval '10 days'
FROM employees WHERE responds;

-- the survey ran for two weeks and closed a few days ago: publish it
INSERT INTO survey_waves VALUES ('demo wave', now() - interval '21 days', now() - interval '7 days');
CALL reporting.publish_survey_wave('demo wave');

INSERT INTO indicator_scores (employee_id, department, work, management, events)
SELECT employee_id, department,
       CASE WHEN random() < 0.02 THEN NULL ELSE round((40 * mood * (0.6 + 0.5 * random()))::numeric, 1) END,
       CASE WHEN random() < 0.02 THEN NULL ELSE round((30 * mood * (0.4 + 0.5 * random()))::numeric, 1) END,
       CASE WHEN random() < 0.05 THEN NULL ELSE round((30 * (0.2 + 0.5 * random()))::numeric, 1) END
FROM employees;

ANALYZE;
CALL reporting.refresh_account_day_summary();
