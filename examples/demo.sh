#!/usr/bin/env bash
# The demo: a throwaway cluster with sample data and a report.
#   bash examples/demo.sh
# As root it first installs what is missing (apt-get) and the extension
# itself; the cluster runs as the postgres user and is removed on exit.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/test/lib/cluster.sh"

ensure_packages
build_and_install "$top"

work=$(mktemp -d /tmp/engagement-demo.XXXXXX)
trap 'cluster_stop "$work"; rm -rf "$work"' EXIT
cp "$top/examples/demo-data.sql" "$top/examples/demo-report.sql" "$work/"
chmod a+r "$work"/*.sql
ENGAGEMENT_PORT=${ENGAGEMENT_PORT:-54330} cluster_start "$work"

psql_demo() {
	as_cluster_user env PGHOST="$PGHOST" PGPORT="$PGPORT" PGUSER="$PGUSER" \
		"$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 "$@"
}

log "loading sample data"
psql_demo -d postgres -c "CREATE DATABASE engagement_demo"
psql_demo -d engagement_demo -c "CREATE EXTENSION engagement" \
	-f "$work/demo-data.sql" >/dev/null
psql_demo -d engagement_demo -f "$work/demo-report.sql"
