# A partitioned posts table under examples/reporting.sql: statements on a
# partition itself (INSERT, UPDATE, DELETE, TRUNCATE), partitions created,
# attached, detached and dropped, with and without the event trigger that
# watches new partitions at once; after each, a refresh leaves the daily
# summaries equal to a full rebuild.  A foreign partition is refused with a
# message saying why.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;
use lib "$ENV{TESTDIR}/test/perl";
use ReportingSchema;

my $examples = "$ENV{TESTDIR}/examples";
my $node = PostgreSQL::Test::Cluster->new('partitions');
$node->init;
$node->start;
$node->safe_psql('postgres', 'CREATE DATABASE analytics');
$node->safe_psql('analytics', 'CREATE EXTENSION engagement');

# the reporting schema with posts partitioned by publication time (the
# primary key then has to include it)
my $schema = slurp_file("$examples/reporting.sql");
$schema =~ s/(CREATE TABLE posts \(\n\s+post_id\s+)bigserial PRIMARY KEY,(.*?)\n\);/$1bigserial,$2,\n    PRIMARY KEY (post_id, published_at)\n) PARTITION BY RANGE (published_at);/s
  or die 'no CREATE TABLE posts in reporting.sql';
my $partitioned = "${PostgreSQL::Test::Utils::tmp_check}/reporting-partitioned.sql";
open my $fh, '>', $partitioned or die $!;
print $fh $schema;
# a day may span two partitions: the bounds are at noon
print $fh q{
CREATE TABLE posts_old PARTITION OF posts FOR VALUES FROM (MINVALUE) TO (current_date - 60 + time '12:00');
CREATE TABLE posts_mid PARTITION OF posts FOR VALUES FROM (current_date - 60 + time '12:00') TO (current_date - 30 + time '12:00')
    PARTITION BY RANGE (published_at);
CREATE TABLE posts_mid_1 PARTITION OF posts_mid FOR VALUES FROM (current_date - 60 + time '12:00') TO (current_date - 45 + time '12:00');
CREATE TABLE posts_mid_rest PARTITION OF posts_mid DEFAULT;
CREATE TABLE posts_new PARTITION OF posts FOR VALUES FROM (current_date - 30 + time '12:00') TO (current_date + 365);
};
close $fh;
$node->command_ok(
	[ 'psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', $node->connstr('analytics'),
	  '-f', $partitioned, '-f', "$examples/demo-data.sql" ],
	'the reporting schema over a partitioned posts and the demo data load');

my $differences = $rebuild_differences;

is($node->safe_psql('analytics', 'SELECT count(*) > 100 FROM posts_old')
	. $node->safe_psql('analytics', 'SELECT count(*) > 30 FROM posts_mid_1')
	. $node->safe_psql('analytics', 'SELECT count(*) > 30 FROM posts_new'), 'ttt', 'every partition holds posts');
is($node->safe_psql('analytics', $differences), '0', 'loaded through the parent: equal to a full rebuild');

# after STATEMENT on a partition, a refresh makes the summaries equal to a
# full rebuild
sub after {
	my ($what, $statement) = @_;
	$node->safe_psql('analytics', $statement);
	my $before = $node->safe_psql('analytics', $differences);
	$node->safe_psql('analytics', 'CALL reporting.refresh_account_day_summary()');
	is($node->safe_psql('analytics', $differences), '0', "$what: equal to a full rebuild after a refresh ($before stale before)");
}

after('INSERT into a partition', q{
INSERT INTO posts_new (account_id, published_at, likes, comments, shares, views, reach, followers)
SELECT 1 + g % 3, current_date - g % 20 + time '13:00', 7 * g, g, 1, 500, 300, 12000 FROM generate_series(1, 40) g});
after('INSERT into a sub-partition', q{
INSERT INTO posts_mid_1 (account_id, published_at, likes, reach, followers)
SELECT 1, current_date - 50 - g % 8 + time '09:00', 1000, 2000, 12000 FROM generate_series(1, 10) g});
after('UPDATE of a partition', q{UPDATE posts_old SET likes = likes * 3 + 1 WHERE post_id % 4 = 0});
after('UPDATE of a partitioned partition', q{UPDATE posts_mid SET reach = reach + 17 WHERE post_id % 3 = 0});
after('DELETE from a partition', q{DELETE FROM posts_mid_rest WHERE post_id % 2 = 0});
after('MERGE into a partition', q{
MERGE INTO posts_new p USING (SELECT post_id FROM posts_new WHERE post_id % 5 = 0) s ON p.post_id = s.post_id
WHEN MATCHED THEN UPDATE SET comments = coalesce(comments, 0) + 9});
after('TRUNCATE of a partition', q{TRUNCATE posts_mid_1});
after('TRUNCATE of a partitioned partition', q{TRUNCATE posts_mid});

after('DETACH PARTITION', q{ALTER TABLE posts DETACH PARTITION posts_new});
is($node->safe_psql('analytics', q{SELECT count(*) FROM pg_trigger WHERE tgrelid = 'posts_new'::regclass AND NOT tgisinternal}),
	'0', 'a detached partition loses its triggers at the refresh');
after('a detached table changed', q{DELETE FROM posts_new WHERE post_id % 2 = 1});
after('ATTACH PARTITION of a loaded table', q{ALTER TABLE posts ATTACH PARTITION posts_new
	FOR VALUES FROM (current_date - 30 + time '12:00') TO (current_date + 365)});
after('INSERT into an attached partition', q{
INSERT INTO posts_new (account_id, published_at, likes, reach, followers)
SELECT 2, current_date - g + time '23:00', 50, 400, 12000 FROM generate_series(1, 5) g});
after('DETACH, change, ATTACH again without a refresh between', q{
ALTER TABLE posts DETACH PARTITION posts_new;
UPDATE posts_new SET likes = 1 WHERE post_id % 3 = 1;
ALTER TABLE posts ATTACH PARTITION posts_new FOR VALUES FROM (current_date - 30 + time '12:00') TO (current_date + 365);});
after('CREATE TABLE ... PARTITION OF and INSERT into it', q{
CREATE TABLE posts_next PARTITION OF posts FOR VALUES FROM (current_date + 365) TO (current_date + 730);
INSERT INTO posts_next (account_id, published_at, likes, reach, followers)
SELECT 3, current_date + 400 + g, 10, 100, 12000 FROM generate_series(1, 5) g});
after('DROP of a partition', q{DROP TABLE posts_next});
after('DETACH and DROP', q{ALTER TABLE posts DETACH PARTITION posts_old; DROP TABLE posts_old});

# without the event trigger (the file run by a role that is not a
# superuser): a new partition is watched from the next refresh on, which
# reads all of it
$node->safe_psql('analytics', 'ALTER EVENT TRIGGER reporting_watch_posts_partitions DISABLE');
after('without the event trigger, CREATE TABLE ... PARTITION OF and INSERT into it', q{
CREATE TABLE posts_next PARTITION OF posts FOR VALUES FROM (current_date + 365) TO (current_date + 730);
INSERT INTO posts_next (account_id, published_at, likes, reach, followers)
SELECT 3, current_date + 400 + g, 10, 100, 12000 FROM generate_series(1, 5) g});
after('without the event trigger, a CREATE TABLE ... PARTITION OF with rows before the refresh', q{
CREATE TABLE posts_later PARTITION OF posts FOR VALUES FROM (current_date + 730) TO (current_date + 800);
INSERT INTO posts_later (account_id, published_at, likes, reach, followers)
SELECT 1, current_date + 740 + g, 10, 100, 12000 FROM generate_series(1, 5) g;
UPDATE posts_later SET likes = 11});
after('without the event trigger, DETACH', q{ALTER TABLE posts DETACH PARTITION posts_later});
after('without the event trigger, ATTACH', q{ALTER TABLE posts ATTACH PARTITION posts_later
	FOR VALUES FROM (current_date + 730) TO (current_date + 800)});
after('without the event trigger, DROP', q{DROP TABLE posts_later});
$node->safe_psql('analytics', 'ALTER EVENT TRIGGER reporting_watch_posts_partitions ENABLE');

# the event trigger leaves other tables' DDL alone: a role without any
# right on the reporting schema creates and alters a table of its own
$node->safe_psql('analytics', q{CREATE ROLE someone; GRANT CREATE ON SCHEMA public TO someone});
is($node->psql('analytics', q{SET ROLE someone; CREATE TABLE mine (x int); ALTER TABLE mine ADD COLUMN y int;
	CREATE TABLE mine_parts (x int) PARTITION BY LIST (x); CREATE TABLE mine_1 PARTITION OF mine_parts FOR VALUES IN (1)},
	on_error_stop => 1), 0, 'a role without rights on reporting: its own DDL runs');

# a foreign partition: refused when it is attached or created, with the
# event trigger; by the refresh without it
my $port = $node->port;
my $host = $node->host;
$node->safe_psql('analytics', qq{
CREATE EXTENSION postgres_fdw;
CREATE SERVER elsewhere FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '$host', port '$port', dbname 'analytics');
CREATE USER MAPPING FOR CURRENT_USER SERVER elsewhere;
CREATE TABLE remote_posts (LIKE posts);
CREATE FOREIGN TABLE posts_remote (post_id bigint NOT NULL, account_id int NOT NULL,
    published_at timestamptz NOT NULL CONSTRAINT posts_published_at_finite CHECK (isfinite(published_at)),
    likes int, comments int, shares int, views bigint, reach bigint, followers bigint) SERVER elsewhere OPTIONS (table_name 'remote_posts');});
my ($stdout, $stderr);
# with a primary key on posts, PostgreSQL refuses it itself
$node->psql('analytics', q{ALTER TABLE posts ATTACH PARTITION posts_remote FOR VALUES FROM (current_date + 1000) TO (current_date + 1100)},
	stdout => \$stdout, stderr => \$stderr);
like($stderr, qr/cannot attach foreign table "posts_remote".*unique indexes/s, 'ATTACH of a foreign table to posts with a primary key: refused by PostgreSQL');
# without one (nor the foreign key to accounts), by the reporting schema
$node->safe_psql('analytics', 'ALTER TABLE posts DROP CONSTRAINT posts_pkey, DROP CONSTRAINT posts_account_id_fkey');
my $foreign = qr/posts cannot have a foreign partition: posts_remote.*DETAIL:.*transition tables.*foreign tables/s;
$node->psql('analytics', q{ALTER TABLE posts ATTACH PARTITION posts_remote FOR VALUES FROM (current_date + 1000) TO (current_date + 1100)},
	stdout => \$stdout, stderr => \$stderr);
like($stderr, $foreign, 'ATTACH of a foreign table: refused, saying why');
$node->psql('analytics', qq{CREATE FOREIGN TABLE posts_remote2 PARTITION OF posts FOR VALUES FROM (current_date + 1000) TO (current_date + 1100)
	SERVER elsewhere OPTIONS (table_name 'remote_posts')}, stdout => \$stdout, stderr => \$stderr);
like($stderr, qr/posts cannot have a foreign partition: posts_remote2/, 'CREATE FOREIGN TABLE ... PARTITION OF posts: refused');
is($node->safe_psql('analytics', q{SELECT count(*) FROM pg_partition_tree('posts') t JOIN pg_class c ON c.oid = t.relid WHERE c.relkind = 'f'}),
	'0', 'posts has no foreign partition');
$node->safe_psql('analytics', q{ALTER EVENT TRIGGER reporting_watch_posts_partitions DISABLE;
ALTER TABLE posts ATTACH PARTITION posts_remote FOR VALUES FROM (current_date + 1000) TO (current_date + 1100)});
$node->psql('analytics', 'CALL reporting.refresh_account_day_summary()', stdout => \$stdout, stderr => \$stderr);
like($stderr, $foreign, 'without the event trigger: the refresh refuses a foreign partition, saying why');
$node->safe_psql('analytics', q{ALTER TABLE posts DETACH PARTITION posts_remote;
ALTER EVENT TRIGGER reporting_watch_posts_partitions ENABLE;
CALL reporting.refresh_account_day_summary()});
is($node->safe_psql('analytics', $differences), '0', 'the foreign table detached: equal to a full rebuild');
is($node->safe_psql('analytics', 'SELECT count(*) FROM reporting.summary_changes'), '0', 'nothing left to do');

$node->stop;
done_testing();
