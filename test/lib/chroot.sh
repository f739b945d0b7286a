# Debian chroots for the PostgreSQL versions this machine's Debian does not
# package.  Sourced by test/run.sh (after cluster.sh); it defines functions
# and sets nothing else.
#
# Each chroot is a minimal Debian of the suite that packages that version,
# made once with debootstrap and cached outside any checkout in
# ENGAGEMENT_CHROOTS (default /var/cache/engagement/chroots/pgNN).  The suite
# inside it is an ordinary fresh Debian machine: test/run.sh runs there as it
# runs here and installs what it needs itself.  Mounts (proc, a few devices,
# /dev/shm) are made in a private mount namespace (unshare), so they vanish
# with the command and a cached chroot never holds a mount of the host.

DEBIAN_MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

# chroot_suite VERSION: the Debian suite that packages PostgreSQL VERSION
# (19 is a release candidate, in experimental on top of sid)
chroot_suite() {
	case $1 in
		15) echo bookworm ;;
		17) echo trixie ;;
		18) echo sid ;;
		19) echo experimental ;;
		*) return 1 ;;
	esac
}

chroot_dir() {
	echo "${ENGAGEMENT_CHROOTS:-/var/cache/engagement/chroots}/pg$1"
}

# ensure_chroot VERSION: the cached chroot for VERSION, made if missing.
# Made in DIR.partial and renamed when complete, so an interrupted run
# leaves nothing that looks usable.
ensure_chroot() {
	local version=$1 suite base dir
	suite=$(chroot_suite "$version") || { log "no Debian suite packages PostgreSQL $version"; return 1; }
	dir=$(chroot_dir "$version")
	[ -f "$dir/.engagement-chroot" ] && return 0
	if [ "$(id -u)" -ne 0 ]; then
		log "making a chroot for PostgreSQL $version needs root"
		return 1
	fi
	ensure_packages debootstrap || return 1
	base=$suite
	[ "$suite" = experimental ] && base=sid
	chroot_unmount_stale "$dir.partial"
	rm -rf --one-file-system "$dir.partial"
	mkdir -p "$dir.partial"
	log "making a Debian $suite chroot for PostgreSQL $version in $dir (a few minutes, once)"
	debootstrap --variant=minbase "$base" "$dir.partial" "$DEBIAN_MIRROR" \
		>"$dir.partial.log" 2>&1 ||
		{ tail -20 "$dir.partial.log" >&2; return 1; }
	{
		echo "deb $DEBIAN_MIRROR $base main"
		[ "$suite" = experimental ] && echo "deb $DEBIAN_MIRROR experimental main"
	} >"$dir.partial/etc/apt/sources.list"
	# sid's and experimental's Release files on the mirror may be past
	# their Valid-Until date; their signatures are still checked
	echo 'Acquire::Check-Valid-Until "false";' >"$dir.partial/etc/apt/apt.conf.d/99engagement"
	# from experimental only this PostgreSQL and its libpq, the rest from sid
	if [ "$suite" = experimental ]; then
		printf 'Package: postgresql-%s postgresql-client-%s postgresql-server-dev-%s libpq5 libpq-dev\nPin: release a=experimental\nPin-Priority: 500\n' \
			"$version" "$version" "$version" >"$dir.partial/etc/apt/preferences.d/engagement"
	fi
	# no service starts inside the chroot when a package is installed
	printf '#!/bin/sh\nexit 101\n' >"$dir.partial/usr/sbin/policy-rc.d"
	chmod 755 "$dir.partial/usr/sbin/policy-rc.d"
	echo "$suite" >"$dir.partial/.engagement-chroot"
	rm -f "$dir.partial.log"
	mv "$dir.partial" "$dir"
}

# chroot_unmount_stale DIR: unmount anything still mounted below DIR (a
# chroot made before mounts were private), deepest first, before removing it
chroot_unmount_stale() {
	local dir=$1 m
	[ -d "$dir" ] || return 0
	for m in $(awk -v d="$(readlink -f "$dir")" 'index($2, d "/") == 1 { print $2 }' /proc/mounts | sort -r); do
		umount -l "$m"
	done
}

# in_chroot VERSION COMMAND...: COMMAND as root in the chroot of VERSION,
# with proc, /dev/shm and the usual character devices mounted privately
in_chroot() {
	local dir
	dir=$(chroot_dir "$1")
	shift
	cp /etc/resolv.conf "$dir/etc/resolv.conf" 2>/dev/null || true
	unshare --mount --propagation private -- sh -ec '
		dir=$1; shift
		mount -t proc proc "$dir/proc"
		mkdir -p "$dir/dev/shm" "$dir/dev/pts"
		mount -t tmpfs -o mode=1777 shm "$dir/dev/shm"
		mount -t devpts -o newinstance,ptmxmode=0666 devpts "$dir/dev/pts"
		[ -e "$dir/dev/ptmx" ] || ln -s pts/ptmx "$dir/dev/ptmx"
		for n in null zero full random urandom tty; do
			[ -e "$dir/dev/$n" ] || touch "$dir/dev/$n"
			mount --bind "/dev/$n" "$dir/dev/$n"
		done
		exec chroot "$dir" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
			LANG=C.UTF-8 TERM=dumb CI="${CI:-}" "$@"
	' sh "$dir" "$@"
}
