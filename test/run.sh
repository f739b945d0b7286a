#!/usr/bin/env bash
# Runs every test of the extension on a throwaway cluster:
#   bash test/run.sh
# As root it first installs what is missing (apt-get) and the extension
# itself; the cluster runs as the postgres user and is stopped on exit.
# It runs the pg_regress suite (sql/, expected/), the examples, the
# engagement_stats fuzz test (test/fuzz/), the TAP tests (test/t/), the
# release metadata check (test/packaging.pl) and the Debian package test
# (test/package.sh).  Each pg_regress file, the examples, the fuzz run, each
# TAP script and each of the last two count as one test; the last line is
# "N passed, M failed" (", K skipped" when some could not run), and the exit
# status is 0 only when nothing failed.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/test/lib/cluster.sh"

ensure_packages
build_and_install "$top"

make_workdir test

# one_test NAME COMMAND...: the command's exit status is one test's result
one_test() {
	local name=$1
	shift
	if "$@"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		log "$name FAILED"
	fi
}

cluster_start "$work"

set +e
run_regression "$top" "$work"
set -e

passed=$(grep -cE '\.\.\. ok' "$work/regress.out" || true)
failed=$(grep -cE '\.\.\. (FAILED|failed)' "$work/regress.out" || true)
rm -rf "$top/results" "$top/regression.diffs"
if [ -f "$work/regress/regression.diffs" ]; then
	# keep what a developer needs to read the failure; both are git-ignored
	cp -r "$work/regress/results" "$work/regress/regression.diffs" "$top/" 2>/dev/null || true
	log "differences are in $top/regression.diffs, outputs in $top/results/"
fi
[ "$passed" -gt 0 ] || failed=$((failed + 1))

# Examples: the demo's data and report and examples/*.sql run without error
run_examples() {
	as_cluster_user "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -d postgres \
		-c "CREATE DATABASE engagement_examples" -c "\\c engagement_examples" \
		-c "CREATE EXTENSION engagement" -f "$work/reporting.sql" -f "$work/demo-data.sql" \
		-f "$work/demo-report.sql" \
		-f "$work/rollup.sql" >"$work/examples.out" 2>&1 && return
	tail -20 "$work/examples.out"
	return 1
}
log "running the examples"
cp "$top"/examples/*.sql "$work/"
chmod a+r "$work"/*.sql
one_test examples run_examples

# Fuzz: mutated and random input for engagement_stats, through libpq
log "fuzzing engagement_stats input and receive (${FUZZ_ITERATIONS:-100000} of each)"
gcc -O2 -Wall -o "$work/fuzz_stats" "$top/test/fuzz/fuzz_stats.c" \
	-I"$("$PG_BIN/pg_config" --includedir)" -L"$("$PG_BIN/pg_config" --libdir)" -lpq
as_cluster_user "$PG_BIN/psql" -X -q -d postgres -c "CREATE DATABASE engagement_fuzz" \
	-c "\\c engagement_fuzz" -c "CREATE EXTENSION engagement"
one_test fuzz as_cluster_user env PGDATABASE=engagement_fuzz "$work/fuzz_stats" \
	"${FUZZ_ITERATIONS:-100000}" "${FUZZ_SEED:-20261127}"

# TAP tests: several clusters each, run by PostgreSQL::Test::Cluster
log "running TAP tests"
mkdir -p "$work/tap"
cp -r "$top/test/t" "$top/examples" "$work/tap/"
chown -R "$(cluster_user)" "$work/tap"
pgxs=$("$PG_BIN/pg_config" --pgxs)
pgxs_dir=$(dirname "$(dirname "$pgxs")")	# .../pgxs/src
set +e
(cd "$work/tap" && as_cluster_user env -u PGHOST -u PGPORT -u PGUSER \
	TESTDIR="$work/tap" PATH="$PG_BIN:$PATH" PG_REGRESS="$pgxs_dir/test/regress/pg_regress" \
	prove -I "$pgxs_dir/test/perl" ${PROVE_FLAGS:-} ${TAP_TESTS:-t/*.pl}) 2>&1 | tee "$work/tap.out"
set -e
tap_passed=$(grep -cE '^t/.*\.pl \.+ ok' "$work/tap.out" || true)
tap_failed=$(( $(cd "$work/tap" && ls ${TAP_TESTS:-t/*.pl} | wc -l) - tap_passed ))
if [ "$tap_failed" -gt 0 ] && [ -d "$work/tap/tmp_check/log" ]; then
	rm -rf "$top/tmp_check"
	cp -r "$work/tap/tmp_check" "$top/tmp_check" 2>/dev/null || true
	log "TAP logs are in $top/tmp_check/log"
fi
passed=$((passed + tap_passed))
failed=$((failed + tap_failed))

# Release metadata and the PGXN archive (make dist needs a git checkout)
skipped=0
if git -C "$top" rev-parse --git-dir >/dev/null 2>&1; then
	log "checking the release metadata and make dist"
	one_test "release metadata" env -C "$top" prove test/packaging.pl
else
	skipped=$((skipped + 1))
	log "not a git checkout: make dist not tested"
fi

# The Debian package: built, installed, used and removed (root only)
if [ "$(id -u)" -eq 0 ] && [ "${SKIP_PACKAGE:-}" != 1 ]; then
	log "building and testing the Debian package"
	one_test "Debian package" bash "$top/test/package.sh"
else
	skipped=$((skipped + 1))
	log "the Debian package test needs root (or SKIP_PACKAGE=1 was set)"
fi

summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$failed" -eq 0 ]
