#!/usr/bin/env bash
# Audit log benchmark: durable chained appends through AuditLog.append (32 callers, each waiting
# for its receipt) and chain verification, beside a plain PostgreSQL COPY of the same number of
# equivalent rows in the same run. Fresh embedded PostgreSQL under target/bench-pg.
#   bench/audit/run.sh [entries=1000000] [callers=32]
# Budgets (2 cores): >= 20,000 appends/s, >= 150,000 verified entries/s.
# MVN_FLAGS=-o for an offline build.
set -euo pipefail
cd "$(dirname "$0")/../.."
ENTRIES="${1:-1000000}"
CALLERS="${2:-32}"
mvn -q ${MVN_FLAGS:-} -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
exec java -Xmx2g -Duser.timezone=UTC \
    -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    org.govshare.audit.bench.AuditBenchmark "$ENTRIES" "$CALLERS"
