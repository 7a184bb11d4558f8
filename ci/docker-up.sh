#!/usr/bin/env bash
# Makes sure a Docker daemon answers on /var/run/docker.sock: installs Debian's docker.io when
# dockerd is missing and starts it without a bridge (all traffic on 127.0.0.1), as
# ../shared/spec/containers.md describes. A daemon that already answers is left alone.
set -euo pipefail

if docker version >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "ci/docker-up.sh: no Docker daemon answers and we are not root to start one" >&2
  exit 1
fi
if ! command -v dockerd >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker.io >/dev/null
fi
if pgrep -x dockerd >/dev/null 2>&1; then
  echo "ci/docker-up.sh: dockerd runs but does not answer; not starting a second one" >&2
  exit 1
fi
setsid dockerd --bridge=none --iptables=false --ip-masq=false >/tmp/dockerd.log 2>&1 < /dev/null &
for _ in $(seq 1 100); do
  if docker version >/dev/null 2>&1; then
    exit 0
  fi
  sleep 0.2
done
echo "ci/docker-up.sh: dockerd did not answer within 20 s; its log:" >&2
tail -20 /tmp/dockerd.log >&2
exit 1
