#!/usr/bin/env bash
# File import benchmark: generates a population-like CSV (12 items: resident identity numbers with
# check digits, dates, code-list values, credit codes, decimals) and, on a fresh embedded
# PostgreSQL under target/bench-ingest, COPYs it into an equivalent typed table (the baseline) and
# imports it through the real pipeline with full validation under -Xmx512m, in the same run; then
# applies an incremental file of changed rows.
#   bench/ingest/run.sh [rows=1000000] [changed=100000]
# Budget (2 cores): 1,000,000 rows in <= 2x the time of COPY of the same file; heap bounded (-Xmx512m).
# MVN_FLAGS=-o for an offline build.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS="${1:-1000000}"
CHANGED="${2:-100000}"
mvn -q ${MVN_FLAGS:-} -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
exec java -Xmx512m -Duser.timezone=UTC \
    -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    org.govshare.dataset.bench.IngestBenchmark "$ROWS" "$CHANGED"
