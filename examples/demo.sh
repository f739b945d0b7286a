#!/usr/bin/env bash
# The demo: a throwaway cluster with sample data and a report.
#   bash examples/demo.sh           report, then stop and remove the cluster
#   bash examples/demo.sh --keep    report, then keep the cluster running on
#                                   127.0.0.1 for Grafana and print how to
#                                   connect and how to stop it
# As root it first installs what is missing (apt-get) and the extension
# itself; the cluster runs as the postgres user.
set -euo pipefail

keep=false
case "${1:-}" in
	--keep) keep=true ;;
	"") ;;
	*) echo "usage: bash examples/demo.sh [--keep]" >&2; exit 2 ;;
esac

top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/test/lib/cluster.sh"

ensure_packages
build_and_install "$top"

make_workdir demo
cp "$top"/examples/*.sql "$work/"
chmod a+r "$work"/*.sql
port=${ENGAGEMENT_PORT:-54330}
if $keep; then
	ENGAGEMENT_PORT=$port cluster_start "$work" -c listen_addresses=127.0.0.1
else
	ENGAGEMENT_PORT=$port cluster_start "$work"
fi

psql_demo() {
	as_cluster_user env PGHOST="$PGHOST" PGPORT="$PGPORT" PGUSER="$PGUSER" \
		"$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 "$@"
}

log "loading the reporting schema and sample data"
psql_demo -d postgres -c "CREATE DATABASE engagement_demo"
psql_demo -d engagement_demo -c "CREATE EXTENSION engagement" \
	-f "$work/reporting.sql" -f "$work/demo-data.sql" >/dev/null
psql_demo -d engagement_demo -f "$work/demo-report.sql"

if $keep; then
	password=$(od -An -N9 -tx1 /dev/urandom | tr -d ' \n')
	psql_demo -d engagement_demo \
		-c "CREATE ROLE grafana LOGIN PASSWORD '$password' IN ROLE reporting_reader"
	# TCP logins need a password; the trust lines initdb wrote stay for local sockets
	sed -i '/^host/d' "$work/data/pg_hba.conf"
	echo "host engagement_demo grafana 127.0.0.1/32 scram-sha-256" >> "$work/data/pg_hba.conf"
	psql_demo -d postgres -c "SELECT pg_reload_conf()" >/dev/null
	trap - EXIT
	cat <<INFO

The demo cluster keeps running.  Point Grafana at it (examples/grafana/):
  export ENGAGEMENT_PG_HOST=127.0.0.1:$port
  export ENGAGEMENT_PG_DATABASE=engagement_demo
  export ENGAGEMENT_PG_USER=grafana
  export ENGAGEMENT_PG_PASSWORD=$password
  psql "host=127.0.0.1 port=$port dbname=engagement_demo user=grafana password=$password"
Stop and remove it with:
  runuser -u $(cluster_user) -- $PG_BIN/pg_ctl -D $work/data stop && rm -rf $work
INFO
fi
