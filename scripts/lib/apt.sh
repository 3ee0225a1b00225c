# Shared by the install scripts: installing Debian packages when this machine lets us (root with
# apt-get, as a fresh machine and CI are). Source it; it defines functions only.

# Whether packages can be installed here.
can_apt() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; }

# apt_install WHO [APT-GET OPTIONS] PACKAGE...: refresh the lists and install, quietly.
apt_install() {
  local who=$1; shift
  echo "$who: installing $*"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
