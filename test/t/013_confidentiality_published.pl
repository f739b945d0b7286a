# Survey confidentiality of the published reporting schema
# (examples/reporting.sql), attacked by the reporting role with only the
# grants the README gives it (reporting_reader), in databases whose
# surveys differ only in what the attack wants to learn:
#  1. across levels: a company of 54 (Product: Engineering 30, Design 15;
#     Finance: one department of 8; Legal: one department, 1 of 2
#     answered): no shown group less the shown groups below it leaves 1 to
#     k - 1 respondents, for every k from 5 to 8;
#  2. EXPLAIN ANALYZE of everything the role may read scans no answers, and
#     its row counts are the same whether Legal's person answered or not;
#  3. whether a CEO office of headcount 1 answered changes no published
#     cell but ones over at least k respondents;
#  4. a headcount below the respondents of a hidden group stops the
#     publication for the owner, naming the group; readers get no error;
#  5. an administrator's minimum for the role (ALTER ROLE ... SET) stands
#     when the role connects with PGOPTIONS asking for less;
#  6. an answer arriving after the wave closed changes nothing published.
use strict;
use warnings;
use IPC::Run;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $examples = "$ENV{TESTDIR}/examples";
my $node = PostgreSQL::Test::Cluster->new('published');
$node->init;
$node->start;
$node->safe_psql('postgres', 'CREATE ROLE grafana LOGIN');

# a database with the reporting schema, DEPARTMENTS (department, division,
# headcount, respondents) and one closed wave, published
sub survey_database
{
	my ($db, @departments) = @_;
	$node->safe_psql('postgres', "CREATE DATABASE $db");
	$node->safe_psql($db, 'CREATE EXTENSION engagement');
	$node->command_ok([ 'psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', $node->connstr($db),
		'-f', "$examples/reporting.sql" ], "$db: the reporting schema");
	my $n = 0;
	for my $d (@departments) {
		my ($department, $division, $headcount, $respondents) = @$d;
		$node->safe_psql($db, "INSERT INTO departments VALUES ('$department', '$division', $headcount)");
		for (1 .. $respondents) {
			$n++;
			$node->safe_psql($db, "INSERT INTO survey_answers VALUES ($n, '$department',
				array_fill(true, ARRAY[12]), array_fill(4::smallint, ARRAY[12]), 9, now() - interval '2 days')");
		}
	}
	$node->safe_psql($db, q{INSERT INTO survey_waves VALUES ('w1', now() - interval '10 days', now() - interval '1 day');
		CALL reporting.publish_survey_wave('w1'); GRANT reporting_reader TO grafana});
	return;
}

sub as_reader
{
	my ($db, $sql, %env) = @_;
	my ($out, $err) = ('', '');
	local @ENV{ keys %env } = values %env;
	my $ok = IPC::Run::run(
		[ 'psql', '-X', '-q', '-t', '-A', '-F', '|', '-v', 'ON_ERROR_STOP=1',
		  '-d', $node->connstr($db) . ' user=grafana' ],
		'<', \$sql, '>', \$out, '2>', \$err);
	chomp $out;
	return ($ok, $out, $err);
}

my @company = ([ 'Engineering', 'Product', 30, 30 ], [ 'Design', 'Product', 15, 15 ],
	[ 'Finance', 'Finance', 8, 8 ]);
survey_database('legal_answered', @company, [ 'Legal', 'Legal', 2, 1 ]);
survey_database('legal_silent', @company, [ 'Legal', 'Legal', 2, 0 ]);

# 1. what a reader can subtract, as the reader, for every k from 5 to 8
my $differences = q{
	WITH p AS (SELECT path, respondents, disclosed FROM reporting.survey_levels)
	SELECT count(*) FROM (
	    SELECT p.respondents - coalesce(sum(c.respondents), 0) AS rest
	    FROM p LEFT JOIN p c ON c.disclosed AND cardinality(c.path) > cardinality(p.path)
	                         AND c.path[1:cardinality(p.path)] = p.path
	                         AND NOT EXISTS (SELECT FROM p m WHERE m.disclosed
	                                         AND cardinality(m.path) > cardinality(p.path)
	                                         AND cardinality(m.path) < cardinality(c.path)
	                                         AND c.path[1:cardinality(m.path)] = m.path)
	    WHERE p.disclosed GROUP BY p.path, p.respondents) d
	WHERE rest > 0 AND rest < current_setting('engagement.min_group_size')::int};
for my $k (5 .. 8) {
	$node->safe_psql('postgres', "ALTER ROLE grafana SET engagement.min_group_size = $k");
	my ($ok, $out, $err) = as_reader('legal_answered', "$differences; SHOW engagement.min_group_size;
		SELECT string_agg(array_to_string(path, '/'), ',' ORDER BY path) FROM reporting.survey_levels WHERE disclosed;");
	my ($bad, $shown_k, $shown) = split /\n/, $out;
	ok($ok && $bad eq '0' && $shown_k eq $k,
		"1. k = $k: no difference of published groups isolates fewer than $k (shown: $shown)") or diag "$out\n$err";
	unlike(",$shown,", qr/,(Legal|Legal\/Legal|Finance\/Finance),/, "1. k = $k: Legal and what would reveal it are hidden");
}
$node->safe_psql('postgres', 'ALTER ROLE grafana RESET engagement.min_group_size');

# 2. the plans of everything the role may read
my $readable = q{SELECT string_agg(format('%I.%I', n.nspname, c.relname), ' ' ORDER BY c.relname)
	FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
	WHERE c.relkind IN ('r', 'v', 'm', 'p', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
	  AND has_table_privilege('grafana', c.oid, 'SELECT')};
my @relations = split / /, $node->safe_psql('legal_answered', $readable);
ok(@relations >= 4, "2. the role reads @relations");
for my $relation (@relations) {
	my %counts;
	for my $db ('legal_answered', 'legal_silent') {
		my ($ok, $out, $err) = as_reader($db,
			"EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT * FROM $relation");
		ok($ok, "2. $db: EXPLAIN ANALYZE of $relation runs") or diag $err;
		unlike($out, qr/survey_answers/, "2. $db: the plan of $relation reads no answers");
		$counts{$db} = join ',', $out =~ /rows=(\d+(?:\.\d+)?)/g;
	}
	is($counts{legal_answered}, $counts{legal_silent},
		"2. the row counts of $relation do not tell whether Legal's person answered");
}

# 3. a CEO office of headcount 1, before and after the CEO answered
my @office = ([ 'Engineering', 'Product', 35, 30 ], [ 'Design', 'Product', 24, 21 ],
	[ 'Sales', 'Sales', 10, 9 ]);
survey_database('ceo_absent', @office, [ 'CEO office', 'Product', 1, 0 ]);
survey_database('ceo_answered', @office, [ 'CEO office', 'Product', 1, 1 ]);
my $cells = q{SELECT array_to_string(path, '/') || '|' || coalesce(respondents::text, '-') || '|'
	|| coalesce(q12_index::text, '-') FROM reporting.survey_levels ORDER BY path};
my ($ok_a, $absent) = as_reader('ceo_absent', $cells);
my ($ok_b, $answered) = as_reader('ceo_answered', $cells);
my %before = map { (split /\|/)[0] => $_ } split /\n/, $absent;
my $small_change = 0;
for my $row (split /\n/, $answered) {
	my ($path, $n) = split /\|/, $row;
	next if $before{$path} eq $row;
	my ($n_before) = (split /\|/, $before{$path})[1];
	$small_change++ if ($n ne '-' && $n < 5) || ($n_before ne '-' && $n_before < 5);
}
ok($ok_a && $ok_b && $small_change == 0, '3. whether the CEO answered changes only cells over 5 or more respondents');
like($answered, qr/^Product\/Design\|-\|-$/m, '3. Design is hidden, answered or not');

# 4. a stale headcount in a hidden group
$node->safe_psql('ceo_answered', q{UPDATE departments SET headcount = 1 WHERE department = 'CEO office';
	INSERT INTO survey_answers VALUES (999, 'CEO office', array_fill(true, ARRAY[12]), NULL, 9, now() - interval '3 days')});
my ($ret, $stdout, $stderr) = $node->psql('ceo_answered', "CALL reporting.publish_survey_wave('w1')");
ok($ret != 0 && $stderr =~ /headcount must be at least the number of respondents/ && $stderr =~ /CEO office/,
	'4. the owner\'s publication stops, naming the group') or diag $stderr;
my ($ok4, $out4, $err4) = as_reader('ceo_answered', 'SELECT count(*) FROM reporting.survey_by_department; SELECT count(*) FROM reporting.survey_levels');
ok($ok4 && $err4 eq '', '4. readers get no error, and see the last publication') or diag $err4;

# 5. the administrator's minimum and PGOPTIONS
$node->safe_psql('postgres', 'ALTER ROLE grafana SET engagement.min_group_size = 7');
for my $options ('-c engagement.min_group_size=1', '-c engagement.min_group_size=9') {
	my ($ok, $out, $err) = as_reader('legal_answered', q{SELECT count(*) FROM reporting.survey_levels WHERE disclosed;
		SHOW engagement.min_group_size;}, PGOPTIONS => $options);
	my ($n, $k) = split /\n/, $out;
	is($k, '7', "5. PGOPTIONS '$options': the role's minimum stays 7");
}
$node->safe_psql('postgres', 'ALTER ROLE grafana RESET engagement.min_group_size');

# 6. an answer after the wave closed
my $published = "$cells; SELECT * FROM reporting.survey_by_department ORDER BY department";
my ($ok6, $before6) = as_reader('legal_answered', $published);
$node->safe_psql('legal_answered', q{INSERT INTO survey_answers VALUES (1000, 'Legal', array_fill(true, ARRAY[12]), NULL, 10)});
my ($ok6b, $after6) = as_reader('legal_answered', $published);
ok($ok6 && $ok6b && $before6 eq $after6, '6. an answer after the wave closed changes nothing published');

$node->stop;
done_testing();
