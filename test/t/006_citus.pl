# Scale-out on Citus: a coordinator and two workers on this machine
# (127.0.0.1 only), a distributed table of posts and a local copy of it.
# For every aggregate of the extension, found in the catalog, grouped by the
# distribution column, by another column and ungrouped:
#   - the plan does the aggregation on the workers (the whole aggregate, or
#     worker_partial_agg with coord_combine_agg on the coordinator), never
#     pulls rows to the coordinator;
#   - the result equals the same query on the local copy.
# Then the two-step summaries built shard by shard, and an error raised on a
# worker.  Skipped when Citus is not installed (test/run.sh builds it when
# CITUS_SRC names its source).
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $pkglibdir = `pg_config --pkglibdir`;
chomp $pkglibdir;
plan skip_all => 'Citus is not installed' unless -f "$pkglibdir/citus.so";

my @nodes;
for my $name (qw(coordinator worker1 worker2))
{
	my $node = PostgreSQL::Test::Cluster->new($name);
	$node->init;
	$node->append_conf('postgresql.conf', qq{
shared_preload_libraries = 'citus'
listen_addresses = '127.0.0.1'
max_worker_processes = 16
citus.enable_statistics_collection = off
});
	$node->start;
	$node->safe_psql('postgres', 'CREATE EXTENSION citus');
	push @nodes, $node;
}
my ($coordinator, @workers) = @nodes;
$coordinator->safe_psql('postgres',
	"SELECT citus_set_coordinator_host('127.0.0.1', " . $coordinator->port . ')');
for my $worker (@workers)
{
	$coordinator->safe_psql('postgres', "SELECT citus_add_node('127.0.0.1', " . $worker->port . ')');
}
is($coordinator->safe_psql('postgres', 'SELECT count(*) FROM citus_get_active_worker_nodes()'),
	'2', 'two workers are active');

# the extension reaches the workers by itself
$coordinator->safe_psql('postgres', 'CREATE EXTENSION engagement');
for my $worker (@workers)
{
	is($worker->safe_psql('postgres', "SELECT extversion FROM pg_extension WHERE extname = 'engagement'"),
		$coordinator->safe_psql('postgres', "SELECT extversion FROM pg_extension WHERE extname = 'engagement'"),
		'the worker on port ' . $worker->port . ' has the extension');
}

# One column per argument type (up to six of each), filled with values every
# aggregate accepts: counts with zeros and NULLs, survey scores 1..5, scores
# 0..40, answers, a distinct time per row.  Arguments whose name asks for
# one value per group (a confidence, a headcount) get a constant.
$coordinator->safe_psql('postgres', q{
SELECT setseed(0.31);
CREATE TABLE posts AS
    SELECT g AS id, g % 40 AS account_id, g % 7 AS day,
           CASE WHEN g % 53 = 0 THEN NULL ELSE floor(exp(random() * 9))::bigint END AS b1,
           floor(exp(random() * 5))::bigint AS b2,
           floor(exp(random() * 4))::bigint AS b3,
           CASE WHEN g % 31 = 0 THEN 0 ELSE floor(exp(random() * 12))::bigint END AS b4,
           floor(exp(random() * 13))::bigint AS b5,
           CASE WHEN g % 29 = 0 THEN 0 ELSE floor(exp(random() * 14))::bigint END AS b6,
           CASE WHEN g % 47 = 0 THEN NULL ELSE 1 + floor(random() * 5)::int END AS i1,
           1 + floor(random() * 5)::int AS i2, 1 + floor(random() * 5)::int AS i3,
           1 + floor(random() * 5)::int AS i4, 1 + floor(random() * 5)::int AS i5,
           1 + floor(random() * 5)::int AS i6,
           (1 + floor(random() * 5))::smallint AS s1, (1 + floor(random() * 5))::smallint AS s2,
           (1 + floor(random() * 5))::smallint AS s3, (1 + floor(random() * 5))::smallint AS s4,
           (1 + floor(random() * 5))::smallint AS s5, (1 + floor(random() * 5))::smallint AS s6,
           random() * 40 AS f1, random() * 30 AS f2,
           CASE WHEN g % 3 = 0 THEN NULL ELSE random() * 30 END AS f3,
           CASE WHEN g % 13 = 0 THEN NULL ELSE random() < 0.6 END AS bool1,
           ARRAY(SELECT CASE WHEN random() < 0.05 THEN NULL ELSE random() < 0.6 END
                 FROM generate_series(1, 12) WHERE g > 0) AS boolarr1,
           ARRAY(SELECT 1 + floor(random() * 5)::int FROM generate_series(1, 12) WHERE g > 0) AS intarr1,
           ARRAY(SELECT (1 + floor(random() * 5))::smallint FROM generate_series(1, 12) WHERE g > 0) AS smallintarr1,
           (random() * 1000)::numeric(12, 2) AS num1,
           timestamptz '2026-01-01 00:00+00' + g * interval '1 minute' AS ts1,
           date '2026-01-01' + g AS date1
    FROM generate_series(1, 6000) g;
ALTER TABLE posts ADD COLUMN stats1 engagement_stats, ADD COLUMN stats_1_1_1 engagement_stats_1_1;
-- counts as text, for the text forms that untyped parameters resolve to
ALTER TABLE posts ADD COLUMN text1 text, ADD COLUMN text2 text, ADD COLUMN text3 text, ADD COLUMN text4 text;
UPDATE posts SET text1 = b1::text, text2 = b2::text, text3 = b3::text, text4 = b4::text;
UPDATE posts SET stats1 = engagement_agg_transfn(NULL::engagement_stats, b1, b2, b3, b4, b5, b6),
                 stats_1_1_1 = engagement_agg_transfn(NULL::engagement_stats_1_1, b1, b2, b3, b4, b5, b6);
CREATE TABLE posts_local AS SELECT * FROM posts;
SELECT create_distributed_table('posts', 'account_id');
});
is($coordinator->safe_psql('postgres', 'SELECT count(*) FROM posts'), '6000', 'the distributed table has every row');

my %column_of_type = (
	'bigint' => 'b', 'integer' => 'i', 'smallint' => 's', 'double precision' => 'f',
	'boolean' => 'bool', 'boolean[]' => 'boolarr', 'integer[]' => 'intarr',
	'smallint[]' => 'smallintarr', 'numeric' => 'num', 'timestamp with time zone' => 'ts',
	'date' => 'date', 'engagement_stats' => 'stats', 'engagement_stats_1_1' => 'stats_1_1_', 'text' => 'text');
my %constant_for_argument = (confidence => '0.9', headcount => '100000', min_group_size => '5');
# a summary of version 1.1 holds compensated sums whose last bits depend on
# the order of the rows, so it is compared by what its accessors read
my $accessors_of = 'ARRAY[er_reach(%1$s), er_view(%1$s), er_post(%1$s), er_day(%1$s), love_rate(%1$s),
	talk_rate(%1$s), amplification_rate(%1$s)]';
my %compared_as = ('engagement_stats_1_1' => $accessors_of);

# every aggregate of the extension, with its argument types and names
my @aggregates = map { [ split /\|/ ] } split /\n/, $coordinator->safe_psql('postgres', q{
SELECT p.proname, pg_get_function_identity_arguments(p.oid),
       array_to_string(ARRAY(SELECT format_type(t, NULL) FROM unnest(p.proargtypes) t), ','),
       array_to_string(coalesce(p.proargnames, '{}'), ','), format_type(p.prorettype, NULL)
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'engagement'
WHERE p.prokind = 'a'
ORDER BY 1, 2});
cmp_ok(scalar @aggregates, '>=', 20, 'the catalog lists the aggregates (' . scalar(@aggregates) . ')');

sub call_of
{
	my ($name, $types, $argnames) = @_;
	my @types = split /,/, $types;
	my @names = split /,/, $argnames;
	my %used;
	my @args;
	for my $i (0 .. $#types)
	{
		my $argname = $names[$i] // '';
		if (exists $constant_for_argument{$argname})
		{
			push @args, "$constant_for_argument{$argname}::$types[$i]";
			next;
		}
		my $prefix = $column_of_type{ $types[$i] };
		die "no column for an argument of type $types[$i] ($name)" unless defined $prefix;
		push @args, $prefix . ++$used{$prefix};
	}
	return "$name(" . join(', ', @args) . ')';
}

# the same result on both sides: exact for whatever is not a double,
# within 1e-12 relative for doubles and arrays of them (the aggregates of
# version 1.2 are in fact exact)
sub same_results
{
	my ($a, $b, $is_double) = @_;
	return $a eq $b unless $is_double;
	my @x = split /\n/, $a;
	my @y = split /\n/, $b;
	return 0 unless @x == @y;
	for my $i (0 .. $#x)
	{
		my @u = split /[|,{}]/, $x[$i], -1;
		my @v = split /[|,{}]/, $y[$i], -1;
		return 0 unless @u == @v;
		for my $j (0 .. $#u)
		{
			next if $u[$j] eq $v[$j];
			return 0 if $u[$j] !~ /^-?[\d.e+-]+$/ || $v[$j] !~ /^-?[\d.e+-]+$/;
			my $scale = abs($u[$j]) > abs($v[$j]) ? abs($u[$j]) : abs($v[$j]);
			return 0 if abs($u[$j] - $v[$j]) > 1e-12 * $scale;
		}
	}
	return 1;
}

my %groupings = (
	'by the distribution column' => [ 'account_id, ', 'GROUP BY account_id ORDER BY account_id' ],
	'by another column' => [ 'day, ', 'GROUP BY day ORDER BY day' ],
	'ungrouped' => [ '', '' ]);

for my $aggregate (@aggregates)
{
	my ($name, $identity, $types, $argnames, $result_type) = @$aggregate;
	my $call = call_of($name, $types, $argnames);
	my $is_double = $result_type eq 'double precision';
	if (exists $compared_as{$result_type})
	{
		$call = sprintf($compared_as{$result_type}, $call);
		$is_double = 1;
	}
	for my $grouping (sort keys %groupings)
	{
		my ($select, $group) = @{ $groupings{$grouping} };
		my $label = "$name($identity) $grouping";
		my $plan = $coordinator->safe_psql('postgres',
			"EXPLAIN (VERBOSE, COSTS OFF) SELECT $select$call FROM posts $group");
		my @worker_queries = $plan =~ /^\s*Query: (.*)$/mg;
		ok(@worker_queries > 0 && !grep({ !/\Q$name\E\(|worker_partial_agg/ } @worker_queries),
			"$label: the workers aggregate")
		  or diag($plan);
		if ($grouping ne 'by the distribution column')
		{
			like($plan, qr/coord_combine_agg|\Q$name\E\(/, "$label: the coordinator combines")
			  or diag($plan);
		}
		my $distributed = $coordinator->safe_psql('postgres', "SELECT $select$call FROM posts $group");
		my $local = $coordinator->safe_psql('postgres', "SELECT $select$call FROM posts_local $group");
		ok(length($local) > 0 && same_results($distributed, $local, $is_double),
			"$label: the same result as one node")
		  or diag("distributed:\n$distributed\nlocal:\n$local");
	}
}

# two-step summaries: built shard by shard into a distributed table, merged
$coordinator->safe_psql('postgres', q{
CREATE TABLE daily (account_id int, day int, s engagement_stats);
SELECT create_distributed_table('daily', 'account_id', colocate_with => 'posts');
});
my $insert = q{INSERT INTO daily SELECT account_id, day, engagement_agg(b1, b2, b3, b4, b5, b6)
               FROM posts GROUP BY account_id, day};
my $insert_plan = $coordinator->safe_psql('postgres', "EXPLAIN (VERBOSE, COSTS OFF) $insert");
like($insert_plan, qr/INSERT\/SELECT method: pushdown|Task Count: 32/,
	'INSERT ... SELECT engagement_agg runs on the workers')
  or diag($insert_plan);
unlike($insert_plan, qr/pull to coordinator/, 'no summary is built on the coordinator');
$coordinator->safe_psql('postgres', $insert);
my $accessors = 'er_reach(s), er_view(s), er_post(s), er_day(s), love_rate(s), talk_rate(s),
	amplification_rate(s), engagement_volume(s), post_count(s)';
my $rolled = $coordinator->safe_psql('postgres',
	"SELECT $accessors FROM (SELECT rollup(s) AS s FROM daily) r");
my $one_step = $coordinator->safe_psql('postgres', q{
SELECT er_reach(b1, b2, b3, b4), er_view(b1, b2, b3, b5), er_post(b1, b2, b3, b6), er_day(b1, b2, b3, b6),
       avg(love_rate(b1, b6)), avg(talk_rate(b2, b6)), amplification_rate(b3),
       sum(engagement_volume(b1, b2, b3)), count(*)
FROM posts_local});
ok(same_results($rolled, $one_step, 1), 'rollup of the distributed summaries equals the one-step aggregates')
  or diag("rollup: $rolled\none step: $one_step");
is($coordinator->safe_psql('postgres', q{
	SELECT (SELECT rollup(s) FROM daily) = (SELECT engagement_agg(b1, b2, b3, b4, b5, b6) FROM posts_local)}),
	't', 'and the merged summary is the one-node summary itself');

# an error raised on a worker reaches the client with its SQLSTATE
$coordinator->safe_psql('postgres', 'INSERT INTO posts (id, account_id, day, b1, b2, b3, b4) VALUES (0, 1, 1, -5, 1, 1, 1)');
my ($ret, $stdout, $stderr) = $coordinator->psql('postgres',
	"\\set VERBOSITY verbose\nSELECT day, er_reach(b1, b2, b3, b4) FROM posts GROUP BY day");
like($stderr, qr/ERROR:\s+22023: likes must not be negative/, 'a negative count on a worker is ERROR 22023 at the client');

$_->stop for @nodes;
done_testing();
