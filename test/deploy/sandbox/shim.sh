#!/bin/bash
# test/deploy sandbox shim: runs as root inside bubblewrap (own mount, network, pid, ipc and uts
# namespaces) with CAP_SYS_ADMIN and CAP_NET_ADMIN, makes the view one server of the cluster has,
# then drops those capabilities and runs the server's bootstrap ("$@").
# - writes never reach the real system: /etc /usr /var /opt are overlays whose upper layers are
#   in the control dir (read back by the test afterwards); /root /home /srv /mnt /tmp and
#   /usr/local are fresh directories there, /run a tmpfs;
# - it looks like Ubuntu 22.04: the jammy os-release, lsb-release and debian_version replace
#   Debian's, so Ansible's facts say Ubuntu 22.04 jammy; /run/systemd/system makes the service
#   manager fact `systemd`, as on the image;
# - the network namespace holds one interface carrying this server's address and a default
#   route, so ansible_default_ipv4 is the server's address; nothing leaves the namespace;
# - the system-changing Ansible modules are replaced by the recording stubs in the overlay (so
#   `ansible.builtin.apt` cannot escape to the real module), and the stub binaries
#   (apt-get, curl, ansible-galaxy) come first on PATH in /usr/local/sbin.
set -euo pipefail
C=/run/clusterc-sandbox
# shellcheck source=/dev/null
. "$C/server.env"

for d in etc usr var opt; do
  mount -t overlay overlay -o "lowerdir=/$d,upperdir=$C/upper/$d,workdir=$C/work/$d" "/$d"
done
for d in root home srv mnt tmp usr/local; do
  mount --bind "$C/fresh/$d" "/$d"
done
mkdir -p /run/systemd/system /run/lock

# Ubuntu 22.04 identity (/etc/os-release is a symlink to /usr/lib/os-release on both systems).
rm -f /etc/os-release
cp "$C/sandbox/jammy/os-release" /usr/lib/os-release
ln -s ../usr/lib/os-release /etc/os-release
cp "$C/sandbox/jammy/lsb-release" /etc/lsb-release
cp "$C/sandbox/jammy/debian_version" /etc/debian_version
mkdir -p /etc/dhcp
cp "$C/sandbox/jammy/dhclient.conf" /etc/dhcp/dhclient.conf
echo "$CLUSTERC_HOSTNAME" > /etc/hostname
printf '127.0.0.1 localhost\n%s %s\n::1 ip6-localhost ip6-loopback\n' "$CLUSTERC_ADDR" "$CLUSTERC_HOSTNAME" > /etc/hosts
# systemd-resolved's stub address, as on the image; nothing listens, so lookups fail at once
printf 'nameserver 127.0.0.53\noptions edns0 trust-ad\n' > /etc/resolv.conf

# The recording stubs: Ansible modules (replacing the real files, see README) and binaries.
cp "$C/stubs/module_utils/clusterc_stub.py" /usr/lib/python3/dist-packages/ansible/module_utils/clusterc_stub.py
while read -r target; do
  [ -n "$target" ] || continue
  cp "$C/stubs/library/$(basename "$target")" "$target"
done < "$C/stubs/replace.list"
mkdir -p /usr/local/sbin
cp "$C"/sandbox/bin/* /usr/local/sbin/
chmod 755 /usr/local/sbin/*

# The server's network: one interface (a bridge without ports: no kernel module needed, no
# traffic leaves), the server's address, a default route through the subnet's gateway.
ip link set lo up
ip link add ens3 type bridge
ip addr add "$CLUSTERC_ADDR/$CLUSTERC_PREFIX" dev ens3
ip link set ens3 up
ip route add default via "$CLUSTERC_GATEWAY" dev ens3 onlink
mount -t sysfs sysfs /sys

cd /
# Root without the capabilities that reach beyond the sandbox (mounts, kernel modules, network
# configuration, clock, raw devices).
exec setpriv --inh-caps=-all \
  --bounding-set=-all,+chown,+dac_override,+dac_read_search,+fowner,+fsetid,+kill,+setgid,+setuid,+setpcap,+net_bind_service,+audit_write,+sys_chroot,+setfcap \
  -- env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
  CLUSTERC_STUB_RECORDS="$C/records" CLUSTERC_STUB_STATE="$C/state" CLUSTERC_STUB_SPECS="$C/stubs/specs.json" \
  CLUSTERC_ROLES_DIR="$C/roles" ANSIBLE_LIBRARY="$C/stubs/library" ANSIBLE_FORCE_COLOR=0 ANSIBLE_PIPELINING=True \
  "$@"
