#!/usr/bin/env bash
# The demo: a throwaway cluster with sample data and a report.
#   bash examples/demo.sh           report, then stop and remove the cluster
#   bash examples/demo.sh --keep    report, then keep the cluster running for
#                                   Grafana and write how to connect (an env
#                                   file for Grafana) and how to stop it
# As root it first installs what is missing (apt-get) and the extension
# itself, unless the Debian package postgresql-NN-engagement is installed:
# then it uses the package and leaves it as it is.  The cluster runs as the
# postgres user.  ENGAGEMENT_LISTEN (default 127.0.0.1) is the address the
# kept cluster listens on: 0.0.0.0 lets a Grafana container reach it.
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
package=postgresql-$("$PG_BIN/pg_config" --version | sed 's/[^0-9]*\([0-9]*\).*/\1/')-engagement
if dpkg-query -W -f '${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
	log "using the installed package $package ($(dpkg-query -W -f '${Version}' "$package")); not building"
else
	build_and_install "$top"
fi

make_workdir demo
cp "$top"/examples/*.sql "$work/"
chmod a+r "$work"/*.sql
port=${ENGAGEMENT_PORT:-54330}
listen=${ENGAGEMENT_LISTEN:-127.0.0.1}
if $keep; then
	ENGAGEMENT_PORT=$port cluster_start "$work" -c listen_addresses="$listen"
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
	if [ "$listen" = 127.0.0.1 ]; then
		echo "host engagement_demo grafana 127.0.0.1/32 scram-sha-256" >> "$work/data/pg_hba.conf"
	else
		echo "host engagement_demo grafana all scram-sha-256" >> "$work/data/pg_hba.conf"
	fi
	psql_demo -d postgres -c "SELECT pg_reload_conf()" >/dev/null
	# what Grafana's data-source provisioning file reads, for docker --env-file
	# or a systemd EnvironmentFile (a service never sees a shell's exports)
	host=$listen
	[ "$host" = 0.0.0.0 ] && host=host.docker.internal
	cat > "$work/grafana.env" <<ENV
ENGAGEMENT_PG_HOST=$host:$port
ENGAGEMENT_PG_DATABASE=engagement_demo
ENGAGEMENT_PG_USER=grafana
ENGAGEMENT_PG_PASSWORD=$password
ENV
	chmod 600 "$work/grafana.env"
	trap - EXIT
	cat <<INFO

The demo cluster keeps running on $listen:$port.  Point Grafana (10.2.3 or
later) at it with examples/grafana/ and the settings in
  $work/grafana.env
(see examples/README.md, "Grafana against the demo").  Try it with:
  psql "host=127.0.0.1 port=$port dbname=engagement_demo user=grafana password=$password"
Stop and remove it with:
  runuser -u $(cluster_user) -- $PG_BIN/pg_ctl -D $work/data stop && rm -rf $work
INFO
fi
