#!/usr/bin/env bash
# The whole test suite on one PostgreSQL version, the one installed here:
#   PG_VERSION=17 bash test/suite.sh
# test/run.sh calls it once per version, here or in a Debian chroot; run
# that one.  As root it first installs what is missing (apt-get) and the
# extension itself.  It then runs, from a copy of the tree that the cluster
# user owns:
#   - the pg_regress suite with `make installcheck` against a throwaway
#     cluster, one regression file at a time (after `setup`);
#   - the TAP tests with `make prove_installcheck`, one file at a time;
#   - the examples, the layout of src/ (test/layout.sh), the
#     engagement_stats fuzz test, a libpq client sending untyped parameters
#     (test/clients/), the release metadata check (test/packaging.pl) and
#     the Debian package test (test/package.sh);
#   - with ENGAGEMENT_DUMP_SAVE=DIR, a dump of every kind of value the
#     extension returns is written to DIR (test/cross_version.sh); with
#     ENGAGEMENT_DUMP_FROM=DIR, such a dump made by another version is
#     restored here and every value compared in its binary form.
# A release candidate or beta of PostgreSQL gets the build (warnings are
# errors) and the pg_regress suite only.
# The Citus test (test/t/006_citus.pl) runs when Citus is installed, or when
# CITUS_SRC names the Citus source tarball (CITUS_PATCH a patch for it) and
# that Citus supports this version: it is then built once, outside the
# checkout, and installed; otherwise it is counted as skipped, and said so.
# Each of these counts as one test, by its exit status; the last line is
# "N passed, M failed" (", K skipped" when some could not run), and the exit
# status is 0 only when nothing failed.  What a failure leaves (regression
# diffs, outputs, TAP logs) is kept in test-output/pgNN/ of the checkout.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/test/lib/cluster.sh"

# TAP_TESTS (a list of TAP files) is ours: PGXS gives a make variable of
# that name a meaning of its own, so it leaves the environment here
tap_tests=${TAP_TESTS:-test/t/*.pl}
unset TAP_TESTS

extra=""
[ -d "$top/.git" ] && extra=git	# the release metadata and package tests read the checkout
ensure_packages $extra
full=true
case $("$PG_BIN/pg_config" --version) in
	*beta*|*rc*|*devel*)
		full=false
		log "$("$PG_BIN/pg_config" --version) is not a release: the build and pg_regress only" ;;
esac
$full || CI=true	# a pre-release build is checked with warnings as errors
build_and_install "$top"
out="$top/test-output/pg$PG_VERSION"
rm -rf "$out"

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
	mkdir -p "$out/results"
	cp "$src"/results/*.out "$out/results/" 2>/dev/null || true
	cat "$src/regression.diffs" >>"$out/regression.diffs" 2>/dev/null || true
	log "differences are in $out/regression.diffs, outputs in $out/results/"
	return 1
}
for test in $(sed -n 's/^REGRESS = //p' "$top/Makefile"); do
	[ "$test" = setup ] && continue
	one_test "pg_regress $test" regress_one "$test"
done

# finish: the summary line and the exit status
finish() {
	local summary="$passed passed, $failed failed"
	[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
	echo "$summary"
	[ "$failed" -eq 0 ]
}
if ! $full; then
	cluster_stop "$work"
	finish
	exit
fi

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

# The layout of src/ (test/layout.sh), from the objects build_and_install
# left: no circle of calls, and the Makefile lists the headers of each object
one_test "layout of src/" bash "$top/test/layout.sh" "$PG_BIN/pg_config" >"$work/layout.out"

# Fuzz: mutated and random input for engagement_stats, through libpq
log "fuzzing engagement_stats input and receive (${FUZZ_ITERATIONS:-100000} of each)"
gcc -O2 -Wall -o "$work/fuzz_stats" "$top/test/fuzz/fuzz_stats.c" \
	-I"$("$PG_BIN/pg_config" --includedir)" -L"$("$PG_BIN/pg_config" --libdir)" -lpq
as_cluster_user "$PG_BIN/psql" -X -q -d postgres -c "CREATE DATABASE engagement_fuzz" \
	-c "\\c engagement_fuzz" -c "CREATE EXTENSION engagement"
one_test fuzz as_cluster_user env PGDATABASE=engagement_fuzz "$work/fuzz_stats" \
	"${FUZZ_ITERATIONS:-100000}" "${FUZZ_SEED:-20261127}"

# A client that sends parameters as text without types, as many drivers do
gcc -O2 -Wall -o "$work/untyped_params" "$top/test/clients/untyped_params.c" \
	-I"$("$PG_BIN/pg_config" --includedir)" -L"$("$PG_BIN/pg_config" --libdir)" -lpq
one_test "untyped parameters" as_cluster_user env PGDATABASE=engagement_fuzz "$work/untyped_params"

# Across major versions: save a dump for later versions, or restore one
cross_version() {
	local mode=$1 dir=$2
	rm -rf "$work/dump" && cp -r "$dir" "$work/dump" && chown -R "$(cluster_user)" "$work/dump"
	as_cluster_user env PG_BIN="$PG_BIN" bash "$src/test/cross_version.sh" "$mode" "$work/dump" || return 1
	[ "$mode" = save ] && cp "$work/dump"/* "$dir/"
	return 0
}
if [ -n "${ENGAGEMENT_DUMP_SAVE:-}" ]; then
	mkdir -p "$ENGAGEMENT_DUMP_SAVE"
	one_test "a dump for other versions" cross_version save "$ENGAGEMENT_DUMP_SAVE"
fi
if [ -n "${ENGAGEMENT_DUMP_FROM:-}" ]; then
	one_test "a dump of $(cat "$ENGAGEMENT_DUMP_FROM/version") restored bit-identical" \
		cross_version restore "$ENGAGEMENT_DUMP_FROM"
fi

cluster_stop "$work"

# TAP tests: each starts its own clusters (PostgreSQL::Test::Cluster)
tap_one() {
	local file=$1 name
	name=$(basename "$file" .pl)
	as_cluster_user env -u PGHOST -u PGPORT -u PGUSER \
		make -s -C "$src" PG_CONFIG="$PG_BIN/pg_config" prove_installcheck \
		PROVE_TESTS="$file" PROVE_FLAGS="${PROVE_FLAGS:-}" >"$work/tap-$name.out" 2>&1 && return 0
	cat "$work/tap-$name.out" >&2
	mkdir -p "$out/tmp_check"
	cp -r "$src/tmp_check/log" "$out/tmp_check/" 2>/dev/null || true
	log "TAP logs are in $out/tmp_check/log"
	return 1
}
citus=0
ensure_citus || citus=$?
for file in $(cd "$src" && ls $tap_tests); do
	case "$file:$citus" in
		*citus*:1)
			skipped=$((skipped + 1))
			log "TAP $file: SKIPPED, Citus is not installed (set CITUS_SRC to its source tarball to build it)"
			continue ;;
		*citus*:2)
			failed=$((failed + 1))
			log "TAP $file: FAILED, Citus could not be built or installed"
			continue ;;
		*citus*:3)
			skipped=$((skipped + 1))
			log "TAP $file: SKIPPED, that Citus does not support PostgreSQL $PG_VERSION"
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

finish
