#!/usr/bin/env bash
# Runs every test of the extension on every PostgreSQL version it supports:
#   bash test/run.sh                    15 (this Debian's), 17, 18, and 19 rc
#   PG_VERSIONS=15 bash test/run.sh     one version: the quick local run
# Each version runs the whole suite (test/suite.sh: pg_regress, TAP,
# examples, fuzz, release metadata, Debian package, Citus where Citus
# supports the version); a release candidate gets the build and pg_regress.
# A version this machine's apt sources provide runs here; any other runs in
# a Debian chroot made once with debootstrap and cached outside the checkout
# (test/lib/chroot.sh), into which a copy of the checkout goes.  As root it
# installs what is missing, here and in the chroots.
# A dump made by the first version is restored by each later one and every
# value compared (test/cross_version.sh).
# It prints one line per version and ends with "N passed, M failed" over all
# of them; the exit status is 0 only when nothing failed.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/test/lib/cluster.sh"
. "$top/test/lib/chroot.sh"

versions=$(echo ${PG_VERSIONS:-"$(host_pg_version) 17 18 19"} | tr ' ' '\n' | awk '!seen[$0]++' | tr '\n' ' ')
log "PostgreSQL versions: $versions"

make_workdir run
dumps="$work/dump"
passed=0
failed=0
skipped=0
lines=""

# runs_here VERSION: this machine has that PostgreSQL or can install it
runs_here() {
	[ -x "/usr/lib/postgresql/$1/bin/pg_config" ] && return 0
	[ "$1" = "$(host_pg_version)" ] && return 0
	apt-cache policy "postgresql-server-dev-$1" 2>/dev/null | grep -q 'Candidate: [0-9]'
}

# the variables of the suite that a chroot gets too
suite_env() {
	local v
	for v in CI FUZZ_ITERATIONS FUZZ_SEED PROVE_FLAGS TAP_TESTS SKIP_PACKAGE; do
		[ -n "${!v:-}" ] && printf '%s=%s\n' "$v" "${!v}"
	done
	return 0
}

# run_version VERSION: the suite on VERSION, its output prefixed [pgNN] and
# kept in $work/pgNN.log
run_version() {
	local v=$1 dump_env=() dir tree
	[ -n "$first" ] && [ "$first" != "$v" ] && [ -f "$dumps/values.dump" ] &&
		dump_env=(ENGAGEMENT_DUMP_FROM=DUMPS)
	[ -z "$first" ] && dump_env=(ENGAGEMENT_DUMP_SAVE=DUMPS)
	if runs_here "$v"; then
		log "PostgreSQL $v: on this machine"
		env PG_VERSION="$v" "${dump_env[@]/DUMPS/$dumps}" \
			${CITUS_SRC:+CITUS_SRC="$CITUS_SRC"} ${CITUS_PATCH:+CITUS_PATCH="$CITUS_PATCH"} \
			bash "$top/test/suite.sh"
		return
	fi
	ensure_chroot "$v" || { echo "0 passed, 1 failed (no chroot for PostgreSQL $v)"; return 1; }
	dir=$(chroot_dir "$v")
	tree=/root/engagement
	log "PostgreSQL $v: in the chroot $dir"
	rm -rf --one-file-system "$dir$tree" "$dir/root/inputs"
	copy_tree "$top" "$dir$tree"
	[ -d "$top/.git" ] && cp -a "$top/.git" "$dir$tree/.git"
	mkdir -p "$dir/root/inputs"
	local citus=()
	if [ -n "${CITUS_SRC:-}" ] && [ -f "$CITUS_SRC" ]; then
		cp "$CITUS_SRC" "$dir/root/inputs/"
		citus+=(CITUS_SRC="/root/inputs/$(basename "$CITUS_SRC")")
		if [ -n "${CITUS_PATCH:-}" ]; then
			cp "$CITUS_PATCH" "$dir/root/inputs/"
			citus+=(CITUS_PATCH="/root/inputs/$(basename "$CITUS_PATCH")")
		fi
	fi
	[ -f "$dumps/values.dump" ] && cp -r "$dumps" "$dir/root/inputs/dump"
	local status=0
	local settings=()
	mapfile -t settings < <(suite_env)
	in_chroot "$v" env PG_VERSION="$v" "${settings[@]}" "${dump_env[@]/DUMPS//root/inputs/dump}" "${citus[@]}" \
		bash "$tree/test/suite.sh" || status=$?
	if [ -d "$dir$tree/test-output/pg$v" ]; then
		mkdir -p "$top/test-output"
		rm -rf "$top/test-output/pg$v"
		cp -r "$dir$tree/test-output/pg$v" "$top/test-output/"
	fi
	return $status
}

first=""
for v in $versions; do
	status=0
	run_version "$v" 2>&1 | sed -u "s/^/[pg$v] /" | tee "$work/pg$v.log" || status=$?
	[ -z "$first" ] && first=$v
	line=$(sed -n 's/^\[pg[0-9]*\] \([0-9]* passed, [0-9]* failed.*\)$/\1/p' "$work/pg$v.log" | tail -1)
	[ -n "$line" ] || line="0 passed, 1 failed (the suite stopped before its summary)"
	[ "$status" -ne 0 ] && line="$line; exit status $status"
	p=$(echo "$line" | sed -n 's/^\([0-9]*\) passed.*/\1/p')
	f=$(echo "$line" | sed -n 's/^[0-9]* passed, \([0-9]*\) failed.*/\1/p')
	s=$(echo "$line" | sed -n 's/.*, \([0-9]*\) skipped.*/\1/p')
	[ "$status" -ne 0 ] && [ "$f" -eq 0 ] && f=1
	passed=$((passed + p))
	failed=$((failed + f))
	skipped=$((skipped + ${s:-0}))
	lines="$lines
PostgreSQL $v: $line"
done

echo "$lines" | sed '/^$/d'
[ -d "$top/test-output" ] && [ "$failed" -gt 0 ] && log "what failed left its output in $top/test-output/"
summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$failed" -eq 0 ]
