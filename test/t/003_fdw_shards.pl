# Scale-out with postgres_fdw: a coordinator and two shards on loopback.
# posts is partitioned by hash(account_id) into foreign tables; queries
# grouped by account run the aggregates on the shards, and the two-step
# form ships one summary per shard instead of rows.  Every result equals
# the same query over the same rows on one node.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my @shards = map { PostgreSQL::Test::Cluster->new("shard$_") } (0, 1);
my $coord = PostgreSQL::Test::Cluster->new('coordinator');
for my $node ($coord, @shards) {
	$node->init;
	$node->start;
	$node->safe_psql('postgres', 'CREATE EXTENSION engagement');
}

my $columns = 'account_id int, published_at date, likes int, comments int, shares int,
               reach bigint, views bigint, followers bigint';
for my $shard (@shards) {
	$shard->safe_psql('postgres', "CREATE TABLE posts ($columns)");
}

my $setup = "CREATE EXTENSION postgres_fdw;\n"
  . "CREATE TABLE posts ($columns) PARTITION BY HASH (account_id);\n";
for my $i (0, 1) {
	my ($host, $port) = ($shards[$i]->host, $shards[$i]->port);
	$setup .= qq{
CREATE SERVER shard$i FOREIGN DATA WRAPPER postgres_fdw
    OPTIONS (host '$host', port '$port', dbname 'postgres', extensions 'engagement');
CREATE USER MAPPING FOR CURRENT_USER SERVER shard$i;
CREATE FOREIGN TABLE posts_p$i PARTITION OF posts
    FOR VALUES WITH (MODULUS 2, REMAINDER $i) SERVER shard$i OPTIONS (table_name 'posts');
};
}
# the same rows, on one node, to compare with
$setup .= qq{
SELECT setseed(0.25);
CREATE TABLE posts_local AS
    SELECT 1 + g % 50 AS account_id, date '2026-09-01' + (g / 50) % 60 AS published_at,
           CASE WHEN g % 97 = 0 THEN NULL ELSE floor(exp(random() * 8))::int END AS likes,
           floor(exp(random() * 4))::int AS comments, floor(exp(random() * 3))::int AS shares,
           CASE WHEN g % 31 = 0 THEN 0 ELSE floor(exp(random() * 11))::bigint END AS reach,
           floor(exp(random() * 12))::bigint AS views,
           CASE WHEN g % 37 = 0 THEN 0 ELSE floor(exp(random() * 13))::bigint END AS followers
    FROM generate_series(1, 30000) g;
INSERT INTO posts SELECT * FROM posts_local;
};
$coord->safe_psql('postgres', $setup);

is($shards[0]->safe_psql('postgres', 'SELECT count(*) > 0 FROM posts') . ' '
	  . $shards[1]->safe_psql('postgres', 'SELECT count(*) > 0 FROM posts'),
	't t', 'both shards hold rows');

sub coord_query {
	my ($sql) = @_;
	return $coord->safe_psql('postgres', "SET enable_partitionwise_aggregate = on;\n$sql");
}

# grouped by the partition key: the whole aggregate runs on each shard
my $grouped = 'SELECT account_id, er_reach(likes, comments, shares, reach), er_view(likes, comments, shares, views),
       er_post(likes, comments, shares, followers), er_day(likes, comments, shares, followers),
       amplification_rate(shares)
FROM %s GROUP BY account_id ORDER BY account_id';
my $plan = coord_query('EXPLAIN (VERBOSE, COSTS OFF) ' . sprintf($grouped, 'posts'));
like($plan, qr/Relations: Aggregate on \(public\.posts_p0 posts(_\d+)?\)/, 'grouped query: shard 0 aggregates');
like($plan, qr/Relations: Aggregate on \(public\.posts_p1 posts(_\d+)?\)/, 'grouped query: shard 1 aggregates');
like($plan, qr/Remote SQL: SELECT account_id, public\.er_reach\(likes, comments, shares, reach\)/,
	'grouped query: er_reach is in the remote SQL');
unlike($plan, qr/Partial|Finalize/, 'grouped query: nothing left to combine on the coordinator');

# compare: integer ratios exactly, means of ratios within 1e-12
sub same_rows {
	my ($distributed, $local, $name) = @_;
	my @d = map { [ split /\|/, $_, -1 ] } split /\n/, $distributed;
	my @l = map { [ split /\|/, $_, -1 ] } split /\n/, $local;
	is(scalar @d, scalar @l, "$name: same number of rows (" . scalar(@l) . ')');
	my $bad = 0;
	for my $r (0 .. $#l) {
		for my $c (0 .. $#{ $l[$r] }) {
			my ($x, $y) = ($d[$r][$c] // 'missing', $l[$r][$c]);
			next if $x eq $y;
			$bad++ unless $x =~ /^-?[\d.e+-]+$/ && $y =~ /^-?[\d.e+-]+$/
			  && abs($x - $y) <= 1e-12 * abs($y);
		}
	}
	is($bad, 0, "$name: every value equals the one-node result");
}

same_rows(coord_query(sprintf($grouped, 'posts')), coord_query(sprintf($grouped, 'posts_local')),
	'grouped by account');

# the two-step form: one summary per shard, rolled up on the coordinator
my $two_step = 'SELECT er_reach(s), er_view(s), er_post(s), er_day(s), love_rate(s), talk_rate(s),
       amplification_rate(s), engagement_volume(s), post_count(s)
FROM (SELECT rollup(s) AS s FROM (%s) per_part) total';
my $per_shard = 'SELECT engagement_agg(likes, comments, shares, reach, views, followers) AS s FROM posts_p0
UNION ALL
SELECT engagement_agg(likes, comments, shares, reach, views, followers) FROM posts_p1';
$plan = coord_query('EXPLAIN (VERBOSE, COSTS OFF) ' . sprintf($two_step, $per_shard));
like($plan, qr/Relations: Aggregate on \(public\.posts_p0\)/, 'two-step: shard 0 builds its summary');
like($plan, qr/Relations: Aggregate on \(public\.posts_p1\)/, 'two-step: shard 1 builds its summary');
like($plan, qr/Remote SQL: SELECT public\.engagement_agg\(likes, comments, shares, reach, views, followers\)/,
	'two-step: engagement_agg is in the remote SQL');
my $analyze = coord_query('EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ' . sprintf($two_step, $per_shard));
# row counts are whole numbers before PostgreSQL 18 and have two decimals
# since (rows=1.00): read them as numbers
my @scans = map { $_ + 0 } $analyze =~ /Foreign Scan \(actual rows=(\d+(?:\.\d+)?) loops=1\)/g;
is("@scans", '1 1', 'two-step: each shard ships one row, its summary');

my $local_one_step = 'SELECT er_reach(likes, comments, shares, reach), er_view(likes, comments, shares, views),
       er_post(likes, comments, shares, followers), er_day(likes, comments, shares, followers),
       avg(love_rate(likes, followers)), avg(talk_rate(comments, followers)),
       amplification_rate(shares), sum(engagement_volume(likes, comments, shares)), count(*)
FROM posts_local';
same_rows(coord_query(sprintf($two_step, $per_shard)), coord_query($local_one_step),
	'two-step summary of all posts');

# and the same summaries grouped by account through the partitioned table
my $by_account = 'SELECT account_id, er_reach(s), er_post(s), love_rate(s), post_count(s)
FROM (SELECT account_id, engagement_agg(likes, comments, shares, reach, views, followers) AS s
      FROM %s GROUP BY account_id) q ORDER BY account_id';
$plan = coord_query('EXPLAIN (VERBOSE, COSTS OFF) ' . sprintf($by_account, 'posts'));
like($plan, qr/Remote SQL: SELECT account_id, public\.engagement_agg/, 'summaries per account are built on the shards');
same_rows(coord_query(sprintf($by_account, 'posts')), coord_query(sprintf($by_account, 'posts_local')),
	'summaries per account');

$_->stop for ($coord, @shards);
done_testing();
