# Tables of engagement_stats, of the 1.1 summaries and of the aggregate
# state types, with the largest and smallest values the aggregates produce,
# survive pg_dump and pg_restore unchanged.
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
-- the largest and smallest values the aggregates produce, of every kind
CREATE TABLE extremes (kind text PRIMARY KEY, summary engagement_stats, legacy engagement_stats_1_1,
                       ratio engagement_ratio_state, rate engagement_mean_state,
                       scores engagement_index_state);
INSERT INTO extremes
    SELECT 'empty', engagement_agg(1, 1, 1, 1, 1, 1), engagement_agg_1_1(1, 1, 1, 1, 1, 1),
           '(0,0)', 'v2(0,0,0,0,0,0)', 'v2(0,0,0,0,0,0,0,0,0)'
    FROM generate_series(1, 0)
    UNION ALL
    SELECT 'bigint maxima', engagement_agg(m, m, m, m, m, 1), engagement_agg_1_1(m, m, m, m, m, 1),
           er_reach_transfn(er_reach_transfn(NULL, m, m, m, m), m, m, m, m),
           post_rate_transfn(post_rate_transfn(NULL, m, m, m, 1), m, m, m, 1),
           engagement_index_transfn(NULL, 1e30, 1e30, 1e30)
    FROM (VALUES (9223372036854775807)) v(m), generate_series(1, 2)
    GROUP BY m
    UNION ALL
    SELECT 'tiny rates', engagement_agg(1, 0, 0, m, m, m), engagement_agg_1_1(1, 0, 0, m, m, m),
           er_reach_transfn(NULL, 1, 0, 0, m), post_rate_transfn(NULL, 1, 0, 0, m),
           engagement_index_transfn(NULL, 5e-324, 1e-300, 2.2250738585072014e-308)
    FROM (VALUES (9223372036854775807)) v(m)
    GROUP BY m;
});

my $dump = $node->basedir . '/source.dump';
$node->command_ok([ 'pg_dump', '-Fc', '-f', $dump, '-d', $node->connstr('source') ],
	'pg_dump of the source database');
$node->command_ok([ 'pg_restore', '-d', $node->connstr('target'), $dump ],
	'pg_restore into an empty database');

for my $query (
	'SELECT account_id, day, summary, reach_state, post_state FROM daily ORDER BY 1, 2',
	'SELECT s FROM survey_state',
	'SELECT kind, summary, legacy, ratio, rate, scores, er_post(summary), er_post(legacy), love_rate(summary)
	 FROM extremes ORDER BY kind',
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
is($node->safe_psql('target', 'SELECT count(*), count(summary), count(legacy), count(rate) FROM extremes'),
	'3|3|3|3', 'every extreme value came back');

$node->stop;
done_testing();
