# examples/reporting.sql over tables of the user's own, of another shape
# than the demo's: pages in a schema crm (bigint keys, other column names,
# an identity column, no audience table), given to the reporting schema as
# views of the shape it reads, in a schema of their own put first on the
# search_path; the posts table named with reporting.watch_posts_table.
# - a source view without a column the schema reads stops the file, naming
#   every missing column;
# - the summaries equal a direct computation from the user's tables, after
#   the first refresh and after inserts, updates, deletes and a TRUNCATE
#   made on those tables (the views are never written);
# - an account added after its posts, and one whose time zone changes, are
#   summarised (afresh) by the next refresh;
# - a writer role given its rights by reporting.grant_posts_writer writes
#   the user's table; the panels' queries read the views as before.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $examples = "$ENV{TESTDIR}/examples";
my $node = PostgreSQL::Test::Cluster->new('own_tables');
$node->init;
$node->start;
$node->safe_psql('postgres', 'CREATE DATABASE shop');
sub sql { $node->safe_psql('shop', $_[0]) }

sql(q{
CREATE EXTENSION engagement;
CREATE SCHEMA crm;
CREATE TABLE crm.pages (
    page_id  bigint PRIMARY KEY,
    title    text NOT NULL,
    tz       text NOT NULL
);
CREATE TABLE crm.publications (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    page        bigint NOT NULL,
    created     timestamptz NOT NULL,
    like_count  int,
    reply_count int,
    repost_count int,
    impressions bigint,
    unique_reach bigint,
    audience    bigint,
    body        text
);
CREATE INDEX ON crm.publications (page, created);
INSERT INTO crm.pages VALUES (10, 'Harbour Bakery', 'Europe/Lisbon'), (20, 'Summit Gear', 'America/Denver');
INSERT INTO crm.publications (page, created, like_count, reply_count, repost_count, impressions, unique_reach, audience)
SELECT 10 * (1 + g % 2), timestamptz '2026-10-01 00:00+00' + g * interval '5 hours 7 minutes',
       g % 50, g % 7, g % 3, 300 + g, 200 + g % 90, 5000
FROM generate_series(1, 400) g;
-- the shape the reporting schema reads, in a schema of its own
CREATE SCHEMA src;
CREATE VIEW src.accounts AS SELECT page_id AS account_id, title AS name, tz AS time_zone FROM crm.pages;
CREATE VIEW src.account_daily AS
    SELECT NULL::bigint AS account_id, NULL::date AS day, NULL::bigint AS followers,
           NULL::bigint AS new_followers, NULL::bigint AS lost_followers WHERE false;
});

# a view lacking columns: the file stops, naming them all
sql(q{CREATE VIEW src.posts AS
    SELECT id AS post_id, page AS account_id, created AS published_at, like_count AS likes,
           impressions AS views, unique_reach AS reach FROM crm.publications});
my ($out, $err) = ('', '');
$node->psql('shop', "SET search_path = src, public;\n\\i $examples/reporting.sql",
	stdout => \$out, stderr => \$err, on_error_stop => 1);
like($err, qr/the source relations lack columns the reporting schema reads\nDETAIL:  Missing, or of another type: posts\.comments \(smallint or integer or bigint\), posts\.shares \(smallint or integer or bigint\), posts\.followers \(smallint or integer or bigint\)\./,
	'a source view without columns the schema reads: refused, naming every one') or diag $err;
is(sql(q{SELECT count(*) FROM pg_namespace WHERE nspname = 'reporting'}), '0', 'and nothing of the reporting schema made');

sql(q{CREATE OR REPLACE VIEW src.posts AS
    SELECT id AS post_id, page AS account_id, created AS published_at, like_count AS likes,
           impressions AS views, unique_reach AS reach,
           reply_count AS comments, repost_count AS shares, audience AS followers
    FROM crm.publications});
($out, $err) = ('', '');
is($node->psql('shop', "SET search_path = src, public;\n\\i $examples/reporting.sql",
	stdout => \$out, stderr => \$err, on_error_stop => 1), 0, 'the reporting schema loads over the views') or diag $err;
like($err, qr/posts is a view: name the table its rows come from.*HINT:  CALL reporting\.watch_posts_table/s,
	'it says the posts table has to be named');
is(sql(q{SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
	WHERE relname IN ('accounts', 'posts', 'account_daily') AND nspname = 'public'}), '0',
	'no demo table was created beside the views');
($out, $err) = ('', '');
$node->psql('shop', 'CALL reporting.refresh_account_day_summary()', stdout => \$out, stderr => \$err);
like($err, qr/does not know which table the posts come from.*HINT:  CALL reporting\.watch_posts_table/s,
	'a refresh before the table is named: refused, saying how');
($out, $err) = ('', '');
$node->psql('shop', q{CALL reporting.watch_posts_table('src.posts')}, stdout => \$out, stderr => \$err);
like($err, qr/posts is not a table.*HINT:  Name the table the rows of the view posts come from/s, 'the view named as the posts table: refused');
($out, $err) = ('', '');
$node->psql('shop', q{CALL reporting.watch_posts_table('crm.publications', 'page', 'body')}, stdout => \$out, stderr => \$err);
like($err, qr/table crm\.publications has no column body of type timestamp with time zone/, 'a time column of another type: refused');
sql(q{CALL reporting.watch_posts_table('crm.publications', 'page', 'created');
	CALL reporting.refresh_account_day_summary()});

is(sql(q{SELECT format_type(atttypid, atttypmod) FROM pg_attribute
	WHERE attrelid = 'reporting.account_day_summary'::regclass AND attname = 'account_id'}), 'bigint',
	'the summaries keep account_id in the type of the posts view (bigint)');

# the summaries against a direct computation from crm's tables
my $differences = q{
SELECT count(*) FROM (
    SELECT account_id, day, stats FROM reporting.account_day_summary s
    FULL JOIN (SELECT page AS account_id, (created AT TIME ZONE g.tz)::date AS day, g.tz,
                      engagement_agg(like_count, reply_count, repost_count, unique_reach, impressions, audience) AS direct
               FROM crm.publications p JOIN crm.pages g ON g.page_id = p.page GROUP BY 1, 2, 3) d USING (account_id, day)
    WHERE stats IS DISTINCT FROM direct
       OR s.day_start IS DISTINCT FROM day::timestamp AT TIME ZONE d.tz) x};
is(sql(q{SELECT count(*) FROM reporting.account_day_summary}) > 100 ? 'many' : 'few', 'many', 'the first refresh summarised the posts');
is(sql($differences), '0', 'the first refresh: equal to a direct computation from the own tables');

sub after {
	my ($what, $statement) = @_;
	sql($statement);
	sql('CALL reporting.refresh_account_day_summary()');
	is(sql($differences), '0', "$what: equal to a direct computation after a refresh");
}
after('INSERT into the own table', q{INSERT INTO crm.publications (page, created, like_count, reply_count, repost_count, impressions, unique_reach, audience)
	SELECT 20, timestamptz '2026-11-01 06:30+00' + g * interval '1 hour', 9, 1, 0, 100, 80, 5100 FROM generate_series(1, 30) g});
after('UPDATE moving posts across local days', q{UPDATE crm.publications SET created = created + interval '11 hours', like_count = like_count + 1 WHERE id % 6 = 0});
after('DELETE', q{DELETE FROM crm.publications WHERE id % 9 = 0});
after('an account added after its posts', q{INSERT INTO crm.publications (page, created, like_count, unique_reach, audience)
	VALUES (30, '2026-11-10 23:30+00', 5, 50, 700), (30, '2026-11-11 00:30+00', 7, 60, 700);
	INSERT INTO crm.pages VALUES (30, 'Night Owl Radio', 'Asia/Kathmandu')});
is(sql(q{SELECT string_agg(day::text, ',' ORDER BY day) FROM reporting.account_day_summary WHERE account_id = 30}), '2026-11-11',
	'its posts at 23:30 and 00:30 UTC fall on one local day in Kathmandu (+05:45)');
after('a time zone changed', q{UPDATE crm.pages SET tz = 'Pacific/Auckland' WHERE page_id = 10});
after('TRUNCATE of the own table', q{TRUNCATE crm.publications});
is(sql(q{SELECT count(*) FROM reporting.account_day_summary}), '0', 'after TRUNCATE no summary is left');
after('loaded again', q{INSERT INTO crm.publications (page, created, like_count, reply_count, repost_count, impressions, unique_reach, audience)
	SELECT 10 * (1 + g % 3), timestamptz '2026-11-20 00:00+00' + g * interval '3 hours', g, 1, 1, 100, 90, 4000 FROM generate_series(1, 60) g});

# a writer role, and the panels' queries
sql(q{CREATE ROLE loader; CALL reporting.grant_posts_writer('loader'); GRANT USAGE ON SCHEMA crm TO loader});
is($node->psql('shop', q{SET ROLE loader;
	INSERT INTO crm.publications (page, created, like_count, unique_reach, audience) VALUES (20, now(), 3, 30, 5000);
	UPDATE crm.publications SET like_count = like_count + 1 WHERE page = 30;
	DELETE FROM crm.publications WHERE id = (SELECT min(id) FROM crm.publications)},
	stdout => \$out, stderr => \$err, on_error_stop => 1), 0,
	'a writer given its rights by reporting.grant_posts_writer writes the own table (identity column included)') or diag $err;
after('the writer\'s changes', 'SELECT 1');
is(sql(q{SELECT count(*) = (SELECT count(*) FROM reporting.account_day_summary)
	FROM reporting.account_days('-infinity', 'infinity') JOIN reporting.accounts USING (account_id)}), 't',
	'reporting.account_days over every day, joined to reporting.accounts as the panels do: every summary');
is(sql(q{SELECT sum(posts) = (SELECT count(*) FROM crm.publications) FROM reporting.daily_metrics}), 't',
	'daily_metrics counts every post of the own table (no audience rows)');

$node->stop;
done_testing();
