#!/usr/bin/env bash
# Installs what the build and the testbed need on a fresh Debian machine, and nothing that is
# already there: a JDK 17, Maven, Go (an older Go fetches the toolchain Kubernetes asks for
# from the Go module proxy), and the process tools the harness uses.
set -euo pipefail

missing=()
command -v javac >/dev/null || missing+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null || missing+=(maven)
command -v go >/dev/null || missing+=(golang-go)
command -v setsid >/dev/null || missing+=(util-linux)
command -v pgrep >/dev/null || missing+=(procps)
command -v curl >/dev/null || missing+=(curl)
command -v git >/dev/null || missing+=(git)
# A real DNS server for the disaster-recovery trigger's tests (named, started by the test on
# 127.0.0.1), and nsupdate to change its records.
command -v named >/dev/null || [ -x /usr/sbin/named ] || missing+=(bind9)
command -v nsupdate >/dev/null || missing+=(bind9-dnsutils)

if [ ${#missing[@]} -gt 0 ]; then
  echo "[prerequisites] installing: ${missing[*]}" >&2
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  # No package may start a service (bind9 would listen on every address): the tests start what
  # they need, on 127.0.0.1 only.
  guard=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo_cmd tee /usr/sbin/policy-rc.d >/dev/null
    $sudo_cmd chmod +x /usr/sbin/policy-rc.d
    guard=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >&2
  if [ -n "$guard" ]; then
    $sudo_cmd rm -f /usr/sbin/policy-rc.d
  fi
fi

java_major=$(javac -version 2>&1 | sed -E 's/^javac ([0-9]+).*/\1/')
if [ "$java_major" -lt 17 ]; then
  echo "[prerequisites] javac $java_major found; Java 17 or newer is required" >&2
  exit 1
fi
