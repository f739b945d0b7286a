#!/usr/bin/env bash
# Runs every test of the extension:
#   bash test/run.sh
# As root it first installs what is missing (apt-get) and the extension
# itself.  It then runs, from a copy of the tree that the cluster user owns:
#   - the pg_regress suite with `make installcheck` against a throwaway
#     cluster, one regression file at a time (after `setup`);
#   - the TAP tests with `make prove_installcheck`, one file at a time;
#   - the examples, the engagement_stats fuzz test, the release metadata
#     check (test/packaging.pl) and the Debian package test (test/package.sh).
# The Citus test (test/t/006_citus.pl) runs when Citus is installed, or when
# CITUS_SRC names the Citus source tarball (CITUS_PATCH a patch for it): it is
# then built once, outside the checkout, and installed; otherwise it is
# counted as skipped, and said so.
# Each of these counts as one test, by its exit status; the last line is
# "N passed, M failed" (", K skipped" when some could not run), and the exit
# status is 0 only when nothing failed.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/test/lib/cluster.sh"

ensure_packages
build_and_install "$top"

make_workdir test
passed=0
failed=0
skipped=0

# one_test NAME COMMAND...: the command's exit status is one test's result
one_test() {
	local name=$1
	shift
	if "$@"; then
		passed=$((passed + 1))
		log "$name: ok"
	else
		failed=$((failed + 1))
		log "$name: FAILED"
	fi
}

# the tree as committed or about to be, without build products; the
# cluster user writes results/ and tmp_check/ in it
src="$work/src"
copy_tree "$top" "$src"
chown -R "$(cluster_user)" "$src"
rm -rf "$top/results" "$top/regression.diffs" "$top/tmp_check"

cluster_start "$work"

pgmake() {
	as_cluster_user make -s -C "$src" PG_CONFIG="$PG_BIN/pg_config" "$@"
}

# pg_regress, one file at a time; on failure its diffs and outputs are kept
# in the checkout (both are git-ignored)
regress_one() {
	local test=$1
	pgmake installcheck REGRESS="setup $test" >"$work/regress-$test.out" 2>&1 && return 0
	cat "$work/regress-$test.out" >&2
	mkdir -p "$top/results"
	cp "$src"/results/*.out "$top/results/" 2>/dev/null || true
	cat "$src/regression.diffs" >>"$top/regression.diffs" 2>/dev/null || true
	log "differences are in $top/regression.diffs, outputs in $top/results/"
	return 1
}
for test in $(sed -n 's/^REGRESS = //p' "$top/Makefile"); do
	[ "$test" = setup ] && continue
	one_test "pg_regress $test" regress_one "$test"
done

# Examples: the demo's data and report and examples/*.sql run without error
run_examples() {
	as_cluster_user "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -d postgres \
		-c "CREATE DATABASE engagement_examples" -c "\\c engagement_examples" \
		-c "CREATE EXTENSION engagement" -f "$src/examples/reporting.sql" \
		-f "$src/examples/demo-data.sql" -f "$src/examples/demo-report.sql" \
		-f "$src/examples/rollup.sql" >"$work/examples.out" 2>&1 && return
	tail -20 "$work/examples.out"
	return 1
}
one_test examples run_examples

# Fuzz: mutated and random input for engagement_stats, through libpq
log "fuzzing engagement_stats input and receive (${FUZZ_ITERATIONS:-100000} of each)"
gcc -O2 -Wall -o "$work/fuzz_stats" "$top/test/fuzz/fuzz_stats.c" \
	-I"$("$PG_BIN/pg_config" --includedir)" -L"$("$PG_BIN/pg_config" --libdir)" -lpq
as_cluster_user "$PG_BIN/psql" -X -q -d postgres -c "CREATE DATABASE engagement_fuzz" \
	-c "\\c engagement_fuzz" -c "CREATE EXTENSION engagement"
one_test fuzz as_cluster_user env PGDATABASE=engagement_fuzz "$work/fuzz_stats" \
	"${FUZZ_ITERATIONS:-100000}" "${FUZZ_SEED:-20261127}"

cluster_stop "$work"

# TAP tests: each starts its own clusters (PostgreSQL::Test::Cluster)
tap_one() {
	local file=$1 name
	name=$(basename "$file" .pl)
	as_cluster_user env -u PGHOST -u PGPORT -u PGUSER \
		make -s -C "$src" PG_CONFIG="$PG_BIN/pg_config" prove_installcheck \
		PROVE_TESTS="$file" PROVE_FLAGS="${PROVE_FLAGS:-}" >"$work/tap-$name.out" 2>&1 && return 0
	cat "$work/tap-$name.out" >&2
	mkdir -p "$top/tmp_check"
	cp -r "$src/tmp_check/log" "$top/tmp_check/" 2>/dev/null || true
	log "TAP logs are in $top/tmp_check/log"
	return 1
}
citus=0
ensure_citus || citus=$?
for file in $(cd "$src" && ls ${TAP_TESTS:-test/t/*.pl}); do
	case "$file:$citus" in
		*citus*:1)
			skipped=$((skipped + 1))
			log "TAP $file: SKIPPED, Citus is not installed (set CITUS_SRC to its source tarball to build it)"
			continue ;;
		*citus*:2)
			failed=$((failed + 1))
			log "TAP $file: FAILED, Citus could not be built or installed"
			continue ;;
	esac
	one_test "TAP $file" tap_one "$file"
done

# Release metadata and the PGXN archive (make dist needs a git checkout)
if git -C "$top" rev-parse --git-dir >/dev/null 2>&1; then
	one_test "release metadata" env -C "$top" prove test/packaging.pl
else
	skipped=$((skipped + 1))
	log "not a git checkout: make dist not tested"
fi

# The Debian package: built, installed, used and removed (root only)
if [ "$(id -u)" -eq 0 ] && [ "${SKIP_PACKAGE:-}" != 1 ]; then
	one_test "Debian package" bash "$top/test/package.sh"
else
	skipped=$((skipped + 1))
	log "the Debian package test needs root (or SKIP_PACKAGE=1 was set)"
fi

summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$failed" -eq 0 ]
