-- A reporting schema over your own tables: the source tables the views
-- expect, and the views that reports and Grafana panels read.
--
--   psql -d analytics -c 'CREATE EXTENSION engagement' -f examples/reporting.sql
--
-- Load your data into the source tables (examples/demo-data.sql loads
-- sample data).  Triggers on posts note which account-days changed; bring
-- the daily summaries up to date, now and then (by hand, from cron or
-- pg_cron; see examples/README.md), with
--
--   CALL reporting.refresh_account_day_summary();
--
-- which re-aggregates only the days whose posts changed.
--
-- Readers get SELECT on the views only, through the role reporting_reader;
-- Grafana's documentation advises a data-source user with no more than
-- that:
--
--   CREATE ROLE grafana LOGIN PASSWORD '…' IN ROLE reporting_reader;

--------------------------------------------------------------------------
-- Source schema
--------------------------------------------------------------------------

-- the social-media accounts being reported on
CREATE TABLE accounts (
    account_id      int PRIMARY KEY,
    name            text NOT NULL,
    followers_start bigint NOT NULL         -- followers on the first day of data
);

-- one row per account and day: the audience at the start of the day and
-- how it changed during the day
CREATE TABLE account_daily (
    account_id     int REFERENCES accounts,
    day            date,
    followers      bigint NOT NULL,
    new_followers  bigint NOT NULL,
    lost_followers bigint NOT NULL,
    PRIMARY KEY (account_id, day)
);
CREATE INDEX account_daily_day ON account_daily (day);

-- one row per post; counts may be NULL while not yet collected, followers
-- is the audience on the day of publication.  Every post has an account
-- and a finite publication time, or it could be summarised on no day: a
-- row without is refused, by the statement that writes it.
CREATE TABLE posts (
    post_id      bigserial PRIMARY KEY,
    account_id   int NOT NULL REFERENCES accounts,
    published_at timestamptz NOT NULL
                 CONSTRAINT posts_published_at_finite CHECK (isfinite(published_at)),
    likes        int,
    comments     int,
    shares       int,
    views        bigint,
    reach        bigint,
    followers    bigint
);
COMMENT ON CONSTRAINT posts_published_at_finite ON posts IS
    'a post is published at a finite time: ''infinity'' and ''-infinity'' fall on no day';
CREATE INDEX posts_published_at ON posts (published_at);
CREATE INDEX posts_account_published_at ON posts (account_id, published_at);

-- employee survey: departments with their division and headcount
CREATE TABLE departments (
    department text PRIMARY KEY,
    division   text NOT NULL,
    headcount  int NOT NULL
);

-- Q12 answers: one row per respondent, the twelve statements in order,
-- true = yes, NULL = not answered; the same statements on the 1-5
-- agreement scale (1 strongly disagree ... 5 strongly agree), and the eNPS
-- question "how likely are you to recommend us as an employer", 0-10
-- survey waves: an answer belongs to the wave whose [opens_at, closes_at)
-- holds its answered_at; a wave's figures are published once it closed
CREATE TABLE survey_waves (
    wave      text PRIMARY KEY,
    opens_at  timestamptz NOT NULL,
    closes_at timestamptz NOT NULL CHECK (closes_at > opens_at)
);

CREATE TABLE survey_answers (
    respondent_id int NOT NULL,
    department    text NOT NULL REFERENCES departments,
    answers       boolean[] NOT NULL CHECK (cardinality(answers) = 12),
    scores        smallint[] CHECK (cardinality(scores) = 12),
    nps           smallint CHECK (nps BETWEEN 0 AND 10),
    answered_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (respondent_id, answered_at)
);

-- three-indicator scores per employee: work process (0–40), optimisation
-- and management (0–30), corporate events (0–30); NULL = no score
CREATE TABLE indicator_scores (
    employee_id int PRIMARY KEY,
    department  text NOT NULL REFERENCES departments,
    work        float8,
    management  float8,
    events      float8
);

--------------------------------------------------------------------------
-- Reporting schema
--------------------------------------------------------------------------

CREATE SCHEMA reporting;

CREATE VIEW reporting.accounts AS
    SELECT account_id, name FROM accounts;
COMMENT ON VIEW reporting.accounts IS 'accounts, for pickers such as a Grafana variable';

-- One summary per account and UTC day; every SMM metric of any period is
-- read from rollup() of these rows, without going back to the posts.  A
-- table, kept current incrementally: statement triggers on posts note the
-- account-days an INSERT, UPDATE or DELETE touched (late metrics are
-- normal: a post's likes grow for days), and refresh_account_day_summary()
-- re-aggregates exactly those days from the posts.
CREATE TABLE reporting.account_day_summary (
    account_id int NOT NULL,
    day        date NOT NULL,
    day_start  timestamptz NOT NULL,      -- day at 00:00 UTC, for time filters
    stats      engagement_stats NOT NULL,
    -- day first: a view filtered on a range of days reads those days only
    PRIMARY KEY (day, account_id)
);
CREATE INDEX account_day_summary_day_start ON reporting.account_day_summary (day_start);
COMMENT ON TABLE reporting.account_day_summary IS
    'engagement_stats per account and UTC day; CALL reporting.refresh_account_day_summary() brings it up to date';

-- the account-days whose posts changed since the last refresh (with repeats)
CREATE TABLE reporting.summary_changes (
    account_id int NOT NULL,
    day        date NOT NULL
);
COMMENT ON TABLE reporting.summary_changes IS
    'account-days whose posts changed since reporting.refresh_account_day_summary() last ran';

CREATE FUNCTION reporting.note_changed_days() RETURNS trigger
    LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO reporting.summary_changes
        SELECT DISTINCT account_id, (published_at AT TIME ZONE 'UTC')::date FROM new_posts;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO reporting.summary_changes
        SELECT DISTINCT account_id, (published_at AT TIME ZONE 'UTC')::date FROM old_posts;
    END IF;
    RETURN NULL;
END $$;
COMMENT ON FUNCTION reporting.note_changed_days() IS
    'statement trigger on posts: notes the account-days a statement touched';
CREATE TRIGGER posts_inserted AFTER INSERT ON posts REFERENCING NEW TABLE AS new_posts
    FOR EACH STATEMENT EXECUTE FUNCTION reporting.note_changed_days();
CREATE TRIGGER posts_updated AFTER UPDATE ON posts REFERENCING OLD TABLE AS old_posts NEW TABLE AS new_posts
    FOR EACH STATEMENT EXECUTE FUNCTION reporting.note_changed_days();
CREATE TRIGGER posts_deleted AFTER DELETE ON posts REFERENCING OLD TABLE AS old_posts
    FOR EACH STATEMENT EXECUTE FUNCTION reporting.note_changed_days();

-- after TRUNCATE posts every summary is gone with them
CREATE FUNCTION reporting.forget_all_days() RETURNS trigger
    LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    DELETE FROM reporting.account_day_summary;
    DELETE FROM reporting.summary_changes;
    RETURN NULL;
END $$;
COMMENT ON FUNCTION reporting.forget_all_days() IS
    'statement trigger on TRUNCATE posts: empties the daily summaries';
CREATE TRIGGER posts_truncated AFTER TRUNCATE ON posts
    FOR EACH STATEMENT EXECUTE FUNCTION reporting.forget_all_days();

-- Partitioned posts.  The triggers above see the statements on posts
-- itself; a statement on a partition fires that partition's triggers only,
-- so every partition below posts gets the same triggers (and one noting
-- the days of its rows before a TRUNCATE).  reporting.posts_partitions
-- lists the partitions that have them; watch_posts_partitions() compares
-- it with the partitions posts has now: a partition created or attached
-- since gets the triggers and every account-day of its rows noted; one
-- detached has its triggers removed and the account-days of its rows
-- noted (its triggers noted every change made to it meanwhile); one
-- dropped has lost its rows unseen, so every summarised account-day is
-- noted and the next refresh re-aggregates them all (DETACH first, then
-- DROP, to keep that refresh small).  The refresh calls it first; an event
-- trigger, made when a superuser runs this file, calls it after every
-- CREATE TABLE and ALTER TABLE, so that a new partition is watched at once.
-- A foreign partition is refused: PostgreSQL collects no transition tables
-- from foreign tables, so an insert into posts would fail.
CREATE TABLE reporting.posts_partitions (
    partition regclass PRIMARY KEY
);
COMMENT ON TABLE reporting.posts_partitions IS
    'the partitions of posts whose changes are noted by triggers of their own';

CREATE FUNCTION reporting.note_days_of(relation regclass) RETURNS void
    LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    EXECUTE format('INSERT INTO reporting.summary_changes
                    SELECT DISTINCT account_id, (published_at AT TIME ZONE ''UTC'')::date FROM %s',
                   relation);
END $$;
COMMENT ON FUNCTION reporting.note_days_of(regclass) IS
    'notes every account-day with a post in a partition of posts (or a table detached from it)';

CREATE FUNCTION reporting.note_truncated_days() RETURNS trigger
    LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    PERFORM reporting.note_days_of(TG_RELID::regclass);
    RETURN NULL;
END $$;
COMMENT ON FUNCTION reporting.note_truncated_days() IS
    'statement trigger before TRUNCATE of a partition of posts: notes the account-days of its rows';

CREATE FUNCTION reporting.watch_posts_partitions() RETURNS void
    LANGUAGE plpgsql SET search_path FROM CURRENT SET client_min_messages = warning AS $$
DECLARE
    part regclass;
    trigger_name text;
BEGIN
    IF to_regclass('posts') IS NULL THEN
        RETURN;
    END IF;
    SELECT t.relid INTO part
    FROM pg_partition_tree('posts') t JOIN pg_class c ON c.oid = t.relid
    WHERE c.relkind = 'f' LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'posts cannot have a foreign partition: %', part
            USING ERRCODE = 'feature_not_supported',
                  DETAIL = 'The triggers that note which account-days changed read transition tables, which PostgreSQL does not collect from foreign tables: an insert into posts would fail.',
                  HINT = 'Keep the foreign table out of posts: copy its rows into a local partition, or report on it with a schema of its own.';
    END IF;
    -- gone since: detached (its rows still readable) or dropped
    FOR part IN
        SELECT w.partition FROM reporting.posts_partitions w
        WHERE w.partition NOT IN (SELECT relid FROM pg_partition_tree('posts') WHERE level > 0)
    LOOP
        IF EXISTS (SELECT FROM pg_class WHERE oid = part) THEN
            PERFORM reporting.note_days_of(part);
            FOREACH trigger_name IN ARRAY ARRAY['posts_inserted', 'posts_updated', 'posts_deleted', 'posts_truncated'] LOOP
                EXECUTE format('DROP TRIGGER IF EXISTS %I ON %s', trigger_name, part);
            END LOOP;
        ELSE
            INSERT INTO reporting.summary_changes SELECT account_id, day FROM reporting.account_day_summary;
        END IF;
        DELETE FROM reporting.posts_partitions WHERE partition::oid = part::oid;
    END LOOP;
    -- new since: created or attached
    FOR part IN
        SELECT relid FROM pg_partition_tree('posts')
        WHERE level > 0 AND relid NOT IN (SELECT partition FROM reporting.posts_partitions)
    LOOP
        EXECUTE format('DROP TRIGGER IF EXISTS posts_inserted ON %1$s;
            CREATE TRIGGER posts_inserted AFTER INSERT ON %1$s REFERENCING NEW TABLE AS new_posts
                FOR EACH STATEMENT EXECUTE FUNCTION reporting.note_changed_days();
            DROP TRIGGER IF EXISTS posts_updated ON %1$s;
            CREATE TRIGGER posts_updated AFTER UPDATE ON %1$s REFERENCING OLD TABLE AS old_posts NEW TABLE AS new_posts
                FOR EACH STATEMENT EXECUTE FUNCTION reporting.note_changed_days();
            DROP TRIGGER IF EXISTS posts_deleted ON %1$s;
            CREATE TRIGGER posts_deleted AFTER DELETE ON %1$s REFERENCING OLD TABLE AS old_posts
                FOR EACH STATEMENT EXECUTE FUNCTION reporting.note_changed_days();
            DROP TRIGGER IF EXISTS posts_truncated ON %1$s;
            CREATE TRIGGER posts_truncated BEFORE TRUNCATE ON %1$s
                FOR EACH STATEMENT EXECUTE FUNCTION reporting.note_truncated_days()', part);
        PERFORM reporting.note_days_of(part);
        INSERT INTO reporting.posts_partitions VALUES (part);
    END LOOP;
END $$;
COMMENT ON FUNCTION reporting.watch_posts_partitions() IS
    'gives the partitions of posts created or attached since the triggers that note changed days, and notes the days of partitions created, attached, detached or dropped since';
DO $$ BEGIN PERFORM reporting.watch_posts_partitions(); END $$;

-- DDL on other tables returns at once, touching nothing of reporting: a
-- role without rights on it keeps its DDL
CREATE FUNCTION reporting.watch_posts_partitions_after_ddl() RETURNS event_trigger
    LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF EXISTS (SELECT FROM pg_event_trigger_ddl_commands() c
               WHERE c.classid = 'pg_class'::regclass
                 AND c.objid IN (SELECT relid FROM pg_partition_tree(to_regclass('posts')))) THEN
        PERFORM reporting.watch_posts_partitions();
    END IF;
END $$;
COMMENT ON FUNCTION reporting.watch_posts_partitions_after_ddl() IS
    'event trigger after CREATE TABLE and ALTER TABLE: watches the partitions of posts at once';
DO $$
BEGIN
    IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        CREATE EVENT TRIGGER reporting_watch_posts_partitions ON ddl_command_end
            WHEN TAG IN ('CREATE TABLE', 'CREATE TABLE AS', 'CREATE FOREIGN TABLE', 'ALTER TABLE', 'ALTER FOREIGN TABLE')
            EXECUTE FUNCTION reporting.watch_posts_partitions_after_ddl();
        COMMENT ON EVENT TRIGGER reporting_watch_posts_partitions IS
            'watches the partitions of posts created or attached, and refuses a foreign one, as soon as the statement ends';
    ELSE
        RAISE NOTICE 'not a superuser: new partitions of posts are watched from the next refresh on'
            USING HINT = 'Until then, rows written into a new partition directly are noted by that refresh, which reads the whole partition.';
    END IF;
END $$;

-- Re-aggregates the noted account-days, in one statement: the changes it
-- takes and the posts it reads come from one snapshot, so a change
-- committed later stays noted for the next run.  Runs one at a time, at
-- READ COMMITTED: its statement's snapshot is taken after the advisory
-- lock is granted, so it never deletes a change another run took.  The
-- statement is planned afresh at each call (EXECUTE), with the number of
-- changes there are now: a plan cached in a session whose first call saw
-- an empty change table would join every day to every other one.  The
-- functions here resolve names with the search_path this file ran with.
CREATE FUNCTION reporting.require_read_committed(caller text) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION '% runs at READ COMMITTED, not at %', caller,
                        upper(current_setting('transaction_isolation'))
            USING ERRCODE = 'feature_not_supported',
                  DETAIL = 'At a stricter level its snapshot would be older than the lock that serialises the runs, and a concurrent run would make it fail.',
                  HINT = 'CALL it in a transaction of its own at READ COMMITTED: outside BEGIN with default_transaction_isolation = ''read committed'', or after BEGIN ISOLATION LEVEL READ COMMITTED.';
    END IF;
END $$;
COMMENT ON FUNCTION reporting.require_read_committed(text) IS
    'refuses a refresh or rebuild at REPEATABLE READ or SERIALIZABLE, saying how to call it';

CREATE PROCEDURE reporting.refresh_account_day_summary()
    LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    PERFORM reporting.require_read_committed('reporting.refresh_account_day_summary()');
    PERFORM pg_advisory_xact_lock('reporting.account_day_summary'::regclass::oid::bigint);
    PERFORM reporting.watch_posts_partitions();
    EXECUTE $refresh$
    WITH taken AS (
        DELETE FROM reporting.summary_changes RETURNING account_id, day
    ), days AS (
        SELECT DISTINCT account_id, day FROM taken
    ), fresh AS (
        SELECT d.account_id, d.day, engagement_agg(p.likes, p.comments, p.shares, p.reach, p.views, p.followers) AS stats
        FROM days d
        JOIN posts p ON p.account_id = d.account_id
                           AND p.published_at >= d.day::timestamp AT TIME ZONE 'UTC'
                           AND p.published_at < (d.day + 1)::timestamp AT TIME ZONE 'UTC'
        GROUP BY d.account_id, d.day
    ), emptied AS (
        DELETE FROM reporting.account_day_summary s
        USING days d
        WHERE s.account_id = d.account_id AND s.day = d.day
          AND NOT EXISTS (SELECT FROM fresh f WHERE f.account_id = d.account_id AND f.day = d.day)
    )
    INSERT INTO reporting.account_day_summary AS s (account_id, day, day_start, stats)
    SELECT f.account_id, f.day, f.day::timestamp AT TIME ZONE 'UTC', f.stats
    FROM fresh f
    -- a day's summaries side by side: a panel of a week reads a week of pages
    ORDER BY f.day, f.account_id
    -- a summary that comes out the same is not rewritten
    ON CONFLICT (account_id, day) DO UPDATE SET stats = EXCLUDED.stats
        WHERE s.stats IS DISTINCT FROM EXCLUDED.stats
    $refresh$;
END $$;
COMMENT ON PROCEDURE reporting.refresh_account_day_summary() IS
    'brings reporting.account_day_summary up to date: re-aggregates the account-days whose posts changed (at READ COMMITTED)';

-- every account-day in a range, for a first load or a repair
CREATE PROCEDURE reporting.rebuild_account_day_summary(from_day date, to_day date)
    LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    PERFORM reporting.require_read_committed('reporting.rebuild_account_day_summary()');
    EXECUTE $rebuild$
    INSERT INTO reporting.summary_changes
    SELECT DISTINCT account_id, (published_at AT TIME ZONE 'UTC')::date FROM posts
    WHERE published_at >= $1::timestamp AT TIME ZONE 'UTC'
      AND published_at < ($2 + 1)::timestamp AT TIME ZONE 'UTC'
    UNION
    SELECT account_id, day FROM reporting.account_day_summary WHERE day BETWEEN $1 AND $2
    $rebuild$ USING from_day, to_day;
    CALL reporting.refresh_account_day_summary();
END $$;
COMMENT ON PROCEDURE reporting.rebuild_account_day_summary(date, date) IS
    're-aggregates every account-day from from_day to to_day, whatever was noted (at READ COMMITTED)';

-- the days with an audience row, and the days with posts but none (their
-- audience columns NULL); a filter on day reaches both tables' keys
CREATE VIEW reporting.daily_metrics AS
    SELECT d.account_id, a.name AS account, d.day,
           d.day::timestamp AT TIME ZONE 'UTC' AS day_start,
           d.followers, d.new_followers, d.lost_followers,
           follower_growth(d.new_followers, d.lost_followers, d.followers) AS net_follower_growth,
           coalesce(post_count(s.stats), 0) AS posts,
           engagement_volume(s.stats) AS engagements,
           er_reach(s.stats) AS er_reach,
           er_post(s.stats) AS er_post,
           er_day(s.stats) AS er_day,
           er_view(s.stats) AS er_view,
           love_rate(s.stats) AS love_rate,
           talk_rate(s.stats) AS talk_rate,
           amplification_rate(s.stats) AS amplification_rate
    FROM account_daily d
    JOIN accounts a USING (account_id)
    LEFT JOIN reporting.account_day_summary s USING (account_id, day)
    UNION ALL
    SELECT s.account_id, a.name, s.day, s.day_start,
           NULL, NULL, NULL, NULL,
           post_count(s.stats), engagement_volume(s.stats),
           er_reach(s.stats), er_post(s.stats), er_day(s.stats), er_view(s.stats),
           love_rate(s.stats), talk_rate(s.stats), amplification_rate(s.stats)
    FROM reporting.account_day_summary s
    JOIN accounts a USING (account_id)
    WHERE NOT EXISTS (SELECT FROM account_daily d WHERE d.account_id = s.account_id AND d.day = s.day);
COMMENT ON VIEW reporting.daily_metrics IS
    'per account and day with an audience row or posts: audience, net follower growth and every engagement rate, in percent';

-- weeks and months: summaries merged with rollup; ER day is the average
-- over the days of the period with posts; growth is relative to the
-- audience at the start of the period
CREATE VIEW reporting.weekly_metrics AS
    SELECT account_id, a.name AS account, week,
           week::timestamp AT TIME ZONE 'UTC' AS week_start,
           post_count(s) AS posts, engagement_volume(s) AS engagements,
           er_reach(s) AS er_reach, er_post(s) AS er_post, avg_er_day AS er_day,
           er_view(s) AS er_view, love_rate(s) AS love_rate, talk_rate(s) AS talk_rate,
           amplification_rate(s) AS amplification_rate
    FROM (SELECT account_id, date_trunc('week', day)::date AS week,
                 rollup(stats) AS s, avg(er_day(stats)) AS avg_er_day
          FROM reporting.account_day_summary
          GROUP BY 1, 2) w
    JOIN accounts a USING (account_id);
COMMENT ON VIEW reporting.weekly_metrics IS
    'per account and ISO week, from the daily summaries: every engagement rate, in percent';

-- rolling 7-day rates per account and day: the daily summaries merged over a
-- moving window frame (each day's frame costs the same, whatever its size,
-- since rollup takes back the day that leaves it).  A filter on this view is
-- applied after the window; a dashboard over a short range filters the
-- daily summaries itself (see the Grafana panel "Rolling 7-day ER").
CREATE VIEW reporting.rolling_7_days AS
    SELECT account_id, a.name AS account, day, day_start,
           post_count(s7) AS posts, er_reach(s7) AS er_reach, er_post(s7) AS er_post,
           er_view(s7) AS er_view, love_rate(s7) AS love_rate, talk_rate(s7) AS talk_rate
    FROM (SELECT account_id, day, day_start,
                 rollup(stats) OVER (PARTITION BY account_id ORDER BY day
                                     RANGE BETWEEN '6 days' PRECEDING AND CURRENT ROW) AS s7
          FROM reporting.account_day_summary) w
    JOIN accounts a USING (account_id);
COMMENT ON VIEW reporting.rolling_7_days IS
    'per account and day: engagement rates over that day and the 6 before it, in percent';

CREATE VIEW reporting.monthly_metrics AS
    SELECT account_id, a.name AS account, month,
           month::timestamp AT TIME ZONE 'UTC' AS month_start,
           post_count(s) AS posts, engagement_volume(s) AS engagements,
           er_reach(s) AS er_reach, er_post(s) AS er_post, avg_er_day AS er_day,
           er_view(s) AS er_view, love_rate(s) AS love_rate, talk_rate(s) AS talk_rate,
           amplification_rate(s) AS amplification_rate,
           g.follower_growth
    FROM (SELECT account_id, date_trunc('month', day)::date AS month,
                 rollup(stats) AS s, avg(er_day(stats)) AS avg_er_day
          FROM reporting.account_day_summary
          GROUP BY 1, 2) m
    JOIN accounts a USING (account_id)
    -- growth from the month's first daily follower count to its last
    LEFT JOIN (SELECT account_id, date_trunc('month', day)::date AS month,
                      follower_growth(day, followers) AS follower_growth
               FROM account_daily
               GROUP BY 1, 2) g USING (account_id, month);
COMMENT ON VIEW reporting.monthly_metrics IS
    'per account and month, from the daily summaries: every engagement rate and the follower growth over the month, in percent';

-- no window function here: a filter on published_at or account_id reaches
-- the posts' indexes, so a panel's top 5 of a week reads that week only
CREATE VIEW reporting.top_posts AS
    SELECT p.post_id, p.account_id, a.name AS account, p.published_at,
           p.reach, p.views, p.likes, p.comments, p.shares,
           er_reach(engagement_volume(p.likes, p.comments, p.shares), p.reach) AS er_reach,
           er_post(engagement_volume(p.likes, p.comments, p.shares), p.followers) AS er_post
    FROM posts p JOIN accounts a USING (account_id);
COMMENT ON VIEW reporting.top_posts IS
    'every post with its ER by reach and ER post; filter by published_at and order by reach for the top posts';

-- Survey figures are published per closed wave, already decided: readers
-- never see a view over the answers, so no plan, filter, error or
-- statistic they can read depends on a hidden group's answers, and one
-- more answer after a wave closed changes nothing published for it.
--
-- reporting.publish_survey_wave(wave) computes every level of the wave
-- (the company {}, each division {division}, each department {division,
-- department}) and decides them together with disclosable(path,
-- respondents, headcount) in one partition: a group with fewer respondents
-- than engagement.min_group_size (5 unless set otherwise), or a smaller
-- headcount, is hidden, so is everything under a hidden group, and under a
-- shown group more groups are hidden (the smallest first) until the hidden
-- ones add up to that many people and respondents, so no difference of
-- published figures, across levels, isolates fewer.  Figures (and
-- intervals) are computed for the groups shown only.  A headcount below
-- the respondents stops the publication, naming the group.
--
-- The views decide again with the reader's own minimum (an administrator
-- may set a larger one for a role: ALTER ROLE grafana SET
-- engagement.min_group_size = 7), from the true counts kept in the
-- published rows, which readers cannot select.
CREATE TABLE reporting.survey_results (
    wave               text NOT NULL REFERENCES survey_waves,
    path               text[] NOT NULL,
    division           text,
    department         text,
    headcount          bigint NOT NULL,
    respondents        bigint NOT NULL,
    published          boolean NOT NULL,
    q12_index          float8,
    q12_interval       percent_range,
    q12_mean           float8,
    percent_favourable float8,
    enps               float8,
    drivers            float8[],
    PRIMARY KEY (wave, path)
);

CREATE PROCEDURE reporting.publish_survey_wave(wave_name text)
LANGUAGE plpgsql AS $$
DECLARE
    w survey_waves;
BEGIN
    SELECT * INTO w FROM survey_waves WHERE wave = wave_name;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'survey wave "%" does not exist', wave_name;
    END IF;
    IF w.closes_at > now() THEN
        RAISE EXCEPTION 'survey wave "%" is still open', wave_name
            USING DETAIL = format('It closes at %s; figures are published per closed wave.', w.closes_at);
    END IF;
    DELETE FROM reporting.survey_results WHERE wave = wave_name;
    -- the sizes of every level and the decision, before any figure: an
    -- inconsistent headcount stops here, naming the group
    INSERT INTO reporting.survey_results (wave, path, division, department, headcount, respondents, published)
    SELECT wave_name, path, division, department, headcount, respondents,
           disclosable(path, respondents, headcount) OVER ()
    FROM (SELECT CASE WHEN grouping(d.division) = 1 THEN '{}'::text[]
                      WHEN grouping(d.department) = 1 THEN ARRAY[d.division]
                      ELSE ARRAY[d.division, d.department] END AS path,
                 d.division, d.department, sum(d.headcount)::bigint AS headcount,
                 coalesce(sum(a.respondents), 0)::bigint AS respondents
          FROM departments d
          LEFT JOIN (SELECT department, count(*) AS respondents FROM survey_answers
                     WHERE answered_at >= w.opens_at AND answered_at < w.closes_at
                     GROUP BY department) a USING (department)
          GROUP BY ROLLUP (d.division, d.department)) levels;
    -- the figures of the groups shown
    UPDATE reporting.survey_results r
    SET q12_index = f.q12_index, q12_interval = f.q12_interval, q12_mean = f.q12_mean,
        percent_favourable = f.percent_favourable, enps = f.enps, drivers = f.drivers
    FROM (SELECT p.path, q12_index(s.answers) AS q12_index, q12_interval(s.answers, p.headcount) AS q12_interval,
                 q12_mean(s.scores) AS q12_mean, percent_favourable(s.scores) AS percent_favourable,
                 enps(s.nps) AS enps, driver_correlations(s.scores, s.nps) AS drivers
          FROM reporting.survey_results p
          JOIN departments d ON p.path = '{}' OR p.path = ARRAY[d.division] OR p.path = ARRAY[d.division, d.department]
          JOIN survey_answers s ON s.department = d.department
           AND s.answered_at >= w.opens_at AND s.answered_at < w.closes_at
          WHERE p.wave = wave_name AND p.published
          GROUP BY p.path, p.headcount) f
    WHERE r.wave = wave_name AND r.path = f.path;
END
$$;
COMMENT ON PROCEDURE reporting.publish_survey_wave(text) IS
    'publishes a closed survey wave: every level decided together by disclosable(path, respondents, headcount), figures for the groups shown only';

-- every published level, decided again with the reader's minimum; hidden
-- groups keep their path and headcount, every other figure is NULL
CREATE VIEW reporting.survey_levels WITH (security_barrier) AS
    SELECT wave, path, division, department, headcount,
           CASE WHEN shown THEN respondents END AS respondents,
           CASE WHEN shown THEN participation_rate(respondents, headcount) END AS participation,
           CASE WHEN shown THEN participation_rate(respondents, headcount) >= 50 END AS valid,
           CASE WHEN shown THEN q12_index END AS q12_index,
           CASE WHEN shown THEN q12_level(q12_index) END AS q12_level,
           CASE WHEN shown THEN q12_interval END AS q12_interval,
           CASE WHEN shown THEN q12_mean END AS q12_mean,
           CASE WHEN shown THEN percent_favourable END AS percent_favourable,
           CASE WHEN shown THEN enps END AS enps,
           CASE WHEN shown THEN drivers END AS drivers,
           shown AS disclosed,
           CASE WHEN NOT shown THEN 'hidden: too few people, or would reveal a smaller group by subtraction' END
               AS hidden_because
    FROM (SELECT r.*, r.published AND disclosable(r.path, r.respondents, r.headcount) OVER (PARTITION BY r.wave) AS shown
          FROM reporting.survey_results r) judged;
COMMENT ON VIEW reporting.survey_levels IS
    'every published survey level of every closed wave (path {} the company, {division}, {division,department}), shown only where disclosable with the reader''s minimum';

-- key drivers: how each of the twelve statements (1-5 scale) goes with the
-- eNPS answer, per shown group of the latest published wave (Pearson's r,
-- NULL for a statement answered by fewer than 20 people of the group)
CREATE VIEW reporting.survey_drivers AS
    SELECT wave, path, division, department, item::int AS item, 'Q' || item AS statement, r
    FROM reporting.survey_levels, unnest(drivers) WITH ORDINALITY AS d(r, item)
    WHERE disclosed
      AND wave = (SELECT r.wave FROM reporting.survey_results r JOIN survey_waves USING (wave)
                  ORDER BY closes_at DESC LIMIT 1);
COMMENT ON VIEW reporting.survey_drivers IS
    'key drivers per shown group of the latest published wave: each Q12 statement''s correlation with the eNPS answer (driver_correlations)';

-- the latest published wave, by level, as the dashboard reads it
CREATE VIEW reporting.survey_by_department AS
    SELECT division, department, headcount, respondents, participation, valid, q12_index, q12_level,
           q12_interval, q12_mean, percent_favourable, enps, disclosed, hidden_because, wave
    FROM reporting.survey_levels
    WHERE cardinality(path) = 2
      AND wave = (SELECT r.wave FROM reporting.survey_results r JOIN survey_waves USING (wave)
                  ORDER BY closes_at DESC LIMIT 1);
COMMENT ON VIEW reporting.survey_by_department IS
    'survey per department, latest published wave, for disclosable groups only: participation (valid from 50 %), Q12 index in percent, its level and its 95 % interval (with the finite-population correction for the headcount), mean score (1-5), % favourable, eNPS';

CREATE VIEW reporting.survey_by_division AS
    SELECT division, headcount, respondents, participation, valid, q12_index, q12_level,
           q12_mean, percent_favourable, enps, disclosed, hidden_because, wave
    FROM reporting.survey_levels
    WHERE cardinality(path) = 1
      AND wave = (SELECT r.wave FROM reporting.survey_results r JOIN survey_waves USING (wave)
                  ORDER BY closes_at DESC LIMIT 1);
COMMENT ON VIEW reporting.survey_by_division IS
    'survey per division, latest published wave, for disclosable divisions only (the same figures as survey_by_department)';

CREATE VIEW reporting.company_engagement AS
    SELECT q.respondents, q.headcount, q.participation, q.q12_index, q.q12_level, q.q12_mean,
           q.percent_favourable, q.enps,
           i.work, i.management, i.events, i.engagement_index,
           engagement_level(i.engagement_index) AS engagement_level
    FROM (SELECT * FROM reporting.survey_levels
          WHERE path = '{}'
            AND wave = (SELECT r.wave FROM reporting.survey_results r JOIN survey_waves USING (wave)
                        ORDER BY closes_at DESC LIMIT 1)) q,
         (SELECT avg(work) AS work, avg(management) AS management, avg(events) AS events,
                 engagement_index(work, management, events) AS engagement_index
          FROM indicator_scores) i;
COMMENT ON VIEW reporting.company_engagement IS
    'the whole company, latest published wave: survey participation, Q12 index and level, mean score, % favourable, eNPS (if the company has enough respondents), three-component engagement index and level';

--------------------------------------------------------------------------
-- Writers of posts
--------------------------------------------------------------------------

-- The triggers on posts run as the role whose statement fires them: a role
-- that writes posts must be able to note the days it changed.
CREATE PROCEDURE reporting.grant_posts_writer(writer regrole)
    LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    part regclass;
BEGIN
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON posts TO %s', writer);
    FOR part IN SELECT relid FROM pg_partition_tree('posts') WHERE level > 0 LOOP
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO %s', part, writer);
    END LOOP;
    IF pg_get_serial_sequence('posts', 'post_id') IS NOT NULL THEN
        EXECUTE format('GRANT USAGE ON SEQUENCE %s TO %s', pg_get_serial_sequence('posts', 'post_id'), writer);
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA reporting TO %s', writer);
    EXECUTE format('GRANT INSERT ON reporting.summary_changes TO %s', writer);
END $$;
COMMENT ON PROCEDURE reporting.grant_posts_writer(regrole) IS
    'lets a role insert, update and delete posts (and the partitions posts has now): the rights on posts and its sequence, and INSERT on reporting.summary_changes, where its statements note the days they changed';

--------------------------------------------------------------------------
-- Read-only access
--------------------------------------------------------------------------

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'reporting_reader') THEN
        CREATE ROLE reporting_reader NOLOGIN;
    END IF;
END $$;
GRANT USAGE ON SCHEMA reporting TO reporting_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO reporting_reader;
-- the published survey rows keep every group's true respondents, for the
-- views to decide with each reader's minimum: readers get the views only
REVOKE ALL ON reporting.survey_results FROM reporting_reader;

--------------------------------------------------------------------------
-- Insights
--------------------------------------------------------------------------

-- Did ER by reach change from last month?  Each month's summary against
-- the month before it (of the same account, when it had posts), with the
-- 95 % interval of the change in percentage points (posts as sampling
-- units, the two months independent); "changed" when the interval leaves
-- out 0.
CREATE VIEW reporting.monthly_er_change AS
    SELECT account_id, a.name AS account, month,
           month::timestamp AT TIME ZONE 'UTC' AS month_start,
           post_count(s) AS posts, er_reach(s) AS er_reach,
           er_reach(previous) AS previous_er_reach,
           er_reach(s) - er_reach(previous) AS change,
           lower(er_reach_diff_interval(s, previous)) AS change_lower,
           upper(er_reach_diff_interval(s, previous)) AS change_upper,
           NOT er_reach_diff_interval(s, previous) @> 0::float8 AS changed
    FROM (SELECT account_id, month, s,
                 CASE WHEN lag(month) OVER w = month - interval '1 month' THEN lag(s) OVER w END AS previous
          FROM (SELECT account_id, date_trunc('month', day)::date AS month, rollup(stats) AS s
                FROM reporting.account_day_summary
                GROUP BY 1, 2) m
          WINDOW w AS (PARTITION BY account_id ORDER BY month)) x
    JOIN accounts a USING (account_id);
COMMENT ON VIEW reporting.monthly_er_change IS
    'per account and month: ER by reach, the month before, the change in percentage points and its 95 % interval (er_reach_diff_interval); changed when the interval leaves out 0';

-- When to post: one summary per account and UTC hour with posts, with the
-- weekday (1 Monday .. 7 Sunday) and hour of day in UTC, for a dashboard
-- that merges them over its time range and accounts
CREATE VIEW reporting.hourly_summaries AS
    SELECT p.account_id, a.name AS account,
           date_bin('1 hour', p.published_at, timestamptz '2000-01-01 00:00+00') AS hour_start,
           extract(isodow FROM p.published_at AT TIME ZONE 'UTC')::int AS weekday,
           extract(hour FROM p.published_at AT TIME ZONE 'UTC')::int AS hour,
           engagement_agg(p.likes, p.comments, p.shares, p.reach, p.views, p.followers) AS stats
    FROM posts p JOIN accounts a USING (account_id)
    GROUP BY 1, 2, 3, 4, 5;
COMMENT ON VIEW reporting.hourly_summaries IS
    'engagement_stats per account and UTC hour with posts, with its weekday (1 Monday .. 7 Sunday) and hour of day in UTC';

-- The weekday x hour table of the last 90 days: each cell's ER by reach
-- shrunk towards the account's ER over those days (er_reach_shrunk, a
-- prior of one average post), so that a cell of two lucky posts does not
-- top the table; its raw ER and posts beside it
CREATE VIEW reporting.posting_times AS
    SELECT account_id, account, weekday, hour, post_count(cell) AS posts,
           er_reach(cell) AS er_reach, er_reach_shrunk(cell, overall) AS er_reach_shrunk
    FROM (SELECT account_id, account, weekday, hour, rollup(stats) AS cell,
                 rollup(rollup(stats)) OVER (PARTITION BY account_id) AS overall
          FROM reporting.hourly_summaries
          WHERE hour_start >= now() - interval '90 days'
          GROUP BY 1, 2, 3, 4) c;
COMMENT ON VIEW reporting.posting_times IS
    'per account, weekday and UTC hour, over the last 90 days: posts, ER by reach and ER by reach shrunk towards the account''s (er_reach_shrunk)';

-- Breakout posts of the last 30 days: each post against the 30 posts of
-- its account before it (read through the index on account_id,
-- published_at), kept when it stands 3 or more standard deviations above
-- them (er_reach_zscore)
CREATE VIEW reporting.breakout_posts AS
    SELECT * FROM (
        SELECT p.post_id, p.account_id, a.name AS account, p.published_at,
               p.reach, p.likes, p.comments, p.shares,
               er_reach(engagement_volume(p.likes, p.comments, p.shares), p.reach) AS er_reach,
               er_reach(b.baseline) AS baseline_er_reach,
               er_reach_zscore(p.likes, p.comments, p.shares, p.reach, b.baseline) AS z
        FROM posts p JOIN accounts a USING (account_id),
             LATERAL (SELECT engagement_agg(q.likes, q.comments, q.shares, q.reach, q.views, q.followers)
                             AS baseline
                      FROM (SELECT * FROM posts q
                            WHERE q.account_id = p.account_id AND q.published_at < p.published_at
                            ORDER BY q.published_at DESC LIMIT 30) q) b
        WHERE p.published_at >= now() - interval '30 days') scored
    WHERE z >= 3;
COMMENT ON VIEW reporting.breakout_posts IS
    'posts of the last 30 days whose ER by reach stands at least 3 standard deviations above the 30 posts of their account before them (z of er_reach_zscore), with that baseline''s ER by reach';

GRANT SELECT ON reporting.monthly_er_change, reporting.hourly_summaries, reporting.posting_times,
    reporting.breakout_posts TO reporting_reader;
