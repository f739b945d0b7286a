-- A reporting schema over your own tables: the source tables the views
-- expect, and the views that reports and Grafana panels read.
--
--   psql -v ON_ERROR_STOP=1 -d analytics -c 'CREATE EXTENSION engagement' -f examples/reporting.sql
--
-- Run it with psql: it uses psql's \gset and \if.  It reads the relations
-- below through the search_path it runs with; those that do not exist are
-- created here, as the demo's tables (examples/demo-data.sql loads sample
-- data into them).  Your own tables, or views of the same shape over them,
-- are used as they are: see examples/README.md, "Your own tables".
--
--   accounts(account_id, name text, time_zone text)
--   account_daily(account_id, day date, followers, new_followers, lost_followers)
--   posts(post_id, account_id, published_at timestamptz,
--         likes, comments, shares, views, reach, followers)
--   departments, survey_waves, survey_answers, indicator_scores (below)
--
-- Triggers on the table posts come from note which account-days changed;
-- bring the daily summaries up to date, now and then (by hand, from cron
-- or pg_cron; see examples/README.md), with
--
--   CALL reporting.refresh_account_day_summary();
--
-- which re-aggregates only the days whose posts changed.  A day is the
-- account's own: local midnight to local midnight in its time zone, and a
-- week starts on Monday.
--
-- Readers get SELECT on the views only, through the role reporting_reader;
-- Grafana's documentation advises a data-source user with no more than
-- that:
--
--   CREATE ROLE grafana LOGIN PASSWORD '…' IN ROLE reporting_reader;

--------------------------------------------------------------------------
-- Source schema (created only where you have none)
--------------------------------------------------------------------------

SELECT to_regclass('posts') IS NULL AS create_demo_posts,
       to_regclass('survey_answers') IS NULL AS create_demo_survey
\gset

\if :create_demo_posts
-- the social-media accounts being reported on, each with its time zone:
-- its days run from local midnight to local midnight (the default is the
-- TimeZone setting of the session that adds the account, which is the
-- database's unless the client sets its own)
CREATE TABLE accounts (
    account_id      int PRIMARY KEY,
    name            text NOT NULL,
    followers_start bigint NOT NULL,        -- followers on the first day of data
    time_zone       text NOT NULL DEFAULT current_setting('TimeZone')
                    CONSTRAINT accounts_time_zone_known
                    CHECK ((timestamptz '2000-01-01 00:00+00' AT TIME ZONE time_zone) IS NOT NULL)
);
COMMENT ON COLUMN accounts.time_zone IS
    'the account''s time zone (a name PostgreSQL knows, such as America/New_York): its days are local days';

-- one row per account and (local) day: the audience at the start of the
-- day and how it changed during the day
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
\endif

\if :create_demo_survey
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
\endif

-- Every column the reporting schema reads, by name and type: a source
-- table or view without one stops here, naming all that are missing.
DO $$
DECLARE
    missing text;
BEGIN
    SELECT string_agg(format('%s.%s (%s)', rel, col, coalesce(replace(types, '|', ' or '), 'any type')), ', ' ORDER BY n)
    INTO missing
    FROM (VALUES
        (1, 'accounts', 'account_id', NULL), (2, 'accounts', 'name', 'text'),
        (3, 'accounts', 'time_zone', 'text'),
        (4, 'account_daily', 'account_id', NULL), (5, 'account_daily', 'day', 'date'),
        (6, 'account_daily', 'followers', 'smallint|integer|bigint'),
        (7, 'account_daily', 'new_followers', 'smallint|integer|bigint'),
        (8, 'account_daily', 'lost_followers', 'smallint|integer|bigint'),
        (9, 'posts', 'post_id', NULL), (10, 'posts', 'account_id', NULL),
        (11, 'posts', 'published_at', 'timestamp with time zone'),
        (12, 'posts', 'likes', 'smallint|integer|bigint'), (13, 'posts', 'comments', 'smallint|integer|bigint'),
        (14, 'posts', 'shares', 'smallint|integer|bigint'), (15, 'posts', 'views', 'smallint|integer|bigint'),
        (16, 'posts', 'reach', 'smallint|integer|bigint'), (17, 'posts', 'followers', 'smallint|integer|bigint'),
        (18, 'departments', 'department', 'text'), (19, 'departments', 'division', 'text'),
        (20, 'departments', 'headcount', 'smallint|integer|bigint'),
        (21, 'survey_waves', 'wave', 'text'), (22, 'survey_waves', 'opens_at', 'timestamp with time zone'),
        (23, 'survey_waves', 'closes_at', 'timestamp with time zone'),
        (24, 'survey_answers', 'department', 'text'), (25, 'survey_answers', 'answers', 'boolean[]'),
        (26, 'survey_answers', 'scores', 'smallint[]'), (27, 'survey_answers', 'nps', 'smallint|integer'),
        (28, 'survey_answers', 'answered_at', 'timestamp with time zone'),
        (29, 'indicator_scores', 'work', 'double precision'),
        (30, 'indicator_scores', 'management', 'double precision'),
        (31, 'indicator_scores', 'events', 'double precision')) need(n, rel, col, types)
    WHERE NOT EXISTS (
        SELECT FROM pg_attribute a
        WHERE a.attrelid = to_regclass(rel) AND a.attname = col AND a.attnum > 0 AND NOT a.attisdropped
          AND (types IS NULL OR format_type(a.atttypid, NULL) = ANY (string_to_array(types, '|'))));
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'the source relations lack columns the reporting schema reads'
            USING ERRCODE = 'undefined_column',
                  DETAIL = format('Missing, or of another type: %s.', missing),
                  HINT = 'Give each a view of that shape over your own tables, renaming and casting columns (examples/README.md, "Your own tables").';
    END IF;
END $$;

-- the summaries keep account_id in the type posts have it
SELECT format_type(atttypid, atttypmod) AS account_id_type
FROM pg_attribute WHERE attrelid = 'posts'::regclass AND attname = 'account_id'
\gset

--------------------------------------------------------------------------
-- Reporting schema
--------------------------------------------------------------------------

CREATE SCHEMA reporting;

CREATE VIEW reporting.accounts AS
    SELECT account_id, name, time_zone FROM accounts;
COMMENT ON VIEW reporting.accounts IS 'accounts and their time zones, for pickers such as a Grafana variable';

-- The first instant of a local day: its midnight, or, where clocks go back
-- over midnight (Atlantic/Azores, America/Havana) so that it comes twice,
-- the first of the two (PostgreSQL reads an ambiguous local time as the
-- later one).  The differences are in seconds, so that no session's
-- TimeZone enters the arithmetic.
CREATE FUNCTION reporting.local_day_start(day date, time_zone text) RETURNS timestamptz
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT CASE WHEN (m - interval '1 microsecond') AT TIME ZONE time_zone >= day::timestamp
                THEN m - interval '1 microsecond'
                       - make_interval(secs => extract(epoch FROM
                             ((m - interval '1 microsecond') AT TIME ZONE time_zone) - day::timestamp))
                ELSE m END
    FROM (SELECT day::timestamp AT TIME ZONE time_zone AS m) midnight
$$;
COMMENT ON FUNCTION reporting.local_day_start(date, text) IS
    'the first instant of a local day in a time zone (the first of two midnights where clocks go back over midnight)';

-- One summary per account and local day; every SMM metric of any period is
-- read from rollup() of these rows, without going back to the posts.  A
-- table, kept current incrementally: statement triggers on the posts'
-- table note the UTC days an INSERT, UPDATE or DELETE touched (late
-- metrics are normal: a post's likes grow for days), and
-- refresh_account_day_summary() re-aggregates the local days that overlap
-- them, from the posts.
CREATE TABLE reporting.account_day_summary (
    account_id :account_id_type NOT NULL,
    day        date NOT NULL,             -- the account's local day
    day_start  timestamptz NOT NULL,      -- its local midnight
    day_end    timestamptz NOT NULL,      -- the next day's local midnight
    stats      engagement_stats NOT NULL,
    -- day first: a view filtered on a range of days reads those days only
    PRIMARY KEY (day, account_id)
);
CREATE INDEX account_day_summary_day_start ON reporting.account_day_summary (day_start);
COMMENT ON TABLE reporting.account_day_summary IS
    'engagement_stats per account and local day; CALL reporting.refresh_account_day_summary() brings it up to date';

-- the UTC days, per account, whose posts changed since the last refresh
-- (with repeats).  UTC, not local: a note does not depend on a time zone
-- that may change before the refresh reads it.
CREATE TABLE reporting.summary_changes (
    account_id :account_id_type NOT NULL,
    utc_day    date NOT NULL
);
COMMENT ON TABLE reporting.summary_changes IS
    'account and UTC day of the posts changed since reporting.refresh_account_day_summary() last ran';

-- the time zone each account's summaries were made in; the refresh
-- compares it with accounts.time_zone and re-summarises an account whose
-- zone changed (or that is new, or gone)
CREATE TABLE reporting.account_time_zones (
    account_id :account_id_type PRIMARY KEY,
    time_zone  text NOT NULL
);
COMMENT ON TABLE reporting.account_time_zones IS
    'the time zone of each account''s daily summaries, as of the last refresh';

-- the table the posts come from: posts itself, or the table under a view
-- named posts, with the names of its account and publication-time columns
CREATE TABLE reporting.posts_source (
    only_one       boolean PRIMARY KEY DEFAULT true CHECK (only_one),
    source         regclass NOT NULL,
    account_column name NOT NULL,
    time_column    name NOT NULL
);
COMMENT ON TABLE reporting.posts_source IS
    'the table whose changes are noted (set by reporting.watch_posts_table), and its account and publication-time columns';

-- the partitions of that table with triggers of their own
CREATE TABLE reporting.posts_partitions (
    partition regclass PRIMARY KEY
);
COMMENT ON TABLE reporting.posts_partitions IS
    'the partitions of the posts table whose changes are noted by triggers of their own';

-- statement triggers on the posts table (and each partition): the
-- arguments name its account and publication-time columns
CREATE FUNCTION reporting.note_changed_days() RETURNS trigger
    LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    -- a row without an account or a finite time falls on no day: nothing
    -- to note (the demo's table refuses such rows; a table of your own may
    -- hold drafts)
    noting constant text := 'INSERT INTO reporting.summary_changes
        SELECT DISTINCT %1$I, (%2$I AT TIME ZONE ''UTC'')::date FROM %3$I
        WHERE %1$I IS NOT NULL AND isfinite(%2$I)';
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        EXECUTE format(noting, TG_ARGV[0], TG_ARGV[1], 'new_posts');
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        EXECUTE format(noting, TG_ARGV[0], TG_ARGV[1], 'old_posts');
    END IF;
    RETURN NULL;
END $$;
COMMENT ON FUNCTION reporting.note_changed_days() IS
    'statement trigger on the posts table: notes the accounts and UTC days a statement touched';

-- after TRUNCATE of the posts table every summary is gone with them
CREATE FUNCTION reporting.forget_all_days() RETURNS trigger
    LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    DELETE FROM reporting.account_day_summary;
    DELETE FROM reporting.summary_changes;
    RETURN NULL;
END $$;
COMMENT ON FUNCTION reporting.forget_all_days() IS
    'statement trigger on TRUNCATE of the posts table: empties the daily summaries';

-- every account and UTC day with a post in a relation: the posts table, a
-- partition of it, or a table detached from it
CREATE FUNCTION reporting.note_days_of(relation regclass) RETURNS void
    LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    src reporting.posts_source;
BEGIN
    SELECT * INTO STRICT src FROM reporting.posts_source;
    EXECUTE format('INSERT INTO reporting.summary_changes
                    SELECT DISTINCT %1$I, (%2$I AT TIME ZONE ''UTC'')::date FROM %3$s
                    WHERE %1$I IS NOT NULL AND isfinite(%2$I)',
                   src.account_column, src.time_column, relation);
END $$;
COMMENT ON FUNCTION reporting.note_days_of(regclass) IS
    'notes every account and UTC day with a post in the posts table, a partition of it, or a table detached from it';

CREATE FUNCTION reporting.note_truncated_days() RETURNS trigger
    LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    PERFORM reporting.note_days_of(TG_RELID::regclass);
    RETURN NULL;
END $$;
COMMENT ON FUNCTION reporting.note_truncated_days() IS
    'statement trigger before TRUNCATE of a partition of the posts table: notes the account-days of its rows';

-- the four triggers on one table (the posts table or a partition); a
-- partition notes its days before TRUNCATE, the table forgets them all after
CREATE FUNCTION reporting.add_change_triggers(relation regclass, partition boolean) RETURNS void
    LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    src reporting.posts_source;
BEGIN
    SELECT * INTO STRICT src FROM reporting.posts_source;
    PERFORM reporting.drop_change_triggers(relation);
    EXECUTE format('
        CREATE TRIGGER posts_inserted AFTER INSERT ON %1$s REFERENCING NEW TABLE AS new_posts
            FOR EACH STATEMENT EXECUTE FUNCTION reporting.note_changed_days(%2$L, %3$L);
        CREATE TRIGGER posts_updated AFTER UPDATE ON %1$s REFERENCING OLD TABLE AS old_posts NEW TABLE AS new_posts
            FOR EACH STATEMENT EXECUTE FUNCTION reporting.note_changed_days(%2$L, %3$L);
        CREATE TRIGGER posts_deleted AFTER DELETE ON %1$s REFERENCING OLD TABLE AS old_posts
            FOR EACH STATEMENT EXECUTE FUNCTION reporting.note_changed_days(%2$L, %3$L)',
        relation, src.account_column, src.time_column);
    IF partition THEN
        EXECUTE format('CREATE TRIGGER posts_truncated BEFORE TRUNCATE ON %s
            FOR EACH STATEMENT EXECUTE FUNCTION reporting.note_truncated_days()', relation);
    ELSE
        EXECUTE format('CREATE TRIGGER posts_truncated AFTER TRUNCATE ON %s
            FOR EACH STATEMENT EXECUTE FUNCTION reporting.forget_all_days()', relation);
    END IF;
END $$;
COMMENT ON FUNCTION reporting.add_change_triggers(regclass, boolean) IS
    'creates the triggers that note changed days on the posts table or one of its partitions';

CREATE FUNCTION reporting.drop_change_triggers(relation regclass) RETURNS void
    LANGUAGE plpgsql SET search_path FROM CURRENT SET client_min_messages = warning AS $$
DECLARE
    trigger_name text;
BEGIN
    FOREACH trigger_name IN ARRAY ARRAY['posts_inserted', 'posts_updated', 'posts_deleted', 'posts_truncated'] LOOP
        EXECUTE format('DROP TRIGGER IF EXISTS %I ON %s', trigger_name, relation);
    END LOOP;
END $$;
COMMENT ON FUNCTION reporting.drop_change_triggers(regclass) IS
    'removes the triggers that note changed days from a table';

-- Partitioned posts.  The triggers on the posts table see the statements
-- on it; a statement on a partition fires that partition's triggers only,
-- so every partition below it gets the same triggers (and one noting the
-- days of its rows before a TRUNCATE).  reporting.posts_partitions lists
-- the partitions that have them; watch_posts_partitions() compares it with
-- the partitions there are now: a partition created or attached since gets
-- the triggers and every account-day of its rows noted; one detached has
-- its triggers removed and the account-days of its rows noted (its
-- triggers noted every change made to it meanwhile); one dropped has lost
-- its rows unseen, so every summarised account-day is noted and the next
-- refresh re-aggregates them all (DETACH first, then DROP, to keep that
-- refresh small).  The refresh calls it first; an event trigger, made when
-- a superuser runs this file, calls it after every CREATE TABLE and ALTER
-- TABLE, so that a new partition is watched at once.  A foreign partition
-- is refused: PostgreSQL collects no transition tables from foreign
-- tables, so an insert into the posts table would fail.
CREATE FUNCTION reporting.watch_posts_partitions() RETURNS void
    LANGUAGE plpgsql SET search_path FROM CURRENT SET client_min_messages = warning AS $$
DECLARE
    src regclass := (SELECT source FROM reporting.posts_source);
    part regclass;
BEGIN
    IF src IS NULL OR NOT EXISTS (SELECT FROM pg_class WHERE oid = src) THEN
        RETURN;
    END IF;
    SELECT t.relid INTO part
    FROM pg_partition_tree(src) t JOIN pg_class c ON c.oid = t.relid
    WHERE c.relkind = 'f' LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION '% cannot have a foreign partition: %', src, part
            USING ERRCODE = 'feature_not_supported',
                  DETAIL = 'The triggers that note which account-days changed read transition tables, which PostgreSQL does not collect from foreign tables: an insert into the posts table would fail.',
                  HINT = 'Keep the foreign table out of it: copy its rows into a local partition, or report on it with a schema of its own.';
    END IF;
    -- gone since: detached (its rows still readable) or dropped
    FOR part IN
        SELECT w.partition FROM reporting.posts_partitions w
        WHERE w.partition NOT IN (SELECT relid FROM pg_partition_tree(src) WHERE level > 0)
    LOOP
        IF EXISTS (SELECT FROM pg_class WHERE oid = part) THEN
            PERFORM reporting.note_days_of(part);
            PERFORM reporting.drop_change_triggers(part);
        ELSE
            INSERT INTO reporting.summary_changes
            SELECT account_id, (day_start AT TIME ZONE 'UTC')::date FROM reporting.account_day_summary;
        END IF;
        DELETE FROM reporting.posts_partitions WHERE partition::oid = part::oid;
    END LOOP;
    -- new since: created or attached
    FOR part IN
        SELECT relid FROM pg_partition_tree(src)
        WHERE level > 0 AND relid NOT IN (SELECT partition FROM reporting.posts_partitions)
    LOOP
        PERFORM reporting.add_change_triggers(part, true);
        PERFORM reporting.note_days_of(part);
        INSERT INTO reporting.posts_partitions VALUES (part);
    END LOOP;
END $$;
COMMENT ON FUNCTION reporting.watch_posts_partitions() IS
    'gives the partitions of the posts table created or attached since the triggers that note changed days, and notes the days of partitions created, attached, detached or dropped since';

-- Names the table the posts come from: posts itself when it is a table
-- (this file does it), or the table under your view named posts, with its
-- account and publication-time columns.  It gets the triggers (and so do
-- its partitions), the table named before loses them, and every day of
-- both is noted: the next refresh summarises the new table's posts.
CREATE PROCEDURE reporting.watch_posts_table(source regclass,
                                             account_column name DEFAULT 'account_id',
                                             time_column name DEFAULT 'published_at')
    LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    old regclass := (SELECT s.source FROM reporting.posts_source s);
    part regclass;
BEGIN
    IF (SELECT relkind FROM pg_class WHERE oid = source) NOT IN ('r', 'p') THEN
        RAISE EXCEPTION '% is not a table', source
            USING ERRCODE = 'wrong_object_type',
                  HINT = 'Name the table the rows of the view posts come from: triggers note its changes.';
    END IF;
    IF NOT EXISTS (SELECT FROM pg_attribute WHERE attrelid = source AND attname = account_column
                   AND attnum > 0 AND NOT attisdropped) THEN
        RAISE EXCEPTION 'table % has no column %', source, account_column USING ERRCODE = 'undefined_column';
    END IF;
    IF NOT EXISTS (SELECT FROM pg_attribute WHERE attrelid = source AND attname = time_column
                   AND atttypid = 'timestamptz'::regtype AND attnum > 0 AND NOT attisdropped) THEN
        RAISE EXCEPTION 'table % has no column % of type timestamp with time zone', source, time_column
            USING ERRCODE = 'undefined_column',
                  DETAIL = 'The days of a post are found from the instant it was published.';
    END IF;
    IF old IS NOT NULL AND EXISTS (SELECT FROM pg_class WHERE oid = old) THEN
        FOR part IN SELECT old UNION SELECT relid FROM pg_partition_tree(old) LOOP
            PERFORM reporting.drop_change_triggers(part);
        END LOOP;
    END IF;
    DELETE FROM reporting.posts_partitions;
    INSERT INTO reporting.summary_changes
    SELECT account_id, (day_start AT TIME ZONE 'UTC')::date FROM reporting.account_day_summary;
    INSERT INTO reporting.posts_source VALUES (true, source, account_column, time_column)
    ON CONFLICT (only_one) DO UPDATE
        SET source = EXCLUDED.source, account_column = EXCLUDED.account_column, time_column = EXCLUDED.time_column;
    PERFORM reporting.add_change_triggers(source, false);
    PERFORM reporting.note_days_of(source);
    PERFORM reporting.watch_posts_partitions();
END $$;
COMMENT ON PROCEDURE reporting.watch_posts_table(regclass, name, name) IS
    'names the table the posts come from (posts itself, or the table under a view named posts) and its account and publication-time columns; gives it and its partitions the triggers that note changed days';

DO $$
BEGIN
    IF (SELECT relkind FROM pg_class WHERE oid = 'posts'::regclass) IN ('r', 'p') THEN
        CALL reporting.watch_posts_table('posts');
    ELSE
        RAISE NOTICE 'posts is a view: name the table its rows come from'
            USING HINT = 'CALL reporting.watch_posts_table(''your_table'', ''its account column'', ''its publication-time column'')';
    END IF;
END $$;

-- DDL on other tables returns at once, touching nothing of reporting: a
-- role without rights on it keeps its DDL (a role that may create or
-- attach a partition of the posts table owns it, and may read reporting)
CREATE FUNCTION reporting.watch_posts_partitions_after_ddl() RETURNS event_trigger
    LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF NOT (has_schema_privilege('reporting', 'USAGE')
            AND has_table_privilege('reporting.posts_source', 'SELECT')) THEN
        RETURN;
    END IF;
    IF EXISTS (SELECT FROM pg_event_trigger_ddl_commands() c
               WHERE c.classid = 'pg_class'::regclass
                 AND c.objid IN (SELECT source FROM reporting.posts_source
                                 UNION ALL
                                 SELECT relid FROM reporting.posts_source s, pg_partition_tree(s.source))) THEN
        PERFORM reporting.watch_posts_partitions();
    END IF;
END $$;
COMMENT ON FUNCTION reporting.watch_posts_partitions_after_ddl() IS
    'event trigger after CREATE TABLE and ALTER TABLE: watches the partitions of the posts table at once';
DO $$
BEGIN
    IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        CREATE EVENT TRIGGER reporting_watch_posts_partitions ON ddl_command_end
            WHEN TAG IN ('CREATE TABLE', 'CREATE TABLE AS', 'CREATE FOREIGN TABLE', 'ALTER TABLE', 'ALTER FOREIGN TABLE')
            EXECUTE FUNCTION reporting.watch_posts_partitions_after_ddl();
        COMMENT ON EVENT TRIGGER reporting_watch_posts_partitions IS
            'watches the partitions of the posts table created or attached, and refuses a foreign one, as soon as the statement ends';
    ELSE
        RAISE NOTICE 'not a superuser: new partitions of the posts table are watched from the next refresh on'
            USING HINT = 'Until then, rows written into a new partition directly are noted by that refresh, which reads the whole partition.';
    END IF;
END $$;

-- An account whose time zone changed since its summaries were made (or a
-- new account, or one gone) is summarised afresh: its summaries go, and
-- every UTC day of its posts is noted.  A zone PostgreSQL does not know
-- stops the refresh, naming the account.
CREATE FUNCTION reporting.follow_time_zones() RETURNS void
    LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    moved record;
BEGIN
    FOR moved IN
        SELECT coalesce(a.account_id, z.account_id) AS account_id, a.time_zone, a.account_id IS NULL AS gone
        FROM accounts a FULL JOIN reporting.account_time_zones z ON z.account_id = a.account_id
        WHERE a.time_zone IS DISTINCT FROM z.time_zone
    LOOP
        DELETE FROM reporting.account_day_summary WHERE account_id = moved.account_id;
        DELETE FROM reporting.account_time_zones WHERE account_id = moved.account_id;
        CONTINUE WHEN moved.gone;
        BEGIN
            PERFORM timestamptz '2000-01-01 00:00+00' AT TIME ZONE moved.time_zone;
        EXCEPTION WHEN invalid_parameter_value OR null_value_not_allowed THEN
            RAISE EXCEPTION 'account % has time zone %, which PostgreSQL does not know',
                            moved.account_id, coalesce(quote_literal(moved.time_zone), 'NULL')
                USING ERRCODE = 'invalid_parameter_value',
                      HINT = 'Use a name from pg_timezone_names, such as ''Europe/Paris''.';
        END;
        IF moved.time_zone IS NULL THEN
            RAISE EXCEPTION 'account % has time zone NULL', moved.account_id
                USING ERRCODE = 'null_value_not_allowed',
                      HINT = 'Every account needs a time zone: its days are local days.';
        END IF;
        INSERT INTO reporting.account_time_zones VALUES (moved.account_id, moved.time_zone);
        INSERT INTO reporting.summary_changes
        SELECT DISTINCT account_id, (published_at AT TIME ZONE 'UTC')::date
        FROM posts WHERE account_id = moved.account_id AND isfinite(published_at);
    END LOOP;
END $$;
COMMENT ON FUNCTION reporting.follow_time_zones() IS
    'notes every day of the accounts whose time zone changed (or that are new), and drops the summaries of those gone';

-- Re-aggregates the noted days, in one statement: the changes it takes
-- and the posts it reads come from one snapshot, so a change committed
-- later stays noted for the next run.  A noted UTC day is re-aggregated
-- as the (one or two) local days of the account that overlap it.  Runs one
-- at a time, at READ COMMITTED: its statement's snapshot is taken after
-- the advisory lock is granted, so it never deletes a change another run
-- took.  The statement is planned afresh at each call (EXECUTE), and each
-- day's posts are read through the (account_id, published_at) index in a
-- subquery of its own: a plan cached in a session whose first call saw an
-- empty change table would join every day to every other one, and a join
-- could hash every post when the change table looked small (just
-- vacuumed).  The functions here resolve names with the search_path this
-- file ran with.
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
    IF NOT EXISTS (SELECT FROM reporting.posts_source) THEN
        RAISE EXCEPTION 'the reporting schema does not know which table the posts come from'
            USING ERRCODE = 'object_not_in_prerequisite_state',
                  HINT = 'CALL reporting.watch_posts_table(''your_table'', ''its account column'', ''its publication-time column'')';
    END IF;
    PERFORM pg_advisory_xact_lock('reporting.account_day_summary'::regclass::oid::bigint);
    PERFORM reporting.watch_posts_partitions();
    PERFORM reporting.follow_time_zones();
    EXECUTE $refresh$
    WITH taken AS (
        DELETE FROM reporting.summary_changes RETURNING account_id, utc_day
    ), days AS (
        -- the account's local days that overlap each noted UTC day: from
        -- the local date of its first instant to that of its last (three
        -- when a local day of 23 hours lies inside it)
        SELECT DISTINCT n.account_id, l.day::date AS day, z.time_zone
        FROM (SELECT DISTINCT account_id, utc_day FROM taken) n
        JOIN reporting.account_time_zones z USING (account_id)
        CROSS JOIN LATERAL generate_series(
            (n.utc_day::timestamp AT TIME ZONE 'UTC' AT TIME ZONE z.time_zone)::date,
            ((((n.utc_day + 1)::timestamp AT TIME ZONE 'UTC') - interval '1 microsecond')
              AT TIME ZONE z.time_zone)::date,
            interval '1 day') l(day)
    ), bounds AS (
        SELECT account_id, day,
               reporting.local_day_start(day, time_zone) AS day_start,
               reporting.local_day_start(day + 1, time_zone) AS day_end
        FROM days
    ), fresh AS (
        -- each day's posts read by the index, whatever the estimates
        SELECT b.account_id, b.day, b.day_start, b.day_end, p.stats
        FROM bounds b
        CROSS JOIN LATERAL (
            SELECT count(*) AS n_posts,
                   engagement_agg(likes, comments, shares, reach, views, followers) AS stats
            FROM posts
            WHERE account_id = b.account_id
              AND published_at >= b.day_start AND published_at < b.day_end) p
        WHERE p.n_posts > 0
    ), emptied AS (
        DELETE FROM reporting.account_day_summary s
        USING days d
        WHERE s.account_id = d.account_id AND s.day = d.day
          AND NOT EXISTS (SELECT FROM fresh f WHERE f.account_id = d.account_id AND f.day = d.day)
    )
    INSERT INTO reporting.account_day_summary AS s (account_id, day, day_start, day_end, stats)
    SELECT f.account_id, f.day, f.day_start, f.day_end, f.stats
    FROM fresh f
    -- a day's summaries side by side: a panel of a week reads a week of pages
    ORDER BY f.day, f.account_id
    -- a summary that comes out the same is not rewritten
    ON CONFLICT (day, account_id) DO UPDATE
        SET stats = EXCLUDED.stats, day_start = EXCLUDED.day_start, day_end = EXCLUDED.day_end
        WHERE (s.stats, s.day_start, s.day_end) IS DISTINCT FROM (EXCLUDED.stats, EXCLUDED.day_start, EXCLUDED.day_end)
    $refresh$;
END $$;
COMMENT ON PROCEDURE reporting.refresh_account_day_summary() IS
    'brings reporting.account_day_summary up to date: re-aggregates the account-days whose posts changed, and every day of an account whose time zone changed (at READ COMMITTED)';

-- every account-day in a range of local days, for a first load or a repair
CREATE PROCEDURE reporting.rebuild_account_day_summary(from_day date, to_day date)
    LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    PERFORM reporting.require_read_committed('reporting.rebuild_account_day_summary()');
    -- a local day lies within the UTC days before, of and after it
    EXECUTE $rebuild$
    INSERT INTO reporting.summary_changes
    SELECT DISTINCT account_id, (published_at AT TIME ZONE 'UTC')::date FROM posts
    WHERE published_at >= ($1 - 1)::timestamp AT TIME ZONE 'UTC'
      AND published_at < ($2 + 2)::timestamp AT TIME ZONE 'UTC'
    UNION
    SELECT account_id, (day_start AT TIME ZONE 'UTC')::date
    FROM reporting.account_day_summary WHERE day BETWEEN $1 AND $2
    $rebuild$ USING from_day, to_day;
    CALL reporting.refresh_account_day_summary();
END $$;
COMMENT ON PROCEDURE reporting.rebuild_account_day_summary(date, date) IS
    're-aggregates every account-day from from_day to to_day (local days), whatever was noted (at READ COMMITTED)';

-- The account-days that overlap a time range, for panels: a day shown is
-- a whole local day, the first and the last one too ("Last 7 days" shows
-- 8 days, the first partial), and "time" is its start, or the range's
-- start for the first one (where a chart shows it).  An SQL function
-- inlined into the query: a filter on account_id reaches the table.
CREATE FUNCTION reporting.account_days(range_from timestamptz, range_to timestamptz)
    RETURNS TABLE (account_id :account_id_type, day date, day_start timestamptz, day_end timestamptz,
                   "time" timestamptz, stats engagement_stats)
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT s.account_id, s.day, s.day_start, s.day_end, greatest(s.day_start, range_from), s.stats
    FROM reporting.account_day_summary s
    -- no local day is longer than 72 hours (even when a zone moved across
    -- the date line); the bound lets the day_start index find the first
    -- one.  The end is compared as a number: the planner, taking day_end
    -- and day_start as independent, would expect a few rows of a week's
    -- thousands and could pick a plan that reads every summary.
    WHERE s.day_start > range_from - interval '72 hours'
      AND s.day_start <= range_to
      AND extract(epoch FROM s.day_end) > extract(epoch FROM range_from)
$$;
COMMENT ON FUNCTION reporting.account_days(timestamptz, timestamptz) IS
    'the daily summaries of the local days that overlap [range_from, range_to], with "time" = the later of the day''s start and range_from';

-- the days with an audience row, and the days with posts but none (their
-- audience columns NULL); a filter on day reaches both tables' keys
CREATE VIEW reporting.daily_metrics AS
    SELECT d.account_id, a.name AS account, d.day,
           reporting.local_day_start(d.day, a.time_zone) AS day_start,
           reporting.local_day_start(d.day + 1, a.time_zone) AS day_end,
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
    JOIN accounts a ON a.account_id = d.account_id
    LEFT JOIN reporting.account_day_summary s ON s.account_id = d.account_id AND s.day = d.day
    UNION ALL
    SELECT s.account_id, a.name, s.day, s.day_start, s.day_end,
           NULL, NULL, NULL, NULL,
           post_count(s.stats), engagement_volume(s.stats),
           er_reach(s.stats), er_post(s.stats), er_day(s.stats), er_view(s.stats),
           love_rate(s.stats), talk_rate(s.stats), amplification_rate(s.stats)
    FROM reporting.account_day_summary s
    JOIN accounts a ON a.account_id = s.account_id
    WHERE NOT EXISTS (SELECT FROM account_daily d WHERE d.account_id = s.account_id AND d.day = s.day);
COMMENT ON VIEW reporting.daily_metrics IS
    'per account and local day with an audience row or posts: audience, net follower growth and every engagement rate, in percent';

-- the rows of daily_metrics whose local day overlaps a time range (as
-- account_days): the filter on day reaches the keys, no local date being
-- more than two days from the UTC one
CREATE FUNCTION reporting.daily_metrics_in(range_from timestamptz, range_to timestamptz)
    RETURNS SETOF reporting.daily_metrics
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT m.* FROM reporting.daily_metrics m
    WHERE m.day BETWEEN (range_from AT TIME ZONE 'UTC')::date - 2 AND (range_to AT TIME ZONE 'UTC')::date + 2
      AND m.day_start <= range_to AND m.day_end > range_from
$$;
COMMENT ON FUNCTION reporting.daily_metrics_in(timestamptz, timestamptz) IS
    'the rows of reporting.daily_metrics whose local day overlaps [range_from, range_to]';

-- weeks (Monday to Sunday) and months of local days: summaries merged with
-- rollup; ER day is the average over the days of the period with posts;
-- growth is relative to the audience at the start of the period
CREATE VIEW reporting.weekly_metrics AS
    SELECT account_id, a.name AS account, week,
           reporting.local_day_start(week, a.time_zone) AS week_start,
           post_count(s) AS posts, engagement_volume(s) AS engagements,
           er_reach(s) AS er_reach, er_post(s) AS er_post, avg_er_day AS er_day,
           er_view(s) AS er_view, love_rate(s) AS love_rate, talk_rate(s) AS talk_rate,
           amplification_rate(s) AS amplification_rate
    FROM (SELECT account_id, date_trunc('week', day::timestamp)::date AS week,
                 rollup(stats) AS s, avg(er_day(stats)) AS avg_er_day
          FROM reporting.account_day_summary
          GROUP BY 1, 2) w
    JOIN accounts a USING (account_id);
COMMENT ON VIEW reporting.weekly_metrics IS
    'per account and week (Monday to Sunday, local days), from the daily summaries: every engagement rate, in percent';

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
    'per account and local day: engagement rates over that day and the 6 before it, in percent';

CREATE VIEW reporting.monthly_metrics AS
    SELECT account_id, a.name AS account, month,
           reporting.local_day_start(month, a.time_zone) AS month_start,
           post_count(s) AS posts, engagement_volume(s) AS engagements,
           er_reach(s) AS er_reach, er_post(s) AS er_post, avg_er_day AS er_day,
           er_view(s) AS er_view, love_rate(s) AS love_rate, talk_rate(s) AS talk_rate,
           amplification_rate(s) AS amplification_rate,
           g.follower_growth
    FROM (SELECT account_id, date_trunc('month', day::timestamp)::date AS month,
                 rollup(stats) AS s, avg(er_day(stats)) AS avg_er_day
          FROM reporting.account_day_summary
          GROUP BY 1, 2) m
    JOIN accounts a USING (account_id)
    -- growth from the month's first daily follower count to its last
    LEFT JOIN (SELECT account_id, date_trunc('month', day::timestamp)::date AS month,
                      follower_growth(day, followers) AS follower_growth
               FROM account_daily
               GROUP BY 1, 2) g USING (account_id, month);
COMMENT ON VIEW reporting.monthly_metrics IS
    'per account and month of local days, from the daily summaries: every engagement rate and the follower growth over the month, in percent';

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

-- The triggers on the posts table run as the role whose statement fires
-- them: a role that writes posts must be able to note the days it changed.
CREATE PROCEDURE reporting.grant_posts_writer(writer regrole)
    LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    src regclass := (SELECT source FROM reporting.posts_source);
    part regclass;
    seq text;
BEGIN
    IF src IS NULL THEN
        RAISE EXCEPTION 'the reporting schema does not know which table the posts come from'
            USING ERRCODE = 'object_not_in_prerequisite_state',
                  HINT = 'CALL reporting.watch_posts_table(''your_table'', ''its account column'', ''its publication-time column'') first.';
    END IF;
    FOR part IN SELECT src UNION SELECT relid FROM pg_partition_tree(src) LOOP
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO %s', part, writer);
    END LOOP;
    FOR seq IN SELECT pg_get_serial_sequence(src::text, attname) FROM pg_attribute
               WHERE attrelid = src AND attnum > 0 AND NOT attisdropped LOOP
        CONTINUE WHEN seq IS NULL;
        EXECUTE format('GRANT USAGE ON SEQUENCE %s TO %s', seq, writer);
    END LOOP;
    EXECUTE format('GRANT USAGE ON SCHEMA reporting TO %s', writer);
    EXECUTE format('GRANT INSERT ON reporting.summary_changes TO %s', writer);
END $$;
COMMENT ON PROCEDURE reporting.grant_posts_writer(regrole) IS
    'lets a role insert, update and delete posts: the rights on the posts table, the partitions it has now and its sequences, and INSERT on reporting.summary_changes, where its statements note the days they changed';

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
-- nor the refresh's own bookkeeping
REVOKE ALL ON reporting.summary_changes, reporting.account_time_zones, reporting.posts_source,
    reporting.posts_partitions FROM reporting_reader;

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
           reporting.local_day_start(month, a.time_zone) AS month_start,
           post_count(s) AS posts, er_reach(s) AS er_reach,
           er_reach(previous) AS previous_er_reach,
           er_reach(s) - er_reach(previous) AS change,
           lower(er_reach_diff_interval(s, previous)) AS change_lower,
           upper(er_reach_diff_interval(s, previous)) AS change_upper,
           NOT er_reach_diff_interval(s, previous) @> 0::float8 AS changed
    FROM (SELECT account_id, month, s,
                 CASE WHEN lag(month) OVER w = month - interval '1 month' THEN lag(s) OVER w END AS previous
          FROM (SELECT account_id, date_trunc('month', day::timestamp)::date AS month, rollup(stats) AS s
                FROM reporting.account_day_summary
                GROUP BY 1, 2) m
          WINDOW w AS (PARTITION BY account_id ORDER BY month)) x
    JOIN accounts a USING (account_id);
COMMENT ON VIEW reporting.monthly_er_change IS
    'per account and month: ER by reach, the month before, the change in percentage points and its 95 % interval (er_reach_diff_interval); changed when the interval leaves out 0';

-- When to post: one summary per account and local hour with posts (the
-- account's time zone), with its weekday (1 Monday .. 7 Sunday) and hour
-- of day, for a dashboard that merges them over its time range and
-- accounts
CREATE VIEW reporting.hourly_summaries AS
    SELECT p.account_id, a.name AS account,
           date_trunc('hour', p.published_at AT TIME ZONE a.time_zone) AT TIME ZONE a.time_zone AS hour_start,
           extract(isodow FROM p.published_at AT TIME ZONE a.time_zone)::int AS weekday,
           extract(hour FROM p.published_at AT TIME ZONE a.time_zone)::int AS hour,
           engagement_agg(p.likes, p.comments, p.shares, p.reach, p.views, p.followers) AS stats
    FROM posts p JOIN accounts a USING (account_id)
    GROUP BY 1, 2, 3, 4, 5;
COMMENT ON VIEW reporting.hourly_summaries IS
    'engagement_stats per account and local hour with posts, with its weekday (1 Monday .. 7 Sunday) and hour of day in the account''s time zone';

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
    'per account, local weekday and hour, over the last 90 days: posts, ER by reach and ER by reach shrunk towards the account''s (er_reach_shrunk)';

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
