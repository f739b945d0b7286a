#!/usr/bin/perl
# The release metadata agrees with itself and the PGXN archive is complete:
#   prove test/packaging.pl   (from the top of a git checkout)
use strict;
use warnings;
use JSON::PP;
use IO::Uncompress::Unzip qw($UnzipError);
use Test::More;
use utf8;

sub slurp {
	my ($file) = @_;
	open(my $fh, '<:encoding(UTF-8)', $file) or die "$file: $!";
	local $/;
	return <$fh>;
}

my $meta = decode_json(slurp('META.json'));
my ($control_version) = slurp('engagement.control') =~ /^default_version = '([^']+)'/m;
# PGXN versions are semantic versions; the extension's are major.minor
my $semver = $control_version =~ /^\d+\.\d+$/ ? "$control_version.0" : $control_version;

for my $key (qw(name abstract version maintainer license provides meta-spec prereqs resources tags)) {
	ok(exists $meta->{$key}, "META.json has $key");
}
is($meta->{'meta-spec'}{version}, '1.0.0', 'meta-spec 1.0.0');
is($meta->{name}, 'engagement', 'name');
like($meta->{version}, qr/^\d+\.\d+\.\d+$/, 'the version is a semantic version');
is($meta->{version}, $semver, "META.json version $meta->{version} = control file's $control_version");
is($meta->{provides}{engagement}{version}, $semver, 'provides: the same version');
ok(-f $meta->{provides}{engagement}{file}, "provides: file $meta->{provides}{engagement}{file} exists");
ok($meta->{prereqs}{runtime}{requires}{PostgreSQL}, 'prereqs: PostgreSQL');
ok(ref $meta->{tags} eq 'ARRAY' && @{ $meta->{tags} }, 'tags');

my ($debian_version) = slurp('debian/changelog') =~ /^engagement \(([^)]+)\)/;
is($debian_version, $control_version, 'debian/changelog: the same version');
my ($changelog_version, $changelog_date) =
  slurp('CHANGELOG.md') =~ /^## (\d[\d.]*) — (\d{4}-\d\d-\d\d|unreleased)$/m;
is($changelog_version, $control_version, 'CHANGELOG.md: the newest version is the same version');
ok($changelog_date, 'CHANGELOG.md: the version is dated or says it is unreleased');
# one complete install script (1.0) and a chain of update scripts to the
# control file's version, which CREATE EXTENSION follows
my @scripts = glob('engagement--*.sql');
is(join(' ', grep { /^engagement--[\d.]+\.sql$/ } @scripts), 'engagement--1.0.sql', 'one complete install script, of 1.0');
my $reached = '1.0';
while (my ($next) = map { /^engagement--\Q$reached\E--([\d.]+)\.sql$/ ? $1 : () } @scripts) {
	$reached = $next;
}
is($reached, $control_version, "update scripts lead from 1.0 to $control_version");
is($meta->{provides}{engagement}{file}, 'engagement--1.0.sql', 'provides: the install script');

# the tested versions are stated alike in META.json, debian/pgversions, the
# README and the versions test/run.sh runs in full
my @tested = @{ $meta->{x_tested_postgresql_versions} || [] };
ok(@tested >= 3, 'META.json names the tested PostgreSQL versions: ' . join(' ', @tested));
is(join(' ', split /\s+/, slurp('debian/pgversions')), join(' ', @tested),
	'debian/pgversions lists the tested versions');
my ($readme_versions) = slurp('README.md') =~ /^Supported and tested on PostgreSQL ([\d, and]+)[:.]/m;
is(join(' ', ($readme_versions // '') =~ /(\d+)/g), join(' ', @tested), 'the README states the tested versions');
my ($run_versions) = slurp('test/run.sh') =~ /PG_VERSIONS:-"\$\(host_pg_version\) ([\d ]+)"/;
my $host = slurp('test/lib/cluster.sh') =~ /bookworm\) echo (\d+)/ ? $1 : '';
is(join(' ', grep { $_ < 19 } $host, split(' ', $run_versions // '')), join(' ', @tested),
	'test/run.sh runs the tested versions (and a release candidate besides)');

# the overload families are what their table generates
is(system('perl', 'src/families.pl', '--check'), 0, 'the generated overload families match src/families.pl');

# make dist: a zip of the committed tree under engagement-VERSION/
my $zip = "engagement-$meta->{version}.zip";
unlink $zip;
is(system('make', '-s', 'dist'), 0, 'make dist');
ok(-f $zip, "$zip exists");
my @members;
my $unzip = IO::Uncompress::Unzip->new($zip) or die "$zip: $UnzipError";
for (my $status = 1; $status > 0; $status = $unzip->nextStream) {
	push @members, $unzip->getHeaderInfo->{Name};
}
$unzip->close;
unlink $zip;
my %in = map { $_ => 1 } @members;
for my $file ('META.json', 'engagement.control', 'Makefile', 'README.md', 'LICENSE', @scripts, 'src/engagement.c') {
	ok($in{"engagement-$meta->{version}/$file"}, "the archive holds $file");
}
is(scalar(grep { !m{^engagement-\Q$meta->{version}\E/} } @members), 0, 'every member is under engagement-VERSION/');
is(scalar(grep { /\.(o|so|bc)$/ } @members), 0, 'no build products in the archive');

done_testing();
