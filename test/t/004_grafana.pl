# The Grafana dashboard, checked without Grafana: every panel's rawSql is
# expanded as Grafana's PostgreSQL data source expands it (global
# variables, template variables, macros), run as a role that may only
# SELECT from the reporting views, over the demo data for a fixed range,
# and its result checked the way Grafana reads it.
use strict;
use warnings;
use IPC::Run;
use JSON::PP;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $examples = "$ENV{TESTDIR}/examples";
my $dashboard_file = "$examples/grafana/dashboards/engagement.json";
my $datasource_file = "$examples/grafana/provisioning/datasources/engagement.yaml";

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

# the range the panels are run for: the demo's 90 days, which end today
my %range;
@range{qw(from from_epoch to to_epoch)} = split /\|/, $node->safe_psql('reporting', q{
	SELECT to_char(min(day), 'YYYY-MM-DD"T00:00:00Z"'), extract(epoch FROM min(day)::timestamp)::bigint,
	       to_char(max(day) + 1, 'YYYY-MM-DD"T00:00:00Z"'), extract(epoch FROM (max(day) + 1)::timestamp)::bigint
	FROM account_daily});

# psql as the reader: (ok, rows as arrays, stderr)
sub reader_query {
	my ($sql, $describe) = @_;
	my ($out, $err) = ('', '');
	my $ok = IPC::Run::run(
		[ 'psql', '-X', '-q', '-t', '-A', '-F', "\x1f", '-v', 'ON_ERROR_STOP=1',
		  '-d', $node->connstr('reporting') . ' user=grafana_reader' ],
		'<', \($sql . ($describe ? " \\gdesc\n" : ";\n")), '>', \$out, '2>', \$err);
	my @rows = map { [ split /\x1f/, $_, -1 ] } grep { length } split /\n/, $out;
	return ($ok, \@rows, $err);
}

my ($ok, $rows, $err) = reader_query('SELECT count(*) FROM posts');
ok(!$ok && $err =~ /permission denied/, 'the reader cannot read the source tables');
($ok, $rows, $err) = reader_query('SELECT count(*) FROM reporting.top_posts');
ok($ok && $rows->[0][0] > 0, 'the reader can read the reporting views');

open(my $fh, '<', $dashboard_file) or die "$dashboard_file: $!";
# numbers as exact decimals: a threshold just above 50 must stay above 50
my $dashboard = JSON::PP->new->allow_bignum->decode(do { local $/; <$fh> });
close($fh);
open($fh, '<', $datasource_file) or die "$datasource_file: $!";
my $provisioning = do { local $/; <$fh> };
close($fh);
my ($uid) = $provisioning =~ /^\s*uid:\s*(\S+)/m;
like($provisioning, qr/^\s*type:\s*grafana-postgresql-datasource\s*$/m,
	'the data source is of type grafana-postgresql-datasource');
ok(defined $uid, "the data source has a pinned uid ($uid)");

# template variables: each query run as the reader; "All" (as the
# dashboard's default) is every value, quoted and comma-separated, as the
# SQL data sources format multi-value variables
my %variables;
for my $v (@{ $dashboard->{templating}{list} }) {
	is($v->{datasource}{uid}, $uid, "variable $v->{name} uses the provisioned data source");
	($ok, $rows, $err) = reader_query($v->{query});
	ok($ok && @$rows, "variable $v->{name}: its query returns values") or diag $err;
	my @values = map { $_->[ $#$_ ] } @$rows;
	$variables{ $v->{name} } = join ',', map { (my $q = $_) =~ s/'/''/g; "'$q'" } @values;
}

# Grafana's interval strings ("1d", "30m", "500ms") as seconds
sub interval_seconds {
	my ($text) = @_;
	my %unit = (ms => 0.001, s => 1, m => 60, h => 3600, d => 86400, w => 604800);
	$text =~ /^(\d+)(ms|s|m|h|d|w)$/ or die "cannot parse interval $text";
	return $1 * $unit{$2};
}

sub evaluate_macro {
	my ($name, @args) = @_;
	my %time = (from => $range{from}, to => $range{to});
	if ($name eq '__time') { return qq{$args[0] AS "time"} }
	if ($name eq '__timeEpoch') { return qq{extract(epoch from $args[0]) as "time"} }
	if ($name eq '__timeFilter') { return "$args[0] BETWEEN '$time{from}' AND '$time{to}'" }
	if ($name eq '__timeFrom') { return "'$time{from}'" }
	if ($name eq '__timeTo') { return "'$time{to}'" }
	if ($name eq '__timeGroup' || $name eq '__timeGroupAlias') {
		(my $text = $args[1]) =~ s/^'|'$//g;
		my $s = interval_seconds($text);
		my $group = "floor(extract(epoch from $args[0])/$s)*$s";
		return $name eq '__timeGroupAlias' ? qq{$group AS "time"} : $group;
	}
	if ($name eq '__unixEpochFilter') {
		return "$args[0] >= $range{from_epoch} AND $args[0] <= $range{to_epoch}";
	}
	if ($name eq '__unixEpochGroup' || $name eq '__unixEpochGroupAlias') {
		(my $text = $args[1]) =~ s/^'|'$//g;
		my $s = interval_seconds($text);
		my $group = "floor(($args[0])/$s)*$s";
		return $name eq '__unixEpochGroupAlias' ? qq{$group AS "time"} : $group;
	}
	die "unknown macro $name";
}

# the order Grafana applies them: template and global variables, then the
# data source's macros; a $__timeGroup directly followed by a comma gets
# the alias, as Grafana does for dashboards from before 5.3
sub expand {
	my ($sql, $interval) = @_;
	my $ms = interval_seconds($interval) * 1000;
	for my $name (keys %variables) {
		$sql =~ s/\$\{$name(?::[a-z]+)?\}|\[\[$name\]\]|\$$name\b/$variables{$name}/g;
	}
	$sql =~ s/\$__interval_ms/$ms/g;
	$sql =~ s/\$__interval/$interval/g;
	$sql =~ s/\$__unixEpochFrom\(\)/$range{from_epoch}/g;
	$sql =~ s/\$__unixEpochTo\(\)/$range{to_epoch}/g;
	my $original = $sql;
	$sql =~ s{\$([_a-zA-Z0-9]+)\(([^\)]*)\)}{
		my ($whole, $name, $args) = ($&, $1, $2);
		my $at = index($original, $whole) + length($whole);
		$name = '__timeGroupAlias' if $name eq '__timeGroup' && substr($original, $at, 1) eq ',';
		evaluate_macro($name, map { s/^\s+|\s+$//gr } split /,/, $args, -1);
	}ge;
	return $sql;
}

# a sanity check of the expansion itself, against what Grafana produces
is(expand('SELECT $__timeGroupAlias(day_start, $__interval), 1 WHERE $__timeFilter(day_start) AND a IN ($account)', '1d'),
	qq{SELECT floor(extract(epoch from day_start)/86400)*86400 AS "time", 1 WHERE day_start BETWEEN '$range{from}' AND '$range{to}' AND a IN ($variables{account})},
	'macros expand as Grafana expands them');

my %numeric = map { $_ => 1 } ('smallint', 'integer', 'bigint', 'numeric', 'real', 'double precision');
my %time_types = (%numeric, map { $_ => 1 }
	('timestamp with time zone', 'timestamp without time zone', 'date'));

my @panels = map { $_->{type} eq 'row' ? @{ $_->{panels} || [] } : $_ } @{ $dashboard->{panels} };
cmp_ok(scalar @panels, '>=', 7, 'the dashboard has its panels');
for my $panel (@panels) {
	my $title = $panel->{title};
	for my $target (@{ $panel->{targets} }) {
		is($target->{datasource}{uid}, $uid, "$title: uses the provisioned data source");
		my $sql = expand($target->{rawSql}, $panel->{interval} || '1d');
		($ok, my $columns, $err) = reader_query($sql, 1);
		($ok, $rows, $err) = reader_query($sql) if $ok;
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
is($dashboard->{time}{from}, 'now-90d', 'the time range is the last 90 days');
is($dashboard->{refresh} // '', '', 'refresh is off');
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
