# Shared by test/run.sh, test/suite.sh and examples/demo.sh: install what is
# missing, build and install the extension, and run a throwaway PostgreSQL
# cluster as an ordinary user (PostgreSQL refuses to run as root).  Source
# it; it defines functions and sets PG_VERSION (default: the version this
# Debian packages), PG_BIN and the package lists, nothing else.

# host_pg_version: the PostgreSQL major version this machine's distribution
# packages (Debian 12: 15), else the newest one installed
host_pg_version() {
	local codename
	codename=$(. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-}")
	case $codename in
		bookworm) echo 15 ;;
		trixie) echo 17 ;;
		forky|sid) echo 18 ;;
		*) ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1 ;;
	esac
}

PG_VERSION=${PG_VERSION:-$(host_pg_version)}
PG_BIN=/usr/lib/postgresql/$PG_VERSION/bin

# Debian packages the build, the tests and the demo need.
ENGAGEMENT_PACKAGES="postgresql-$PG_VERSION postgresql-server-dev-$PG_VERSION libpq-dev make gcc libipc-run-perl"
# and what test/valgrind.sh needs besides
VALGRIND_PACKAGES="valgrind"
# and what building Citus from source needs (ensure_citus)
CITUS_PACKAGES="libzstd-dev liblz4-dev libkrb5-dev libssl-dev libselinux1-dev libxslt1-dev
	libxml2-dev libpam0g-dev libreadline-dev libicu-dev autoconf flex bison patch"

log() { printf '==> %s\n' "$*" >&2; }

# ensure_packages [PACKAGE...]: the project's packages and any named
ensure_packages() {
	local missing="" p
	for p in $ENGAGEMENT_PACKAGES "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' \
			|| missing="$missing $p"
	done
	[ -z "$missing" ] && return 0
	if [ "$(id -u)" -ne 0 ]; then
		log "missing packages:$missing; run as root to install them"
		return 1
	fi
	log "installing:$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >/dev/null
	# postgresql-common would create and start a default cluster; we want none
	mkdir -p /etc/postgresql-common/createcluster.d
	[ -f /etc/postgresql-common/createcluster.d/engagement.conf ] ||
		echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.d/engagement.conf
	apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

# citus_versions TARBALL: the PostgreSQL major versions that Citus source
# supports, as its configure script checks them
citus_versions() {
	tar -xzOf "$1" --wildcards '*/configure' 2>/dev/null |
		grep -o "version_num\" != '[0-9]*'" | grep -o '[0-9]*' | sort -un | tr '\n' ' '
}

# ensure_citus: succeeds when Citus is installed for PG_VERSION, building
# and installing it first when CITUS_SRC names a source tarball (with
# CITUS_PATCH, a patch to apply in it).  Returns 1 when there is no Citus
# and nothing to build it from, 2 when building or installing it failed, 3
# when that Citus does not support PG_VERSION.  The build is kept in
# CITUS_CACHE (default /var/cache/engagement-citus/<checksum>-pgNN), outside
# any checkout, so a second run only installs it again.  Citus is test
# infrastructure: it never goes into the extension or its packages.
ensure_citus() {
	local pkglibdir sum cache
	pkglibdir=$("$PG_BIN/pg_config" --pkglibdir)
	[ -f "$pkglibdir/citus.so" ] && return 0
	[ -n "${CITUS_SRC:-}" ] || return 1
	if [ ! -f "$CITUS_SRC" ]; then
		log "CITUS_SRC=$CITUS_SRC does not exist"
		return 2
	fi
	case " $(citus_versions "$CITUS_SRC") " in
		*" $PG_VERSION "*) ;;
		*) log "$(basename "$CITUS_SRC") supports PostgreSQL $(citus_versions "$CITUS_SRC")only"
		   return 3 ;;
	esac
	if [ "$(id -u)" -ne 0 ]; then
		log "building Citus needs root (it installs into $pkglibdir)"
		return 2
	fi
	ensure_packages $CITUS_PACKAGES || return 2
	sum=$(cat "$CITUS_SRC" ${CITUS_PATCH:+"$CITUS_PATCH"} | sha256sum | cut -c1-16)
	cache=${CITUS_CACHE:-/var/cache/engagement-citus/$sum-pg$PG_VERSION}
	if [ ! -f "$cache/.built" ]; then
		log "building Citus from $CITUS_SRC in $cache (a few minutes, once)"
		rm -rf "$cache" && mkdir -p "$cache"
		tar -xzf "$CITUS_SRC" -C "$cache" --strip-components=1 || return 2
		if [ -n "${CITUS_PATCH:-}" ]; then
			(cd "$cache" && patch -s -p1 <"$CITUS_PATCH") || return 2
		fi
		(cd "$cache" && ./configure --without-libcurl PG_CONFIG="$PG_BIN/pg_config" >build.log 2>&1 &&
			make -j"$(nproc)" >>build.log 2>&1) ||
			{ tail -30 "$cache/build.log" >&2; return 2; }
		touch "$cache/.built"
	fi
	log "installing Citus from $cache"
	make -s -C "$cache" install >/dev/null 2>&1 || { log "make install of Citus failed"; return 2; }
}

# In CI (CI=true) every warning is an error; the Makefile itself stays
# lenient, since users build with other compilers.
build_and_install() {
	local src=$1 copt=""
	[ "${CI:-}" = true ] && copt="-Wall -Wextra -Werror -Wno-unused-parameter"
	log "building and installing the extension${copt:+ ($copt)}"
	make -s -C "$src" PG_CONFIG="$PG_BIN/pg_config" clean >/dev/null
	make -s -C "$src" PG_CONFIG="$PG_BIN/pg_config" COPT="$copt" >/dev/null
	# scripts an earlier tree installed and this one no longer has would
	# change which path CREATE EXTENSION takes
	rm -f "$("$PG_BIN/pg_config" --sharedir)"/extension/engagement--*.sql
	make -s -C "$src" PG_CONFIG="$PG_BIN/pg_config" install >/dev/null
}

# make_workdir NAME: a new folder /tmp/engagement-NAME.XXXXXX in $work,
# removed with its cluster stopped first when the calling script exits
make_workdir() {
	work=$(mktemp -d "/tmp/engagement-$1.XXXXXX")
	trap 'cluster_stop "$work"; rm -rf "$work"' EXIT
}

# copy_tree FROM TO: the files of FROM that git tracks or would track (all
# files but .git outside a checkout), as they are in the working tree
copy_tree() {
	local from=$1 to=$2
	mkdir -p "$to"
	if git -C "$from" rev-parse --git-dir >/dev/null 2>&1; then
		(cd "$from" && git ls-files -co --exclude-standard |
			while IFS= read -r f; do [ -e "$f" ] && printf '%s\n' "$f"; done |
			tar -cf - -T -) | tar -xf - -C "$to"
	else
		(cd "$from" && tar --exclude=./.git -cf - .) | tar -xf - -C "$to"
	fi
}

# The user the cluster runs as: postgres when we are root, else ourselves.
cluster_user() {
	if [ "$(id -u)" -eq 0 ]; then echo postgres; else id -un; fi
}

as_cluster_user() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

# cluster_start DIR: a new cluster in DIR/data listening only on a Unix
# socket in DIR; sets PGHOST, PGPORT, PGUSER for the commands that follow.
cluster_start() {
	local dir=$1
	shift
	chown "$(cluster_user)" "$dir"
	as_cluster_user "$PG_BIN/initdb" -D "$dir/data" -U postgres -A trust \
		--no-instructions >"$dir/initdb.log" 2>&1 ||
		{ cat "$dir/initdb.log" >&2; return 1; }
	export PGHOST=$dir PGPORT=${ENGAGEMENT_PORT:-54329} PGUSER=postgres
	if [ -n "${SERVER_WRAPPER:-}" ]; then
		# e.g. valgrind: pg_ctl cannot start the server through a wrapper
		as_cluster_user sh -c "exec $SERVER_WRAPPER $PG_BIN/postgres -D '$dir/data' -k '$dir' \
			-p $PGPORT -c listen_addresses='' $* >'$dir/server.log' 2>&1 &"
		local i
		for i in $(seq 1 600); do
			"$PG_BIN/pg_isready" -q -h "$dir" -p "$PGPORT" && return 0
			sleep 1
		done
		cat "$dir/server.log" >&2
		return 1
	fi
	as_cluster_user "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
		-o "-k $dir -p $PGPORT -c listen_addresses='' $*" start >/dev/null ||
		{ cat "$dir/server.log" >&2; return 1; }
}

cluster_stop() {
	local dir=$1
	[ -f "$dir/data/postmaster.pid" ] &&
		as_cluster_user "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w -t 600 stop >/dev/null 2>&1
	return 0
}
