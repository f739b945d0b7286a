-- Benchmark data; psql variable :rows is the number of posts (and of
-- survey respondents / 10).  Deterministic (setseed).
SELECT setseed(0.31);

-- posts with integer counts; skewed like real accounts: most posts small,
-- a few viral, follower counts spread over four orders of magnitude
CREATE UNLOGGED TABLE posts_int (
    post_id      bigint,
    account_id   int,
    published_at timestamptz,
    likes        int,
    comments     int,
    shares       int,
    views        int,
    reach        int,
    followers    int
);
INSERT INTO posts_int
SELECT g, a, published_at,
       floor(reach * love)::int,
       floor(reach * love * 0.1 * random())::int,
       floor(reach * love * 0.05 * random())::int,
       floor(reach * (1 + random()))::int,
       reach, followers
FROM (
    SELECT g, a, published_at, followers,
           CASE WHEN random() < 0.01 THEN 0
                ELSE floor(followers * (0.05 + 0.3 * random() ^ 2)
                           * CASE WHEN random() < 0.02 THEN 10 ELSE 1 END)::int END AS reach,
           0.005 + 0.08 * random() ^ 3 AS love
    FROM (
        SELECT g, 1 + (g::bigint * 7919) % 1000 AS a,
               timestamptz '2025-01-01 00:00+00' + random() * interval '365 days' AS published_at,
               floor(200 * exp(random() * 8))::int AS followers
        FROM generate_series(1, :rows) g
    ) s
) t;

CREATE UNLOGGED TABLE posts_big AS
SELECT post_id, account_id, published_at,
       likes::bigint AS likes, comments::bigint AS comments, shares::bigint AS shares,
       views::bigint AS views, reach::bigint AS reach, followers::bigint AS followers
FROM posts_int;

-- the README's schema: integer likes, comments and shares, bigint audiences
CREATE UNLOGGED TABLE posts_mixed AS
SELECT post_id, account_id, published_at, likes, comments, shares,
       views::bigint AS views, reach::bigint AS reach, followers::bigint AS followers
FROM posts_int;

-- the survey: wide (one row per respondent, boolean[12]) and long (one row per answer)
CREATE UNLOGGED TABLE survey_wide (
    respondent_id bigint,
    department    int,
    answers       boolean[],
    work          float8,
    management    float8,
    events        float8
);
INSERT INTO survey_wide
SELECT g, g % 20,
       ARRAY[random() < p, random() < p, random() < p, random() < p,
             random() < p, random() < p, random() < p, random() < p,
             random() < p, random() < p, random() < p,
             CASE WHEN random() < 0.05 THEN NULL ELSE random() < p END],
       40 * p * random(), 30 * p * random(), 30 * random()
FROM (SELECT g, 0.4 + 0.5 * random() AS p FROM generate_series(1, :rows / 10) g) s;

-- the same respondents on the 1-5 agreement scale, and the eNPS question
CREATE UNLOGGED TABLE survey_scales AS
SELECT respondent_id, department,
       ARRAY(SELECT CASE WHEN random() < 0.03 THEN NULL
                         ELSE least(5, greatest(1, round(1 + 4 * work / 40 + 2 * random())))::int END
             FROM generate_series(1, 12) WHERE respondent_id > 0) AS scores,
       floor(random() * 11)::int AS nps
FROM survey_wide;

CREATE UNLOGGED TABLE survey_long AS
SELECT respondent_id, department, q AS question, answers[q] AS answer
FROM survey_wide, generate_series(1, 12) q;

-- grouping by day: date_bin is cheap, and the statistics give the planner
-- the real number of days instead of millions
CREATE STATISTICS posts_int_day ON (date_bin('1 day', published_at, '2025-01-01')) FROM posts_int;
CREATE STATISTICS posts_big_day ON (date_bin('1 day', published_at, '2025-01-01')) FROM posts_big;
VACUUM ANALYZE posts_int, posts_big, posts_mixed, survey_wide, survey_scales, survey_long;
