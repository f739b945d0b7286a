-- Moving window frames: every aggregate has an inverse transition function
-- (moving-aggregate mode), and every value equals the same aggregate over
-- that frame alone, computed by a correlated subquery: exactly where the
-- result is a ratio of integer sums, within 1e-12 where it is a mean of
-- per-post rates (in fact exactly too: the sums are exact).

-- every aggregate but the two kept for 1.1 summaries has moving support
SELECT p.oid::regprocedure AS aggregate_without_inverse
FROM pg_aggregate a
JOIN pg_proc p ON p.oid = a.aggfnoid
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'engagement'
WHERE a.aggminvtransfn = 0
ORDER BY 1;

-- 2 accounts, a year of days with gaps, several posts on some days, NULLs,
-- zeros, a follower count that changes now and then
SELECT setseed(0.61);
CREATE TABLE win_posts AS
    SELECT row_number() OVER (ORDER BY account, day, k) AS id, account, day,
           CASE WHEN random() < 0.04 THEN NULL ELSE floor(exp(random() * 7))::int END AS likes,
           floor(exp(random() * 4))::int AS comments,
           floor(exp(random() * 3))::int AS shares,
           CASE WHEN random() < 0.04 THEN 0 ELSE floor(exp(random() * 10))::bigint END AS reach,
           CASE WHEN random() < 0.04 THEN NULL ELSE floor(exp(random() * 11))::bigint END AS views,
           CASE WHEN random() < 0.03 THEN 0 ELSE 1000 + 100 * (extract(doy FROM day)::int / 60) END AS followers,
           CASE WHEN random() < 0.1 THEN NULL ELSE random() < 0.6 END AS answer,
           ARRAY(SELECT CASE WHEN random() < 0.05 THEN NULL ELSE random() < 0.6 END
                 FROM generate_series(1, 12) WHERE k > 0) AS answers,
           CASE WHEN random() < 0.05 THEN NULL ELSE round((random() * 40)::numeric, 2)::float8 END AS work,
           round((random() * 30)::numeric, 2)::float8 AS management,
           CASE WHEN random() < 0.3 THEN NULL ELSE round((random() * 30)::numeric, 2)::float8 END AS events
    FROM generate_series(1, 2) account,
         (SELECT d::date FROM generate_series(date '2026-01-01', date '2026-12-31', interval '1 day') d) d(day),
         generate_series(1, 2) k
    WHERE random() < 0.5;
ALTER TABLE win_posts ADD COLUMN summary engagement_stats;
UPDATE win_posts SET summary = engagement_agg_transfn(NULL::engagement_stats, likes, comments, shares,
                                                      reach, views, followers);
-- the row's number and day group within its account, for the frames below
ALTER TABLE win_posts ADD COLUMN rn bigint, ADD COLUMN grp bigint;
UPDATE win_posts w SET rn = n.rn, grp = n.grp
FROM (SELECT id, row_number() OVER (PARTITION BY account ORDER BY day, id) AS rn,
             dense_rank() OVER (PARTITION BY account ORDER BY day) AS grp
      FROM win_posts) n
WHERE n.id = w.id;
CREATE INDEX ON win_posts (account, rn);
CREATE INDEX ON win_posts (account, day);
CREATE INDEX ON win_posts (account, grp);
ANALYZE win_posts;
SELECT count(*) AS posts, count(DISTINCT day) AS days, count(*) FILTER (WHERE likes IS NULL) AS null_likes
FROM win_posts;

-- check_window(aggregate, frame, condition, filter, tolerance): the aggregate
-- (written over p, with {w} after the aggregate call) over each row's frame
-- in a window, against the same aggregate over the rows that condition (on
-- w, the current row, and p, a row of its account) picks.  Both NULL agree;
-- one NULL, or a difference past the tolerance, does not.
CREATE FUNCTION check_window(aggregate text, frame text, condition text,
                             filter text DEFAULT 'true', tolerance float8 DEFAULT 0)
    RETURNS TABLE (rows bigint, with_value bigint, agreeing bigint)
    LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY EXECUTE format($q$
        WITH moving AS (
            SELECT w.id, %6$s AS v
            FROM win_posts w
        ), alone AS (
            SELECT w.id, (SELECT %1$s FROM win_posts p
                          WHERE p.account = w.account AND (%3$s) AND (%4$s)) AS v
            FROM win_posts w
        )
        SELECT count(*), count(a.v),
               count(*) FILTER (WHERE (m.v IS NULL AND a.v IS NULL) OR agree(m.v, a.v, %5$s))
        FROM moving m JOIN alone a USING (id)$q$,
        replace(aggregate, '{w}', ''), frame, condition, filter, tolerance,
        replace(replace(aggregate, 'p.', 'w.'), '{w}',
                format('FILTER (WHERE %s) OVER (PARTITION BY w.account %s)', replace(filter, 'p.', 'w.'), frame)));
END $$;

-- the frames: 7 rows, 7 days of dates with gaps, 3 day groups, and those
-- excluding the current row, its peers or the whole group; a frame whose
-- start moves is what moving-aggregate mode serves
CREATE TABLE win_frames (frame_name text, frame text, condition text);
INSERT INTO win_frames VALUES
    ('ROWS 6 PRECEDING', 'ORDER BY w.day, w.id ROWS BETWEEN 6 PRECEDING AND CURRENT ROW',
     'p.rn BETWEEN w.rn - 6 AND w.rn'),
    ('ROWS 2 PRECEDING .. 2 FOLLOWING', 'ORDER BY w.day, w.id ROWS BETWEEN 2 PRECEDING AND 2 FOLLOWING',
     'p.rn BETWEEN w.rn - 2 AND w.rn + 2'),
    ('RANGE 6 days', 'ORDER BY w.day RANGE BETWEEN ''6 days'' PRECEDING AND CURRENT ROW',
     'p.day BETWEEN w.day - 6 AND w.day'),
    ('GROUPS 2 PRECEDING', 'ORDER BY w.day GROUPS BETWEEN 2 PRECEDING AND CURRENT ROW',
     'p.grp BETWEEN w.grp - 2 AND w.grp'),
    ('ROWS 6, EXCLUDE CURRENT ROW', 'ORDER BY w.day, w.id ROWS BETWEEN 6 PRECEDING AND CURRENT ROW EXCLUDE CURRENT ROW',
     'p.rn BETWEEN w.rn - 6 AND w.rn - 1'),
    ('RANGE 6 days, EXCLUDE TIES', 'ORDER BY w.day RANGE BETWEEN ''6 days'' PRECEDING AND CURRENT ROW EXCLUDE TIES',
     'p.day BETWEEN w.day - 6 AND w.day AND (p.day < w.day OR p.id = w.id)'),
    ('GROUPS 2, EXCLUDE GROUP', 'ORDER BY w.day GROUPS BETWEEN 2 PRECEDING AND CURRENT ROW EXCLUDE GROUP',
     'p.grp BETWEEN w.grp - 2 AND w.grp - 1');

-- every aggregate, in every width, as its result or an accessor of it
CREATE TABLE win_aggregates (name text, aggregate text, tolerance float8);
INSERT INTO win_aggregates VALUES
    ('er_reach', 'er_reach(p.likes, p.comments, p.shares, p.reach::int) {w}', 0),
    ('er_reach bigint', 'er_reach(p.likes::bigint, p.comments, p.shares, p.reach) {w}', 0),
    ('er_reach smallint', 'er_reach(p.likes::smallint, p.comments::smallint, p.shares::smallint, p.reach::smallint) {w}', 0),
    ('er_view', 'er_view(p.likes, p.comments, p.shares, p.views::int) {w}', 0),
    ('er_view bigint', 'er_view(p.likes::bigint, p.comments, p.shares, p.views) {w}', 0),
    ('er_view smallint', 'er_view(p.likes::smallint, p.comments::smallint, p.shares::smallint, (p.views / 4)::smallint) {w}', 0),
    ('er_post', 'er_post(p.likes, p.comments, p.shares, p.followers::int) {w}', 1e-12),
    ('er_post bigint', 'er_post(p.likes::bigint, p.comments, p.shares, p.followers) {w}', 1e-12),
    ('er_post smallint', 'er_post(p.likes::smallint, p.comments::smallint, p.shares::smallint, p.followers::smallint) {w}', 1e-12),
    ('er_day', 'er_day(p.likes, p.comments, p.shares, p.followers::int) {w}', 1e-12),
    ('er_day bigint', 'er_day(p.likes::bigint, p.comments, p.shares, p.followers) {w}', 1e-12),
    ('er_day smallint', 'er_day(p.likes::smallint, p.comments::smallint, p.shares::smallint, p.followers::smallint) {w}', 1e-12),
    ('er_reach integer/bigint', 'er_reach(p.likes, p.comments, p.shares, p.reach) {w}', 0),
    ('er_view bigint/integer', 'er_view(p.likes::bigint, p.comments::bigint, p.shares::bigint, p.views::int) {w}', 0),
    ('er_post integer/bigint', 'er_post(p.likes, p.comments, p.shares, p.followers::bigint) {w}', 1e-12),
    ('er_day smallint/bigint', 'er_day(p.likes::smallint, p.comments::smallint, p.shares::smallint, p.followers::bigint) {w}', 1e-12),
    ('follower_growth', 'follower_growth(p.day + p.id * interval ''1 second'', p.followers) {w}', 0),
    ('q12_mean', 'q12_mean(1 + p.likes % 5) {w}', 0),
    ('q12_mean smallint', 'q12_mean((1 + p.comments % 5)::smallint) {w}', 0),
    ('q12_mean(integer[])', 'q12_mean(array_fill(1 + p.shares % 5, ARRAY[12])) {w}', 0),
    ('q12_mean(smallint[])', 'q12_mean(ARRAY[1 + p.likes % 5, 1 + p.shares % 5, 1, 2, 3, 4, 5, 1, 2, 3, 4, NULL]::smallint[]) {w}', 0),
    ('percent_favourable', 'percent_favourable(1 + p.likes % 5) {w}', 0),
    ('percent_favourable smallint', 'percent_favourable((1 + p.likes % 5)::smallint) {w}', 0),
    ('percent_favourable(integer[])', 'percent_favourable(ARRAY[1 + p.likes % 5, 1 + p.comments % 5]) {w}', 0),
    ('percent_favourable(smallint[])', 'percent_favourable(ARRAY[1 + p.shares % 5]::smallint[]) {w}', 0),
    ('enps', 'enps(p.likes % 11) {w}', 0),
    ('enps smallint', 'enps((p.comments % 11)::smallint) {w}', 0),
    ('er_reach_interval', 'er_reach_interval(p.likes, p.comments, p.shares, p.reach) {w}', 0),
    ('er_view_interval 0.9', 'er_view_interval(p.likes, p.comments, p.shares, p.views, 0.9) {w}', 0),
    ('q12_interval', 'q12_interval(p.answers) {w}', 0),
    ('q12_interval headcount', 'q12_interval(p.answers, 100000, 0.8) {w}', 0),
    ('rollup: er_reach_interval', 'er_reach_interval(rollup(p.summary) {w})', 0),
    ('amplification_rate', 'amplification_rate(p.shares) {w}', 0),
    ('amplification_rate bigint', 'amplification_rate(p.shares::bigint) {w}', 0),
    ('amplification_rate smallint', 'amplification_rate(p.shares::smallint) {w}', 0),
    ('q12_index(boolean)', 'q12_index(p.answer) {w}', 0),
    ('q12_index(boolean[])', 'q12_index(p.answers) {w}', 0),
    ('engagement_index', 'engagement_index(p.work, p.management, p.events) {w}', 1e-12),
    ('engagement_agg: er_reach', 'er_reach(engagement_agg(p.likes, p.comments, p.shares, p.reach::int, p.views::int, p.followers::int) {w})', 0),
    ('engagement_agg: er_post', 'er_post(engagement_agg(p.likes::bigint, p.comments, p.shares, p.reach, p.views, p.followers) {w})', 1e-12),
    ('engagement_agg: love_rate', 'love_rate(engagement_agg(p.likes::smallint, p.comments::smallint, p.shares::smallint, p.reach::smallint, (p.views / 4)::smallint, p.followers::smallint) {w})', 1e-12),
    ('engagement_agg: posts', 'post_count(engagement_agg(p.likes, p.comments, p.shares, p.reach, p.views, p.followers) {w})', 0),
    ('rollup: er_view', 'er_view(rollup(p.summary) {w})', 0),
    ('rollup: er_day', 'er_day(rollup(p.summary) {w})', 1e-12),
    ('rollup: talk_rate', 'talk_rate(rollup(p.summary) {w})', 1e-12),
    ('rollup: volume', 'engagement_volume(rollup(p.summary) {w})', 0);

-- each aggregate in each frame: as many values as rows, all agreeing
SELECT a.name, count(*) AS frames, sum(c.rows) AS rows, sum(c.with_value) > 0 AS not_vacuous,
       bool_and(c.agreeing = c.rows) AS all_agree
FROM win_aggregates a CROSS JOIN win_frames f,
     LATERAL check_window(a.aggregate, f.frame, f.condition, 'true', a.tolerance) c
GROUP BY a.name ORDER BY a.name;

-- FILTER, and NULL rows entering and leaving the frame
SELECT a.name, c.*
FROM win_aggregates a,
     LATERAL check_window(a.aggregate, 'ORDER BY w.day, w.id ROWS BETWEEN 6 PRECEDING AND CURRENT ROW',
                          'p.rn BETWEEN w.rn - 6 AND w.rn',
                          'p.day < date ''2026-07-01'' OR p.likes > 3', a.tolerance) c
WHERE a.name IN ('er_reach', 'er_post bigint', 'q12_index(boolean)', 'engagement_index', 'rollup: er_day')
ORDER BY a.name;

-- a long partition: 120 000 posts of one account, a rolling 7-post ER post
-- and ER by reach stay equal to each frame alone to the end
CREATE TABLE win_long AS
    SELECT g AS id, floor(exp(random() * 8))::int AS likes, floor(exp(random() * 4))::int AS comments,
           floor(exp(random() * 3))::int AS shares, 1 + floor(exp(random() * 12))::bigint AS reach,
           1 + floor(exp(random() * 15))::bigint AS followers
    FROM generate_series(1, 120000) g;
ALTER TABLE win_long ADD PRIMARY KEY (id);
WITH moving AS (
    SELECT id, er_post(likes, comments, shares, followers) OVER w AS erp,
           er_reach(likes, comments, shares, reach) OVER w AS err
    FROM win_long WINDOW w AS (ORDER BY id ROWS BETWEEN 6 PRECEDING AND CURRENT ROW)
), alone AS (
    SELECT w.id,
           (SELECT er_post(likes, comments, shares, followers) FROM win_long p
            WHERE p.id BETWEEN w.id - 6 AND w.id) AS erp,
           (SELECT er_reach(likes, comments, shares, reach) FROM win_long p
            WHERE p.id BETWEEN w.id - 6 AND w.id) AS err
    FROM win_long w WHERE w.id % 97 = 0 OR w.id > 119900
)
SELECT count(*) AS rows_checked, bool_and(agree(m.erp, a.erp, 1e-12)) AS er_post_agrees,
       bool_and(agree(m.erp, a.erp)) AS er_post_identical, bool_and(agree(m.err, a.err)) AS er_reach_identical
FROM moving m JOIN alone a USING (id);

-- inverse functions check what they remove like the forward ones do
SELECT er_reach_inv_transfn('(10,100)', -1, 0, 0, 1);
SELECT post_rate_inv_transfn('v2(1,33,113427455640313627105004612230039207936,1,3,3)', 1, 0, 0, -3);
SELECT engagement_index_inv_transfn('v2(1,20,0,0,0,0,0,0,0)', 'NaN', NULL, NULL);
-- and never take back what the state does not hold
SELECT er_reach_inv_transfn('(10,100)', 20, 0, 0, 1);
SELECT post_rate_inv_transfn('v2(0,0,0,0,0,0)', 1, 0, 0, 3);
SELECT post_rate_inv_transfn('v2(1,33,113427455640313627105004612230039207936,1,3,3)', 1, 0, 0, 5);
SELECT engagement_stats_inv_combine(engagement_agg(1, 1, 1, 1, 1, 1), engagement_agg(2, 2, 2, 2, 2, 2));
-- a row taken back leaves the state it was added to, but for the follower
-- count: once a second one came, it is forgotten (the mean is the same)
SELECT post_rate_inv_transfn(post_rate_transfn(s, 2, 0, 0, 7), 2, 0, 0, 7)::text AS count_forgotten,
       post_rate_mean_finalfn(post_rate_inv_transfn(post_rate_transfn(s, 2, 0, 0, 7), 2, 0, 0, 7))
           = post_rate_mean_finalfn(s) AS same_mean,
       er_reach_inv_transfn(er_reach_transfn('(10,100)', 1, 2, 3, 4), 1, 2, 3, 4)::text = '(10,100)'::engagement_ratio_state::text AS ratio_restored,
       post_rate_inv_transfn(post_rate_transfn(NULL, 2, 0, 0, 7), 2, 0, 0, 7)::text AS emptied
FROM (SELECT 'v2(1,33,113427455640313627105004612230039207936,1,3,3)'::engagement_mean_state::text::engagement_mean_state AS s) q;

-- a summary that forgot its interval sums (a post with counts near 2^61
-- was in the frame) makes the frame recompute once that post has left:
-- the interval is then the frame's own, not NULL
CREATE TABLE huge_then_small (rn int, likes bigint, reach bigint);
INSERT INTO huge_then_small VALUES (1, 2305843009213693952, 2305843009213693952), (2, 10, 100),
    (3, 20, 100), (4, 30, 200), (5, 15, 100), (6, 25, 300);
SELECT rn, moving IS NOT DISTINCT FROM alone AS same_as_frame_alone, moving IS NULL AS no_interval
FROM (SELECT rn, er_reach_interval(engagement_agg(likes, 0, 0, reach, reach, 1)
                                   OVER (ORDER BY rn ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)) AS moving,
             (SELECT er_reach_interval(engagement_agg(p.likes, 0, 0, p.reach, p.reach, 1))
              FROM huge_then_small p WHERE p.rn BETWEEN h.rn - 2 AND h.rn) AS alone
      FROM huge_then_small h) x
ORDER BY rn;
SELECT rn, moving IS NOT DISTINCT FROM alone AS same_as_frame_alone
FROM (SELECT rn, er_reach_interval(rollup(s) OVER (ORDER BY rn ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)) AS moving,
             (SELECT er_reach_interval(rollup(p.s)) FROM (SELECT rn, engagement_agg(likes, 0, 0, reach, reach, 1) AS s
                                                           FROM huge_then_small GROUP BY rn) p
              WHERE p.rn BETWEEN h.rn - 2 AND h.rn) AS alone
      FROM (SELECT rn, engagement_agg(likes, 0, 0, reach, reach, 1) AS s FROM huge_then_small GROUP BY rn) h) x
ORDER BY rn;
