#!/usr/bin/env bash
# Catalog search benchmark: generates published resources with their data items into a fresh
# embedded PostgreSQL under target/bench-pg, times the full index build from scratch (the
# application restarted without an index), then runs 200 fixed Chinese queries with facets through
# CatalogSearch from concurrent clients, beside PostgreSQL ILIKE scans of the same queries in the
# same run.
#   bench/catalog/run.sh [resources=100000] [items=1500000] [clients=16] [rounds=3]
# Budget (2 cores): search p95 <= 30 ms on 100,000 resources / 1,500,000 data items.
# MVN_FLAGS=-o for an offline build; JAVA_OPTS="-Dbench.reuse=true" keeps the generated data of the previous run
# (the index is always rebuilt), e.g. to profile with JAVA_OPTS="... -XX:StartFlightRecording=filename=x.jfr".
set -euo pipefail
cd "$(dirname "$0")/../.."
RESOURCES="${1:-100000}"
ITEMS="${2:-1500000}"
CLIENTS="${3:-16}"
ROUNDS="${4:-3}"
mvn -q ${MVN_FLAGS:-} -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
exec java -Xmx2g ${JAVA_OPTS:-} -Duser.timezone=UTC \
    -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    org.govshare.catalog.bench.CatalogBenchmark "$RESOURCES" "$ITEMS" "$CLIENTS" "$ROUNDS"
