#!/usr/bin/env bash
# Builds the Debian package and tests it on this machine:
#   bash test/package.sh
# As root: installs the build dependencies (apt-get build-dep), builds
# postgresql-NN-engagement (NN: PG_VERSION, by default the version this
# Debian packages) with dpkg-buildpackage from a copy of the tree,
# installs the .deb, creates the extension in a throwaway cluster and runs a
# query, then removes the package again (and puts back a source install if
# there was one), also when a step fails.  The .deb is left in ./build/.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/test/lib/cluster.sh"

if [ "$(id -u)" -ne 0 ]; then
	log "run as root: it installs and removes a package"
	exit 1
fi
ensure_packages dpkg-dev
export DEBIAN_FRONTEND=noninteractive

make_workdir package
chmod 755 "$work"	# the build-time tests run a server that reads the staged files

version=$(dpkg-parsechangelog -l "$top/debian/changelog" -S Version)
src="$work/engagement-$version"
mkdir -p "$src"
if git -C "$top" rev-parse --git-dir >/dev/null 2>&1; then
	(cd "$top" && git ls-files -co --exclude-standard | grep -v '^build/' | tar -cf - -T -) | tar -xf - -C "$src"
else
	# not a checkout (test/run.sh copies a git worktree without its .git
	# file): the tree without what .gitignore names
	(cd "$top" && tar --exclude=./.git --exclude='*.o' --exclude='*.so' --exclude='*.bc' \
		--exclude=./results --exclude=./regression.diffs --exclude=./regression.out \
		--exclude=./tmp_check --exclude=./log --exclude=./valgrind-logs --exclude=./build \
		--exclude='./engagement-*.zip' --exclude=./test-output -cf - .) | tar -xf - -C "$src"
fi

log "installing build dependencies"
apt-get build-dep -y -qq "$src" >/dev/null

log "building postgresql-$PG_VERSION-engagement $version"
mkdir -p "$top/build"
(cd "$src" && pg_buildext updatecontrol >/dev/null && dpkg-buildpackage -b -us -uc >"$top/build/build.log" 2>&1) ||
	{ tail -40 "$top/build/build.log"; log "the whole log is $top/build/build.log"; exit 1; }
deb=$(ls "$work"/postgresql-$PG_VERSION-engagement_*.deb)
cp "$deb" "$top/build/"
log "built $(basename "$deb")"

had_source_install=false
[ -f "$("$PG_BIN/pg_config" --sharedir)/extension/engagement.control" ] &&
	! dpkg -S "$("$PG_BIN/pg_config" --sharedir)/extension/engagement.control" >/dev/null 2>&1 &&
	had_source_install=true

# from here on, a failure must not leave the package installed
restore() {
	dpkg -s postgresql-$PG_VERSION-engagement >/dev/null 2>&1 &&
		apt-get remove -y -qq postgresql-$PG_VERSION-engagement >/dev/null
	if $had_source_install; then
		make -s -C "$top" PG_CONFIG="$PG_BIN/pg_config" install >/dev/null
	fi
	cluster_stop "$work"
	rm -rf "$work"
}
trap restore EXIT

apt-get install -y -qq "$deb" >/dev/null
files=$(dpkg -L postgresql-$PG_VERSION-engagement)
docs_ok=true
for f in engagement.so engagement.control $(cd "$top" && ls engagement--*.sql) \
	doc/postgresql-$PG_VERSION-engagement/README.md doc/postgresql-$PG_VERSION-engagement/LICENSE \
	doc/postgresql-$PG_VERSION-engagement/examples/demo-data.sql \
	doc/postgresql-$PG_VERSION-engagement/doc/reference.md; do
	echo "$files" | grep -qE "/$f(\.gz)?$" || { log "the package lacks $f"; docs_ok=false; }
done

ENGAGEMENT_PORT=${ENGAGEMENT_PORT:-54333} cluster_start "$work"
result=$(as_cluster_user "$PG_BIN/psql" -X -q -At -v ON_ERROR_STOP=1 -d postgres \
	-c "CREATE EXTENSION engagement" \
	-c "SELECT extversion FROM pg_extension WHERE extname = 'engagement'" \
	-c "SELECT q12_level(q12_index(2743, 297)), er_reach(l, c, s, r)
	    FROM (VALUES (40, 8, 2, 1000), (20, 4, 1, 500)) v(l, c, s, r)")
cluster_stop "$work"
echo "$result" >&2

# the demo uses the installed package and leaves its files as they are
so="$("$PG_BIN/pg_config" --pkglibdir)/engagement.so"
sum_before=$(md5sum "$so")
demo_ok=true
ENGAGEMENT_PORT=54335 bash "$top/examples/demo.sh" >"$work/demo.out" 2>&1 || demo_ok=false
grep -q 'using the installed package' "$work/demo.out" || demo_ok=false
[ "$(md5sum "$so")" = "$sum_before" ] || demo_ok=false
$demo_ok || { tail -20 "$work/demo.out"; log "demo.sh did not leave the package as it was"; }

apt-get remove -y -qq postgresql-$PG_VERSION-engagement >/dev/null
removed=true
[ -e "$("$PG_BIN/pg_config" --pkglibdir)/engagement.so" ] && removed=false

expected="$(sed -n "s/^default_version = '\(.*\)'/\1/p" "$top/engagement.control")
high|5"
if [ "$result" = "$expected" ] && $removed && $docs_ok && $demo_ok; then
	echo "package: built, installed, used (also by the demo) and removed postgresql-$PG_VERSION-engagement $version"
else
	echo "package: FAILED (query gave '$result', removed: $removed, docs: $docs_ok, demo: $demo_ok)"
	exit 1
fi
