#!/usr/bin/env bash
# Debian's Chromium for browser tests (never a browser download) and a running local PostgreSQL
# (127.0.0.1:5432, trust auth, database `test`) and Redis (127.0.0.1:6379): installed when missing, started
# when down.
set -euo pipefail
sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
apt_install() {
  $sudo_cmd apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "$@" >/dev/null
}
if [ ! -x /usr/bin/chromium ]; then
  echo "installing Debian's chromium for browser tests"
  apt_install chromium
fi
if ! command -v pg_isready >/dev/null && ! ls /usr/lib/postgresql/*/bin/pg_isready >/dev/null 2>&1; then
  echo "installing PostgreSQL for the data-layer tests"
  apt_install postgresql
fi
pg_ready() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null || /usr/lib/postgresql/*/bin/pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; }
if ! pg_ready; then
  echo "starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
  for _ in $(seq 1 30); do pg_ready && break; sleep 1; done
fi
if ! pg_ready; then
  echo "PostgreSQL is not accepting connections at 127.0.0.1:5432; the data-layer tests need it" >&2
  exit 1
fi
# Tests connect as postgres to database `test` (trust auth); create it when a fresh cluster lacks it.
if ! psql "postgres://postgres@127.0.0.1:5432/test" -Atc 'select 1' >/dev/null 2>&1; then
  psql "postgres://postgres@127.0.0.1:5432/postgres" -qc 'create database test' >/dev/null 2>&1 || true
fi
# Redis for the REDIS_URL tests (test/redis: 127.0.0.1:6379, no persistence): installed when missing, started when down.
redis_ready() { (exec 3<>/dev/tcp/127.0.0.1/6379 && printf 'PING\r\n' >&3 && head -c 5 <&3 | grep -q PONG) 2>/dev/null; }
if ! redis_ready; then
  if ! command -v redis-server >/dev/null; then
    echo "installing Redis for the multi-instance tests"
    apt_install redis-server
  fi
  echo "starting Redis"
  mkdir -p /tmp/flowdesk-redis
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no --dir /tmp/flowdesk-redis \
    --logfile /tmp/flowdesk-redis/redis.log || true
  for _ in $(seq 1 30); do redis_ready && break; sleep 1; done
fi
if ! redis_ready; then
  echo "Redis is not accepting connections at 127.0.0.1:6379; the test/redis tests need it" >&2
  exit 1
fi
