# Every SQL example of the README runs as written: once with the table of
# Getting started as it stands (integer likes, comments and shares, bigint
# audiences) and once with every count bigint.  The tables the examples
# read but do not create (the survey, the daily summaries of the reporting
# schema, the postgres_fdw shards) are made beforehand, with a few rows, so
# that each example computes something.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

open(my $fh, '<', "$ENV{TESTDIR}/README.md") or die "README.md: $!";
my $readme = do { local $/; <$fh> };
close($fh);
my @examples = $readme =~ /^```sql\n(.*?)^```/msg;
ok(@examples >= 4, 'the README has SQL examples (' . scalar(@examples) . ')');
like($examples[0], qr/FROM posts/, 'the first example reads posts');
my ($getting_started) = grep { /CREATE TABLE posts/ } @examples;
ok(defined $getting_started, 'one example creates the posts table');

# what the examples read but do not create, filled once posts exists
my $fixtures = q{
CREATE TABLE survey_answers (division text, department text, answers boolean[]);
INSERT INTO survey_answers
SELECT 'division ' || g % 2, 'dept ' || g % 4, array_fill(g % 3 = 0, ARRAY[12]) FROM generate_series(1, 30) g;
INSERT INTO posts (account_id, published_at, likes, comments, shares, views, reach, followers)
SELECT g % 4, timestamptz '2026-11-01 00:00+00' + g * interval '5 hours',
       g * 3, g % 7, g % 5, 100 * g, 40 * g + 1, 1000 + g % 4
FROM generate_series(1, 200) g;
INSERT INTO account_daily SELECT a, date '2026-10-01' + d, 1000 + 10 * d + a
FROM generate_series(0, 3) a, generate_series(0, 60) d;
CREATE SCHEMA reporting;
CREATE TABLE reporting.account_day_summary AS
SELECT account_id, (published_at AT TIME ZONE 'UTC')::date AS day,
       engagement_agg(likes, comments, shares, reach, views, followers) AS stats
FROM posts GROUP BY 1, 2;
CREATE TABLE posts_p0 AS SELECT * FROM posts WHERE account_id % 2 = 0;
CREATE TABLE posts_p1 AS SELECT * FROM posts WHERE account_id % 2 = 1;
};

my $node = PostgreSQL::Test::Cluster->new('readme');
$node->init;
$node->start;

for my $variant ('as written', 'bigint counts') {
	my $db = $variant eq 'as written' ? 'readme_int' : 'readme_bigint';
	$node->safe_psql('postgres', "CREATE DATABASE $db");
	my $create = $getting_started;
	if ($variant eq 'bigint counts') {
		$create =~ s/\b(account_id\s+)int\b/${1}bigint/;
		$create =~ s/likes int, comments int, shares int/likes bigint, comments bigint, shares bigint/
			or BAIL_OUT('the posts table of Getting started changed: update this test');
	}
	# the table first: the fixtures fill it before the example reads it
	my ($table) = $create =~ /(CREATE EXTENSION engagement;.*?CREATE TABLE posts \(.*?\);)/s;
	my ($daily) = $create =~ /(CREATE TABLE account_daily \(.*?\);)/s;
	$node->safe_psql($db, $table . ($daily // '') . $fixtures);
	my $rest = $create;
	$rest =~ s/\Q$table\E//;
	$rest =~ s/\Q$daily\E// if defined $daily;

	my $i = 0;
	for my $example (@examples) {
		$i++;
		my $sql = $example eq $getting_started ? $rest : $example;
		my ($ret, $out, $err) = $node->psql($db, $sql, on_error_stop => 1);
		is($ret, 0, "README example $i runs ($variant)") or diag "$sql\n$err";
	}
	my $types = $node->safe_psql($db,
		q{SELECT string_agg(atttypid::regtype::text, ',' ORDER BY attnum) FROM pg_attribute
		  WHERE attrelid = 'posts'::regclass AND attname IN ('likes', 'reach')});
	is($types, $variant eq 'as written' ? 'integer,bigint' : 'bigint,bigint',
		"the posts table has the counts of the variant ($variant)");
}

$node->stop;
done_testing();
