# The Grafana dashboard, checked without Grafana: every panel's rawSql is
# expanded as Grafana's PostgreSQL data source expands it (global
# variables, template variables, macros), run as a role that may only
# SELECT from the reporting views, over the demo data for a fixed range,
# and its result checked the way Grafana reads it.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;
use lib "$ENV{TESTDIR}/test/perl";
use GrafanaDashboard;

my $examples = "$ENV{TESTDIR}/examples";

my $node = PostgreSQL::Test::Cluster->new('grafana');
$node->init;
$node->start;
$node->safe_psql('postgres', 'CREATE DATABASE reporting');
$node->safe_psql('reporting', 'CREATE EXTENSION engagement');
$node->command_ok(
	[ 'psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', $node->connstr('reporting'),
	  '-f', "$examples/reporting.sql", '-f', "$examples/demo-data.sql" ],
	'the reporting schema and the demo data load');
$node->safe_psql('reporting', 'CREATE ROLE grafana_reader LOGIN IN ROLE reporting_reader');
my $dashboard = GrafanaDashboard->new($node, 'reporting', 'grafana_reader');

# the range the panels are run for: the demo's 90 days, which end today
my $range = GrafanaDashboard::time_range(split /\|/, $node->safe_psql('reporting', q{
	SELECT extract(epoch FROM min(day)::timestamp)::bigint * 1000,
	       extract(epoch FROM (max(day) + 1)::timestamp)::bigint * 1000
	FROM account_daily}));

my ($ok, $rows, $err) = $dashboard->reader_query('SELECT count(*) FROM posts');
ok(!$ok && $err =~ /permission denied/, 'the reader cannot read the source tables');
($ok, $rows, $err) = $dashboard->reader_query('SELECT count(*) FROM reporting.top_posts');
ok($ok && $rows->[0][0] > 0, 'the reader can read the reporting views');

open(my $fh, '<', $GrafanaDashboard::datasource_file) or die "$GrafanaDashboard::datasource_file: $!";
my $provisioning = do { local $/; <$fh> };
close($fh);
my ($uid) = $provisioning =~ /^\s*uid:\s*(\S+)/m;
like($provisioning, qr/^\s*type:\s*grafana-postgresql-datasource\s*$/m,
	'the data source is of type grafana-postgresql-datasource');
ok(defined $uid, "the data source has a pinned uid ($uid)");

# template variables: each query run as the reader; "All" (as the
# dashboard's default) is every value
for my $v (@{ $dashboard->json->{templating}{list} }) {
	is($v->{datasource}{uid}, $uid, "variable $v->{name} uses the provisioned data source");
	($ok, $rows, $err) = $dashboard->reader_query($v->{query});
	ok($ok && @$rows, "variable $v->{name}: its query returns values") or diag $err;
	$dashboard->set_variable($v->{name}, map { $_->[ $#$_ ] } @$rows);
}

# a sanity check of the expansion itself, against what Grafana produces
is($dashboard->expand('SELECT $__timeGroupAlias(day_start, $__interval), 1 WHERE $__timeFilter(day_start) AND a IN ($account)', '1d', $range),
	qq{SELECT floor(extract(epoch from day_start)/86400)*86400 AS "time", 1 WHERE day_start BETWEEN '$range->{from}' AND '$range->{to}' AND a IN (}
	  . $dashboard->variable('account') . ')',
	'macros expand as Grafana expands them');

my %numeric = map { $_ => 1 } ('smallint', 'integer', 'bigint', 'numeric', 'real', 'double precision');
my %time_types = (%numeric, map { $_ => 1 }
	('timestamp with time zone', 'timestamp without time zone', 'date'));

my @panels = $dashboard->panels;
cmp_ok(scalar @panels, '>=', 7, 'the dashboard has its panels');
for my $panel (@panels) {
	my $title = $panel->{title};
	for my $target (@{ $panel->{targets} }) {
		is($target->{datasource}{uid}, $uid, "$title: uses the provisioned data source");
		my $sql = $dashboard->expand($target->{rawSql}, $panel->{interval} || '1d', $range);
		($ok, my $columns, $err) = $dashboard->reader_query($sql, 1);
		($ok, $rows, $err) = $dashboard->reader_query($sql) if $ok;
		ok($ok, "$title: runs without an error") or diag "$err\n$sql";
		next unless $ok;
		cmp_ok(scalar @$rows, '>', 0, "$title: returns rows (" . scalar(@$rows) . ')');
		my @bad = grep { /^-?(NaN|Infinity)$/ } map { @$_ } @$rows;
		is(scalar @bad, 0, "$title: no NaN or Infinity");
		next unless ($target->{format} // 'time_series') eq 'time_series';

		my ($time) = grep { $columns->[$_][0] eq 'time' } 0 .. $#$columns;
		my $time_type = defined $time ? $columns->[$time][1] : 'none';
		ok($time_types{$time_type}, "$title: a time column of a type Grafana reads ($time_type)");
		next unless defined $time;
		my @times = map { $_->[$time] } @$rows;
		my $numeric_time = $numeric{ $columns->[$time][1] };
		my $sorted = 1;
		for my $i (1 .. $#times) {
			$sorted = 0 if $numeric_time ? $times[$i] < $times[ $i - 1 ] : $times[$i] lt $times[ $i - 1 ];
		}
		ok($sorted, "$title: sorted by time, ascending");
		my @values = grep { $_->[0] ne 'time' && $_->[0] ne 'metric' } @$columns;
		my @not_numeric = grep { !$numeric{ $_->[1] } } @values;
		ok(@values && !@not_numeric, "$title: value columns are numeric ("
			  . join(', ', map { "$_->[0] $_->[1]" } @values) . ')');
	}
}

# what the panels promise: units and thresholds
my %by_title = map { $_->{title} => $_ } @panels;
for my $title ('ER by reach', 'Average ER post', 'Love and talk rate', 'Net follower growth',
	'Q12 index by department') {
	is($by_title{$title}{fieldConfig}{defaults}{unit}, 'percent', "$title: unit percent");
}
sub thresholds {
	return join ',', map { $_->{value} // 'base' } @{ $_[0]{fieldConfig}{defaults}{thresholds}{steps} };
}
is($by_title{'Q12 index by department'}{type}, 'bargauge', 'Q12 by department is a bar gauge');

# Grafana colours a value by the last step at or below it; every colour
# must name the level the level function gives, at the boundaries too
sub colour_of {
	my ($steps, $value) = @_;
	my $colour;
	for my $step (@$steps) {
		$colour = $step->{color} if !defined $step->{value} || $value >= $step->{value};
	}
	return $colour;
}
my %q12_colour = (alarming => 'red', satisfactory => 'yellow', high => 'green');
my %index_colour = (low => 'red', medium => 'yellow', high => 'green');
my $q12_steps = $by_title{'Q12 index by department'}{fieldConfig}{defaults}{thresholds}{steps};
my ($company_q12) = grep { $_->{matcher}{options} eq 'company Q12 index' }
  @{ $by_title{'Survey participation'}{fieldConfig}{overrides} };
my $company_steps = $company_q12 ? $company_q12->{properties}[0]{value}{steps} : [];
my $index_steps = $by_title{'Three-component engagement index'}{fieldConfig}{defaults}{thresholds}{steps};
for my $value (0, 30, 30.000000000000004, 49.9, 50, 50.00000000000001, 60, 60.00000000000001, 69.99999, 70, 100) {
	my ($q12_level, $index_level) = split /\|/,
	  $node->safe_psql('reporting', "SELECT q12_level($value), engagement_level($value)");
	is(colour_of($q12_steps, $value), $q12_colour{$q12_level}, "Q12 by department: $value is $q12_level");
	is(colour_of($company_steps, $value), $q12_colour{$q12_level}, "company Q12 index: $value is $q12_level");
	is(colour_of($index_steps, $value), $index_colour{$index_level}, "engagement index: $value is $index_level");
}
is($dashboard->json->{time}{from}, 'now-90d', 'the time range is the last 90 days');
is($dashboard->json->{refresh} // '', '', 'refresh is off');
is($by_title{'Three-component engagement index'}{type}, 'stat', 'the engagement index is a stat');
like($by_title{'Survey scales by department'}{targets}[0]{rawSql} // '',
	qr/q12_mean.*percent_favourable.*enps/s, 'a panel shows the mean score, % favourable and eNPS');
like($by_title{'ER by reach'}{targets}[0]{rawSql}, qr/\$account/, 'panels follow the account variable');
my ($heatmap) = grep { $_->{type} eq 'heatmap' } @panels;
like($heatmap ? $heatmap->{targets}[0]{rawSql} : '', qr/weekday.*hour.*er_reach_shrunk/s,
	'a heatmap shows the shrunk ER per weekday and hour');
like($by_title{'Breakout posts of the last 30 days'}{targets}[0]{rawSql} // '', qr/reporting\.breakout_posts.*\bz\b/s,
	'a table lists the breakout posts with their z');
is($by_title{'Key drivers of eNPS (company)'}{type} // '', 'barchart', 'a bar chart of the key drivers');
like($by_title{'Key drivers of eNPS (company)'}{targets}[0]{rawSql} // '', qr/reporting\.survey_drivers/,
	'it reads the drivers of the published, disclosed groups');

$node->stop;
done_testing();
