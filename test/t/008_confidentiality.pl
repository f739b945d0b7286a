# Survey confidentiality, played by the reporting role: it may read only the
# reporting views; it tries to lower engagement.min_group_size every way a
# role can set a parameter, and to recover a hidden group's figures from
# what the views show (a parent minus its children, every pair of visible
# figures, filters on view columns, UNION and EXCEPT of views).  Each
# attempt must fail.
use strict;
use warnings;
use IPC::Run;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $examples = "$ENV{TESTDIR}/examples";
my $node = PostgreSQL::Test::Cluster->new('confidentiality');
$node->init;
$node->start;
$node->safe_psql('postgres', 'CREATE DATABASE hr');
$node->safe_psql('hr', 'CREATE EXTENSION engagement');
$node->command_ok(
	[ 'psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', $node->connstr('hr'),
	  '-f', "$examples/reporting.sql", '-f', "$examples/demo-data.sql" ],
	'the reporting schema and the demo data load');
$node->safe_psql('hr', 'CREATE ROLE grafana LOGIN IN ROLE reporting_reader');

# psql as the reporting role, each call a new session: (ok, stdout, stderr)
sub as_reader
{
	my ($sql, %env) = @_;
	my ($out, $err) = ('', '');
	local @ENV{ keys %env } = values %env;
	my $ok = IPC::Run::run(
		[ 'psql', '-X', '-q', '-t', '-A', '-F', '|', '-v', 'ON_ERROR_STOP=1',
		  '-d', $node->connstr('hr') . ' user=grafana' ],
		'<', \$sql, '>', \$out, '2>', \$err);
	chomp $out;
	return ($ok, $out, $err);
}

# the true figures, as the administrator sees them
my %division_of = map { split /\|/ } split /\n/,
  $node->safe_psql('hr', 'SELECT department, division FROM departments');
my %true_respondents = map { split /\|/ } split /\n/, $node->safe_psql('hr',
	q{SELECT d.department, count(s.respondent_id) FROM departments d
	  LEFT JOIN survey_answers s USING (department) GROUP BY 1});
my @hidden = grep { $true_respondents{$_} < 5 } keys %true_respondents;
ok(@hidden, 'the demo has a department below the minimum (' . join(', ', @hidden) . ')');

# 1. what the role may read
my ($ok, $out, $err);
for my $table (qw(departments survey_answers indicator_scores)) {
	($ok, $out, $err) = as_reader("SELECT count(*) FROM $table");
	ok(!$ok && $err =~ /permission denied/, "the role cannot read $table");
}
($ok, $out, $err) = as_reader('SELECT count(*) FROM reporting.survey_by_department');
ok($ok && $out > 0, 'the role reads the reporting views') or diag $err;

# what the role is shown: the disclosed departments, with k = $k
sub disclosed_departments
{
	my (%env) = @_;
	my ($ok, $out, $err) = as_reader(
		q{SELECT string_agg(department, ',' ORDER BY department) FROM reporting.survey_by_department
		  WHERE q12_index IS NOT NULL; SHOW engagement.min_group_size;}, %env);
	return ($ok, split(/\n/, $out), $err);
}
my ($shown_ok, $shown, $k_shown) = disclosed_departments();
is($k_shown, '5', 'the role works with the default minimum, 5');
my $expected_shown = $shown;
unlike(",$shown,", qr/,(Design|Research),/, 'Design (too small) and Research (complementary) are hidden');

# 2. changing the setting
my @attempts = (
	[ 'SET after the library loaded',
	  "SELECT disclosable(1) OVER (); SET engagement.min_group_size = 1;" ],
	[ 'set_config after the library loaded',
	  "SELECT q12_index FROM reporting.survey_by_department; SELECT set_config('engagement.min_group_size', '1', false);" ],
	[ 'SET LOCAL after the library loaded',
	  "SELECT disclosable(1) OVER (); BEGIN; SET LOCAL engagement.min_group_size = 1; COMMIT;" ],
	[ 'ALTER ROLE on itself', "ALTER ROLE CURRENT_USER SET engagement.min_group_size = 1;" ],
	[ 'ALTER ROLE on itself after the library loaded',
	  "SELECT disclosable(1) OVER (); ALTER ROLE grafana SET engagement.min_group_size = 1;" ],
	[ 'ALTER DATABASE', "ALTER DATABASE hr SET engagement.min_group_size = 1;" ],
);
for my $attempt (@attempts) {
	($ok, $out, $err) = as_reader($attempt->[1]);
	ok(!$ok && $err =~ /permission denied|must be owner/, "refused: $attempt->[0]") or diag $err;
}
is($node->safe_psql('hr', q{SELECT count(*) FROM pg_db_role_setting s JOIN pg_roles r ON r.oid = s.setrole
	WHERE r.rolname = 'grafana'}), '0', 'no setting was stored for the role');

# set before the library is loaded (a placeholder), then the views read
for my $placeholder ("SET engagement.min_group_size = 1;",
	"SELECT set_config('engagement.min_group_size', '1', false);",
	"BEGIN; SET LOCAL engagement.min_group_size = 1;") {
	($ok, $out, $err) = as_reader($placeholder
		  . q{ SELECT string_agg(department, ',' ORDER BY department) FROM reporting.survey_by_department
		       WHERE q12_index IS NOT NULL; SHOW engagement.min_group_size;});
	my ($seen, $k) = (split /\n/, $out)[-2, -1];
	ok($ok && $seen eq $expected_shown && $k eq '5',
		"a placeholder set before the library loaded does not take effect: $placeholder")
	  or diag "$out\n$err";
	like($err, qr/permission denied to set parameter/, "and the role is told why: $placeholder");
}
# on the connection: PGOPTIONS
my ($pg_ok, $pg_shown, $pg_k, $pg_err) = disclosed_departments(PGOPTIONS => '-c engagement.min_group_size=1');
ok(!$pg_ok || ($pg_shown eq $expected_shown && $pg_k eq '5'), 'PGOPTIONS does not lower the minimum')
  or diag "$pg_shown $pg_k $pg_err";
# asking disclosable() for less than the setting gets the setting
($ok, $out, $err) = as_reader(q{SELECT bool_and(a = b) FROM (SELECT disclosable(n, 1) OVER () AS a,
	disclosable(n) OVER () AS b FROM (VALUES (1::bigint), (3), (20)) v(n)) s});
is($out, 't', 'disclosable(n, 1) is disclosable(n): a view may ask for more, never less');

# 3. recovering a hidden group from the figures shown
# every figure the views show, with the departments it covers
sub visible_figures
{
	my ($ok, $out, $err) = as_reader(q{
SELECT 'department', department, respondents FROM reporting.survey_by_department WHERE respondents IS NOT NULL
UNION ALL
SELECT 'division', division, respondents FROM reporting.survey_by_division WHERE respondents IS NOT NULL
UNION ALL
SELECT 'company', 'company', respondents FROM reporting.company_engagement WHERE respondents IS NOT NULL});
	die $err unless $ok;
	my @figures;
	for (split /\n/, $out) {
		my ($level, $name, $respondents) = split /\|/;
		my @members = $level eq 'department' ? ($name)
		  : $level eq 'division' ? grep { $division_of{$_} eq $name } keys %division_of
		  : keys %division_of;
		push @figures, { name => "$level $name", members => { map { $_ => 1 } @members },
						 respondents => $respondents };
	}
	return @figures;
}

# the respondents of a set of departments, as only the administrator knows them
sub true_sum { my $sum = 0; $sum += $true_respondents{$_} for @_; return $sum }

sub check_differencing
{
	my ($k, $label) = @_;
	my @figures = visible_figures();
	my @leaks;
	for my $parent (@figures) {
		my @children;
		for my $child (@figures) {
			next if $child == $parent;
			my @inside = grep { $parent->{members}{$_} } keys %{ $child->{members} };
			next unless @inside == keys %{ $child->{members} }
			  && @inside < keys %{ $parent->{members} };
			push @children, $child;
			# parent minus one child
			my @rest = grep { !$child->{members}{$_} } keys %{ $parent->{members} };
			my $n = true_sum(@rest);
			push @leaks, "$parent->{name} - $child->{name} = $n" if $n > 0 && $n < $k;
		}
		# parent minus every visible child
		my @rest = grep { my $d = $_; !grep { $_->{members}{$d} } @children } keys %{ $parent->{members} };
		my $n = true_sum(@rest);
		push @leaks, "$parent->{name} - its visible children = $n" if $n > 0 && $n < $k;
	}
	cmp_ok(scalar @figures, '>=', 5, "$label: the views show figures (" . scalar(@figures) . ')');
	is(join('; ', @leaks), '', "$label: no difference of visible figures isolates fewer than $k respondents");
}
check_differencing(5, 'k = 5');

# the same differencing written in SQL by the role: divisions minus their
# visible departments, through EXCEPT and a join of the views
($ok, $out, $err) = as_reader(q{
SELECT v.division, v.respondents - coalesce(d.shown, 0)
FROM reporting.survey_by_division v
LEFT JOIN (SELECT division, sum(respondents) AS shown FROM reporting.survey_by_department GROUP BY division) d
  USING (division)
WHERE v.respondents IS NOT NULL
EXCEPT
SELECT division, 0 FROM reporting.survey_by_division});
ok($ok, 'the role can run the difference of the views') or diag $err;
for (split /\n/, $out) {
	my ($division, $difference) = split /\|/;
	cmp_ok($difference, '>=', 5, "$division minus its visible departments covers 5 or more respondents");
}

# filters on view columns and unions never bring a hidden figure back
my @shapes = (
	q{SELECT * FROM reporting.survey_by_department WHERE department = '%s'},
	q{SELECT * FROM reporting.survey_by_department WHERE division = (SELECT division FROM reporting.survey_by_department WHERE department = '%s')},
	q{SELECT * FROM reporting.survey_by_department WHERE department = '%s' AND (respondents IS NULL OR respondents < 5)},
	q{SELECT * FROM reporting.survey_by_department WHERE NOT disclosed AND department = '%s' ORDER BY headcount LIMIT 1},
	q{SELECT * FROM (SELECT * FROM reporting.survey_by_department UNION ALL SELECT * FROM reporting.survey_by_department) u WHERE department = '%s'},
	q{SELECT * FROM (SELECT * FROM reporting.survey_by_department EXCEPT SELECT * FROM reporting.survey_by_department WHERE disclosed) u WHERE department = '%s'},
	q{SELECT * FROM reporting.survey_by_department WHERE department = '%s' AND headcount > 0 AND length(department) > 0},
);
my @hidden_by_view = split /\n/, (as_reader(
	q{SELECT department FROM reporting.survey_by_department WHERE NOT disclosed ORDER BY 1}))[1];
ok(@hidden_by_view >= 2, 'the view hides a small department and its complement (' . join(', ', @hidden_by_view) . ')');
for my $department (@hidden_by_view) {
	for my $shape (@shapes) {
		my $sql = sprintf($shape, $department);
		($ok, $out, $err) = as_reader("SELECT respondents, participation, valid, q12_index, q12_level, q12_mean, "
			  . "percent_favourable, enps FROM ($sql) s WHERE department = '$department'");
		ok($ok && $out =~ /^(\|)+$/m && $out !~ /\d/, "no figure of $department: $shape") or diag "$out\n$err";
	}
}

# 4. an administrator raises the minimum for the role
$node->safe_psql('hr', 'ALTER ROLE grafana SET engagement.min_group_size = 7');
my ($ok7, $shown7, $k7) = disclosed_departments();
is($k7, '7', 'ALTER ROLE by an administrator sets the role\'s minimum');
($ok, $out, $err) = as_reader(q{SELECT bool_and(disclosed = (respondents IS NOT NULL)) FROM reporting.survey_by_department});
is($out, 't', 'with k = 7 every hidden department shows no respondents');
check_differencing(7, 'k = 7');
($ok, $out, $err) = as_reader("SET engagement.min_group_size = 5; SELECT disclosable(1) OVER (); SHOW engagement.min_group_size;");
ok($ok && $out =~ /\n7$/ && $err =~ /permission denied/, 'the role cannot lower it back, not even before the library loads')
  or diag "$out\n$err";

$node->stop;
done_testing();
