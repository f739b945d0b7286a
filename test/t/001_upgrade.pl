# Installing 1.0 and updating to the newest version gives exactly the
# objects a fresh install of the newest version has.
use strict;
use warnings;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $node = PostgreSQL::Test::Cluster->new('upgrade');
$node->init;
$node->start;

$node->safe_psql('postgres', 'CREATE DATABASE fresh');
$node->safe_psql('postgres', 'CREATE DATABASE updated');

my $newest = $node->safe_psql('postgres',
	"SELECT default_version FROM pg_available_extensions WHERE name = 'engagement'");
isnt($newest, '1.0', "a version after 1.0 exists ($newest)");

$node->safe_psql('updated', "CREATE EXTENSION engagement VERSION '1.0'");
my $before = $node->safe_psql('updated',
	"SELECT er_reach(l, c, s, r) FROM (VALUES (40, 8, 2, 1000), (20, 4, 1, 500)) v(l, c, s, r)");
$node->safe_psql('updated', 'ALTER EXTENSION engagement UPDATE');
is($node->safe_psql('updated', "SELECT extversion FROM pg_extension WHERE extname = 'engagement'"),
	$newest, 'ALTER EXTENSION UPDATE reaches the default version');

$node->safe_psql('fresh', 'CREATE EXTENSION engagement');

# every member object with what defines it: signature, argument names,
# result, kind, volatility, strictness, parallel safety, C symbol,
# aggregate support functions and initial state, type layout, operator
# support, and the comment
my $members = q{
SELECT pg_describe_object(d.classid, d.objid, 0)
       || coalesce((SELECT format(' | %s(%s) -> %s kind=%s volatile=%s strict=%s parallel=%s symbol=%s',
                                  p.proname, pg_get_function_arguments(p.oid), p.prorettype::regtype,
                                  p.prokind, p.provolatile, p.proisstrict, p.proparallel, p.prosrc)
                    FROM pg_proc p WHERE d.classid = 'pg_proc'::regclass AND p.oid = d.objid), '')
       || coalesce((SELECT format(' | sfunc=%s stype=%s final=%s combine=%s init=%s',
                                  a.aggtransfn, a.aggtranstype::regtype, a.aggfinalfn,
                                  a.aggcombinefn, a.agginitval)
                    FROM pg_aggregate a WHERE d.classid = 'pg_proc'::regclass AND a.aggfnoid = d.objid), '')
       || coalesce((SELECT format(' | len=%s align=%s storage=%s in=%s out=%s recv=%s send=%s',
                                  t.typlen, t.typalign, t.typstorage, t.typinput, t.typoutput,
                                  t.typreceive, t.typsend)
                    FROM pg_type t WHERE d.classid = 'pg_type'::regclass AND t.oid = d.objid), '')
       || coalesce((SELECT format(' | code=%s commutator=%s restrict=%s join=%s',
                                  o.oprcode, o.oprcom::regoperator, o.oprrest, o.oprjoin)
                    FROM pg_operator o WHERE d.classid = 'pg_operator'::regclass AND o.oid = d.objid), '')
       || ' | comment: ' || coalesce(obj_description(d.objid, c.relname::text), '(none)')
FROM pg_depend d
JOIN pg_extension e ON d.refclassid = 'pg_extension'::regclass AND d.refobjid = e.oid
JOIN pg_class c ON c.oid = d.classid
WHERE e.extname = 'engagement' AND d.deptype = 'e'
ORDER BY 1
};

my $fresh = $node->safe_psql('fresh', $members);
my $updated = $node->safe_psql('updated', $members);
my @objects = split /\n/, $fresh;
cmp_ok(scalar @objects, '>', 80, 'the extension has its member objects (' . scalar(@objects) . ')');
is($updated, $fresh, 'updated and fresh installs have identical member objects');
unlike($fresh, qr/comment: \(none\)/, 'every member object has a comment');

# the objects of 1.0 keep working after the update, and the new ones work
is($node->safe_psql('updated',
		"SELECT er_reach(l, c, s, r) FROM (VALUES (40, 8, 2, 1000), (20, 4, 1, 500)) v(l, c, s, r)"),
	$before, 'a 1.0 aggregate gives the same result after the update');
is($node->safe_psql('updated',
		"SELECT er_reach(engagement_agg(l, c, s, r, r, r)) FROM (VALUES (40, 8, 2, 1000), (20, 4, 1, 500)) v(l, c, s, r)"),
	$before, 'the summary added by the update gives the same rate');

$node->stop;
done_testing();
