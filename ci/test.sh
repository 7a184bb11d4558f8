#!/usr/bin/env bash
# The project's test command: prepares a fresh machine of our kind (Debian 12, Java 17, Maven),
# starting a Docker daemon for the container tests when none answers, then runs `mvn verify`.
set -euo pipefail
cd "$(dirname "$0")/.."

bash ci/docker-up.sh

export TESTCONTAINERS_RYUK_DISABLED=true
export TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1
export DOCKER_HOST=unix:///var/run/docker.sock

exec mvn -B -ntp verify "$@"
