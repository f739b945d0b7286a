# An update never drops or changes what the user owns.  The update to 1.2
# replaces engagement_mean_state and engagement_index_state (their layout
# changes); on a 1.0 and a 1.1 database holding every kind of object over
# them, it stops before changing anything with ERROR 55006 naming each
# object, and the way its hint gives works with the new library installed:
# store the columns as text, drop the rest, update, convert back, and the
# values give the results 1.1 gave.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $node = PostgreSQL::Test::Cluster->new('update_objects');
$node->init;
$node->start;

# stored as 1.1 wrote them, with what 1.1's final functions returned
# (test/data/engagement-1.1-states.tsv)
my $mean = '(3,133.33333333333334,-7.105427357601002e-15)';
my $index = '(2,50.5,0,1,13,0,2,22.25,0)';

my %objects = (
	'type d_mean' => 'CREATE DOMAIN d_mean AS engagement_mean_state',
	'column m of table t' => 'CREATE TABLE t (id int PRIMARY KEY, m engagement_mean_state, md d_mean,
	                            ma engagement_mean_state[], i engagement_index_state)',
	'column i of table t_default' => "CREATE TABLE t_default (i engagement_index_state DEFAULT '(0,0,0,0,0,0,0,0,0)')",
	'constraint c_check on table c' => "CREATE TABLE c (x text CONSTRAINT c_check CHECK (x::engagement_index_state IS NOT NULL))",
	'view v' => 'CREATE VIEW v AS SELECT id, m FROM t',
	'materialized view mv' => 'CREATE MATERIALIZED VIEW mv AS SELECT id, i FROM t',
	'function f(engagement_mean_state)' => 'CREATE FUNCTION f(engagement_mean_state) RETURNS int LANGUAGE sql AS $$ SELECT 1 $$',
	'index t_m_text' => 'CREATE INDEX t_m_text ON t ((m::text))',
	'trigger c_checked on table c' => 'CREATE FUNCTION c_checked() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
	                                    CREATE TRIGGER c_checked BEFORE INSERT ON c FOR EACH ROW
	                                    WHEN (NEW.x::engagement_index_state IS NOT NULL) EXECUTE FUNCTION c_checked()',
);
# the order they can be created in
my @create = ('type d_mean', 'column m of table t', 'column i of table t_default',
	'constraint c_check on table c', 'view v', 'materialized view mv',
	'function f(engagement_mean_state)', 'index t_m_text', 'trigger c_checked on table c');

for my $version ('1.0', '1.1') {
	(my $db = "from_$version") =~ s/\./_/;
	$node->safe_psql('postgres', "CREATE DATABASE $db");
	$node->safe_psql($db, "CREATE EXTENSION engagement VERSION '$version'");
	$node->safe_psql($db, join(";\n", map { $objects{$_} } @create));
	$node->safe_psql($db, "INSERT INTO t VALUES (1, '$mean', '$mean', ARRAY['$mean']::engagement_mean_state[], '$index');
		INSERT INTO c VALUES ('$index'); REFRESH MATERIALIZED VIEW mv");
	is($node->safe_psql($db, 'SELECT m, md, ma, i FROM t'), "$mean|$mean|{\"$mean\"}|$index",
		"$version: the 1.1 values read and print as 1.1 did, with the new library");

	my ($ret, $stdout, $stderr) = $node->psql($db, 'ALTER EXTENSION engagement UPDATE',
		extra_params => [ '-v', 'VERBOSITY=verbose' ]);
	isnt($ret, 0, "$version: the update stops");
	like($stderr, qr/ERROR:\s+55006/, "$version: with ERROR 55006 (object_in_use)");
	for my $object (sort keys %objects) {
		like($stderr, qr/\Q$object\E/, "$version: the error names $object");
	}
	like($stderr, qr/column md of table t/, "$version: and the column of the domain");
	like($stderr, qr/column ma of table t/, "$version: and the column of the array");
	like($stderr, qr/HINT:.*TYPE text/, "$version: and says what to do");

	# nothing changed
	is($node->safe_psql($db, "SELECT extversion FROM pg_extension WHERE extname = 'engagement'"),
		$version, "$version: the extension is still $version");
	is($node->safe_psql($db, 'SELECT t.m::text, t.md::text, mv.i::text, v.m::text = t.m::text FROM t JOIN mv USING (id) JOIN v USING (id)'),
		"$mean|$mean|$index|t", "$version: every object is still there, with its values");

	# the way the hint gives, with the new library
	$node->safe_psql($db, q{
		DROP VIEW v; DROP MATERIALIZED VIEW mv; DROP FUNCTION f(engagement_mean_state); DROP INDEX t_m_text;
		ALTER TABLE c DROP CONSTRAINT c_check; DROP TRIGGER c_checked ON c;
		ALTER TABLE t ALTER m TYPE text, ALTER md TYPE text, ALTER ma TYPE text[], ALTER i TYPE text;
		ALTER TABLE t_default ALTER i DROP DEFAULT, ALTER i TYPE text;
		DROP DOMAIN d_mean;
		ALTER EXTENSION engagement UPDATE;
		ALTER TABLE t ALTER m TYPE engagement_mean_state USING m::engagement_mean_state,
		              ALTER md TYPE engagement_mean_state USING md::engagement_mean_state,
		              ALTER ma TYPE engagement_mean_state[] USING ma::engagement_mean_state[],
		              ALTER i TYPE engagement_index_state USING i::engagement_index_state;
	});
	is($node->safe_psql($db, "SELECT extversion = default_version FROM pg_extension
	                          JOIN pg_available_extensions ON name = extname WHERE extname = 'engagement'"),
		't', "$version: updated to the newest version after following the hint");
	is($node->safe_psql($db, 'SELECT post_rate_mean_finalfn(m), post_rate_mean_finalfn(md),
	                                 post_rate_mean_finalfn(ma[1]), engagement_index_finalfn(i) FROM t'),
		'44.44444444444445|44.44444444444445|44.44444444444445|49.375',
		"$version: the converted values give what 1.1 gave");
}

# a dump of a 1.1 database with such a column restores (pg_dump writes
# CREATE EXTENSION without a version, so into the newest one): each value
# is read from its 1.1 text and gives what 1.1 gave
$node->safe_psql('postgres', 'CREATE DATABASE dump_source');
$node->safe_psql('postgres', 'CREATE DATABASE dump_target');
$node->safe_psql('dump_source', "CREATE EXTENSION engagement VERSION '1.1';
	CREATE TABLE s (m engagement_mean_state, i engagement_index_state);
	INSERT INTO s VALUES ('$mean', '$index')");
for my $format ('p', 'c') {
	my $dump = $node->basedir . "/states.$format.dump";
	$node->command_ok([ 'pg_dump', "-F$format", '-f', $dump, '-d', $node->connstr('dump_source') ],
		"pg_dump (-F$format) of 1.1 states");
	$node->safe_psql('postgres', 'DROP DATABASE dump_target; CREATE DATABASE dump_target');
	if ($format eq 'p') {
		$node->command_ok([ 'psql', '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-f', $dump, '-d', $node->connstr('dump_target') ],
			'restored with psql');
	} else {
		$node->command_ok([ 'pg_restore', '--exit-on-error', '-d', $node->connstr('dump_target'), $dump ],
			'restored with pg_restore');
	}
	is($node->safe_psql('dump_target', 'SELECT post_rate_mean_finalfn(m), engagement_index_finalfn(i) FROM s'),
		'44.44444444444445|49.375', "-F$format: the restored states give what 1.1 gave");
}

$node->stop;
done_testing();
