# Tables of engagement_stats and of the aggregate state types survive
# pg_dump and pg_restore unchanged.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $node = PostgreSQL::Test::Cluster->new('dump');
$node->init;
$node->start;

$node->safe_psql('postgres', 'CREATE DATABASE source');
$node->safe_psql('postgres', 'CREATE DATABASE target');
$node->safe_psql('source', q{
CREATE EXTENSION engagement;
SELECT setseed(0.5);
CREATE TABLE posts AS
    SELECT g % 40 AS account_id, date '2026-01-01' + (g / 40) % 30 AS day,
           CASE WHEN g % 17 = 0 THEN NULL ELSE floor(random() * 5000)::int END AS likes,
           floor(random() * 300)::int AS comments, floor(random() * 100)::int AS shares,
           CASE WHEN g % 23 = 0 THEN 0 ELSE floor(random() * 90000)::int END AS reach,
           floor(random() * 120000)::int AS views,
           CASE WHEN g % 29 = 0 THEN 0 ELSE floor(random() * 200000)::int END AS followers
    FROM generate_series(1, 20000) g;
CREATE TABLE daily (
    account_id int, day date,
    summary engagement_stats,
    reach_state engagement_ratio_state,
    post_state engagement_mean_state,
    PRIMARY KEY (account_id, day)
);
INSERT INTO daily
    SELECT account_id, day,
           engagement_agg(likes, comments, shares, reach, views, followers),
           er_reach_transfn('(0,0)', 1, 2, 3, count(*)),
           post_rate_transfn('(0,0,0)', count(*), 0, 0, 7)
    FROM posts GROUP BY account_id, day;
CREATE TABLE survey_state (s engagement_index_state);
INSERT INTO survey_state VALUES ('(2,50,0,2,26,0,1,8,1e-15)');
});

my $dump = $node->basedir . '/source.dump';
$node->command_ok([ 'pg_dump', '-Fc', '-f', $dump, '-d', $node->connstr('source') ],
	'pg_dump of the source database');
$node->command_ok([ 'pg_restore', '-d', $node->connstr('target'), $dump ],
	'pg_restore into an empty database');

for my $query (
	'SELECT account_id, day, summary, reach_state, post_state FROM daily ORDER BY 1, 2',
	'SELECT s FROM survey_state',
	'SELECT account_id, er_reach(rollup(summary)), er_post(rollup(summary)), love_rate(rollup(summary)),
	        post_count(rollup(summary)) FROM daily GROUP BY account_id ORDER BY 1')
{
	my $source = $node->safe_psql('source', $query);
	my $target = $node->safe_psql('target', $query);
	cmp_ok(length($source), '>', 0, 'the source has rows: ' . substr($query, 0, 40));
	is($target, $source, 'restored identically: ' . substr($query, 0, 40));
}

# bit-for-bit, not only through the text form: the restored summaries equal
# the ones a fresh aggregate builds from the same posts
$node->safe_psql('target', q{
CREATE TABLE rebuilt AS
    SELECT account_id, day, engagement_agg(likes, comments, shares, reach, views, followers) AS summary
    FROM posts GROUP BY account_id, day});
is($node->safe_psql('target',
		'SELECT count(*), bool_and(d.summary = r.summary) FROM daily d JOIN rebuilt r USING (account_id, day)'),
	'1200|t', 'every restored summary equals the one rebuilt from the restored posts');

$node->stop;
done_testing();
