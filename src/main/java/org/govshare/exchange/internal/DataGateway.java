package org.govshare.exchange.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.govshare.audit.AuditOutcome;
import org.govshare.dataset.RecordCondition;
import org.govshare.dataset.RecordReads;
import org.govshare.exchange.DataServiceManagement;
import org.govshare.platform.Actor;
import org.govshare.platform.CurrentActor;
import org.govshare.platform.ProblemException;
import org.govshare.sharing.GrantState;
import org.govshare.sharing.GrantView;
import org.govshare.sharing.Purposes;
import org.govshare.sharing.SharingManagement;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every call goes the same way: who (a client application), why (a purpose), which resource, which
 * grant, valid input, quota, then the read, then a durable audit entry, then the answer. Refusals on
 * the way are audited with the reason and answered as problems marked audited.
 */
@Service
class DataGateway implements DataServiceManagement {

    static final int MAX_PURPOSE = Purposes.MAX_LENGTH;

    private final ServedResources resources;
    private final ServedGrants grants;
    private final SharingManagement sharing;
    private final UsageMeter meter;
    private final CallAudit audit;
    private final Masking masking;
    private final RecordReads records;
    private final FilterParser filters;
    private final Exports exports;
    private final JsonMapper json = JsonMapper.builder().build();
    private final CallTimers timers;

    DataGateway(ServedResources resources, ServedGrants grants, SharingManagement sharing, UsageMeter meter,
                CallAudit audit, Masking masking, RecordReads records, FilterParser filters, Exports exports,
                CallTimers timers) {
        this.timers = timers;
        this.resources = resources;
        this.grants = grants;
        this.sharing = sharing;
        this.meter = meter;
        this.audit = audit;
        this.masking = masking;
        this.records = records;
        this.filters = filters;
        this.exports = exports;
    }

    /** The state of one call as it goes: enough to audit and count it whatever happens. */
    final class Call {
        final String method;
        final Actor actor;
        final String purpose;
        ServedResource resource;
        GrantScope scope;
        String detail;
        final long started = System.nanoTime();

        Call(String method, String purpose) {
            this.method = method;
            this.actor = CurrentActor.require();
            this.purpose = purpose == null ? null : purpose.strip();
        }

        private CompletableFuture<Void> refusalAudited;

        /** Audits (the entry on its way) and counts a refusal, then gives it back to be thrown. */
        ProblemException refuse(ProblemException problem) {
            AuditOutcome outcome = problem.status() == HttpStatus.FORBIDDEN || problem.status() == HttpStatus.TOO_MANY_REQUESTS
                ? AuditOutcome.DENIED : AuditOutcome.FAILED;
            String what = "refused " + problem.status().value() + " " + problem.code()
                + (problem.field() == null ? "" : " (" + problem.field() + ")") + (detail == null ? "" : "; " + detail);
            refusalAudited = audit.recordLater(new CallAudit.Call(actor, method, resource, purpose, outcome, what, List.of()));
            timers.record(method, outcome, started);
            if (resource != null && actor.isClient()) {
                meter.refused(counts());
            }
            return problem.audited();
        }

        /** Audits the answer; the future completes once the entry is durable. */
        CompletableFuture<Void> done(String outcomeDetail, List<String> subjects) {
            CompletableFuture<Void> durable = audit.recordLater(new CallAudit.Call(actor, method, resource, purpose,
                AuditOutcome.SUCCESS, (detail == null ? "" : detail + "; ") + outcomeDetail, subjects));
            timers.record(method, AuditOutcome.SUCCESS, started);
            return durable;
        }

        /** For an export's chunks: audits and waits until the entry is durable. */
        void doneNow(String outcomeDetail, List<String> subjects) {
            audit.await(done(outcomeDetail, subjects));
        }

        /**
         * Runs the call: its answer, to be sent once its entry is durable; a refusal, to be sent once
         * the refusal's entry is (or audit-unavailable instead, if it cannot be written).
         */
        CompletableFuture<byte[]> answer(Supplier<CompletableFuture<byte[]>> work) {
            try {
                return work.get();
            } catch (ProblemException refusal) {
                if (refusalAudited == null) {
                    throw refusal;
                }
                return refusalAudited.thenApply(durable -> {
                    throw refusal;
                });
            }
        }

        /** For an export, which answers on its own thread: a refusal thrown once its entry is durable. */
        ProblemException refusedNow(ProblemException refusal) {
            if (refusalAudited != null) {
                audit.await(refusalAudited);
            }
            return refusal;
        }

        private UsageMeter.Bucket bucket;
        private UsageMeter.Counts counts;

        UsageMeter.Bucket bucket() {
            if (bucket == null) {
                String p = purpose == null || purpose.isEmpty() ? "-" : purpose;
                bucket = new UsageMeter.Bucket(meter.today(), resource.id(), actor.clientApplicationId(), p, method,
                    resource.providerId(), actor.organizationId());
            }
            return bucket;
        }

        UsageMeter.Counts counts() {
            if (counts == null) {
                counts = meter.counts(bucket());
            }
            return counts;
        }
    }

    /**
     * Caller, purpose, resource, grant, the purpose against the grant and input checks, in that order;
     * nothing is read before they pass.
     */
    private void open(Call call, String resourceCode) {
        if (!call.actor.isClient()) {
            throw call.refuse(new ProblemException(HttpStatus.FORBIDDEN, "client-application-only", null,
                "problem.client-application-only"));
        }
        if (call.purpose == null || call.purpose.isEmpty()) {
            throw call.refuse(new ProblemException(HttpStatus.BAD_REQUEST, "purpose-required", "X-Purpose",
                "problem.purpose-required"));
        }
        if (!Purposes.wellFormed(call.purpose)) {
            throw call.refuse(new ProblemException(HttpStatus.BAD_REQUEST, "purpose-invalid", "X-Purpose",
                "problem.purpose-invalid", MAX_PURPOSE));
        }
        try {
            call.scope = grantOf(call, resourceCode);
        } catch (ProblemException e) {
            throw call.refuse(e);
        }
        call.detail = "grant " + call.scope.grantNumber();
        if (!call.scope.permits(call.purpose)) {
            throw call.refuse(purposeNotGranted(call.scope.grant(), call.resource));
        }
    }

    /** Names the purposes the grant was approved for, and the application to amend for another. */
    private static ProblemException purposeNotGranted(GrantView g, ServedResource resource) {
        return new ProblemException(HttpStatus.FORBIDDEN, "purpose-not-granted", "X-Purpose",
            "problem.purpose-not-granted", g.number(), String.join("；", g.purposes()), String.join("; ", g.purposes()))
            .with("grantNumber", g.number()).with("grantedPurposes", g.purposes())
            .with("applicationId", g.applicationId())
            .with("applyAt", applyAt(resource));
    }

    /** The console page that starts an application for the resource (its form takes {@code resourceId}). */
    private static String applyAt(ServedResource resource) {
        return "/sharing/applications/new?resourceId=" + resource.id();
    }

    /**
     * For the service description: the calling client's grant on the resource, refused exactly as a
     * data call would be (client only, resource served, grant valid today) but neither audited nor
     * counted against the quota, since describing a service reads no record.
     */
    GrantScope describedScope(String resourceCode) {
        Call call = new Call("describe", null);
        if (!call.actor.isClient()) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "client-application-only", null,
                "problem.client-application-only");
        }
        return grantOf(call, resourceCode);
    }

    /** The served resource (set on the call) and the caller's grant on it valid today; unaudited refusals. */
    private GrantScope grantOf(Call call, String resourceCode) {
        call.resource = (resourceCode == null || resourceCode.length() > 100 ? Optional.<ServedResource>empty()
            : resources.byCode(resourceCode)).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND,
                "resource-not-served", "resourceCode", "problem.resource-not-served", String.valueOf(resourceCode)));
        Optional<GrantScope> scope = grants.active(call.actor.clientApplicationId(), call.resource);
        if (scope.isEmpty() || !scope.get().validOn(meter.today())) {
            throw noGrant(call);
        }
        return scope.get();
    }

    /** Says which: never granted, revoked, expired or not yet valid, and where to apply. */
    private ProblemException noGrant(Call call) {
        String apply = applyAt(call.resource);
        Optional<GrantView> latest = sharing.latestGrant(call.actor.clientApplicationId(), call.resource.id());
        if (latest.isEmpty()) {
            return new ProblemException(HttpStatus.FORBIDDEN, "no-grant", null, "problem.no-grant",
                call.resource.code()).with("resourceId", call.resource.id()).with("applyAt", apply);
        }
        GrantView g = latest.get();
        String code = g.state() == GrantState.REVOKED ? "grant-revoked"
            : g.state() == GrantState.PENDING ? "grant-not-yet-valid" : "grant-expired";
        String key = code.equals("grant-revoked") ? "problem.data-grant-revoked" : "problem." + code;
        return new ProblemException(HttpStatus.FORBIDDEN, code, null, key, g.number(),
            g.state() == GrantState.PENDING ? g.validFrom() : g.validUntil())
            .with("grantNumber", g.number()).with("applicationId", g.applicationId())
            .with("resourceId", call.resource.id()).with("applyAt", apply);
    }

    private void takeQuota(Call call) {
        int quota = call.scope.dailyQuota();
        if (!meter.answer(call.bucket(), call.counts(), quota)) {
            long seconds = java.time.Duration.between(java.time.ZonedDateTime.now(UsageMeter.ZONE),
                meter.today().plusDays(1).atStartOfDay(UsageMeter.ZONE)).toSeconds() + 1;
            throw call.refuse(new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "quota-exceeded", null,
                "problem.quota-exceeded", quota, call.scope.grantNumber())
                .with("dailyQuota", quota).with("retryAfterSeconds", seconds)
                .with("resetsAt", meter.today().plusDays(1).atStartOfDay(UsageMeter.ZONE).toOffsetDateTime().toString()));
        }
    }

    // --- lookup ---------------------------------------------------------------------------------

    @Override
    public CompletableFuture<byte[]> lookup(String resourceCode, String key, String purpose) {
        Call call = new Call("lookup", purpose);
        return call.answer(() -> lookup(call, resourceCode, key));
    }

    private CompletableFuture<byte[]> lookup(Call call, String resourceCode, String key) {
        open(call, resourceCode);
        String recordKey;
        try {
            recordKey = filters.key(call.resource, key);
        } catch (ProblemException e) {
            throw call.refuse(e);
        }
        takeQuota(call);
        Optional<RecordFields> found = records.json(call.resource.id(), recordKey)
            .map(text -> RecordFields.parse(json, text))
            .filter(call.scope::inScope);
        if (found.isEmpty()) {
            return call.done("0 records", List.of()).thenApply(durable -> {
                throw new ProblemException(HttpStatus.NOT_FOUND, "record-not-found", "key", "problem.record-not-found")
                    .audited();
            });
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(512);
        try (JsonGenerator out = json.createGenerator(body)) {
            out.writeStartObject();
            out.writeStringProperty("resource", call.resource.code());
            out.writeName("record");
            call.scope.write(out, found.get(), masking);
            out.writeEndObject();
        }
        return answered(call, call.done("1 record", List.of(recordKey)), 1, body);
    }

    /** The body, once the call's entry is durable, with the records counted against the quota then. */
    private CompletableFuture<byte[]> answered(Call call, CompletableFuture<Void> durable, long records,
                                               ByteArrayOutputStream body) {
        return durable.thenApply(done -> {
            meter.records(call.counts(), records);
            return body.toByteArray();
        });
    }

    // --- query ----------------------------------------------------------------------------------

    @Override
    public CompletableFuture<byte[]> query(String resourceCode, Filters given, String purpose) {
        Call call = new Call("query", purpose);
        return call.answer(() -> query(call, resourceCode, given));
    }

    private CompletableFuture<byte[]> query(Call call, String resourceCode, Filters given) {
        open(call, resourceCode);
        FilterParser.Parsed parsed;
        try {
            parsed = filters.parse(call.scope, given, true, call.actor.clientApplicationId());
        } catch (ProblemException e) {
            throw call.refuse(e);
        }
        call.detail = call.detail + "; " + parsed.describe(audit::subjectKey);
        takeQuota(call);
        List<RecordCondition> conditions = new ArrayList<>(call.scope.scopeConditions());
        conditions.addAll(parsed.conditions());
        List<String> keys = new ArrayList<>();
        List<RecordFields> page = new ArrayList<>();
        String[] last = {null};
        int fetched = records.page(call.resource.id(), conditions, parsed.afterKey(), parsed.size() + 1, (k, text) -> {
            if (keys.size() < parsed.size()) {
                RecordFields fields = RecordFields.parse(json, text);
                last[0] = k;
                if (call.scope.inScope(fields)) {
                    keys.add(k);
                    page.add(fields);
                }
            }
        });
        ByteArrayOutputStream body = new ByteArrayOutputStream(256 + page.size() * 256);
        try (JsonGenerator out = json.createGenerator(body)) {
            out.writeStartObject();
            out.writeStringProperty("resource", call.resource.code());
            out.writeNumberProperty("count", page.size());
            out.writeName("records");
            out.writeStartArray();
            for (RecordFields f : page) {
                call.scope.write(out, f, masking);
            }
            out.writeEndArray();
            out.writeStringProperty("nextCursor", fetched > parsed.size() && last[0] != null
                ? filters.cursor(call.actor.clientApplicationId(), call.resource.id(), last[0]) : null);
            out.writeEndObject();
        }
        return answered(call, call.done(page.size() + " records", keys), page.size(), body);
    }

    // --- verify ---------------------------------------------------------------------------------

    @Override
    public CompletableFuture<byte[]> verify(String resourceCode, Map<String, String> values, String purpose) {
        Call call = new Call("verify", purpose);
        return call.answer(() -> verify(call, resourceCode, values));
    }

    private CompletableFuture<byte[]> verify(Call call, String resourceCode, Map<String, String> values) {
        open(call, resourceCode);
        Verification v;
        try {
            v = Verification.of(call.scope, values, filters);
        } catch (ProblemException e) {
            throw call.refuse(e);
        }
        call.detail = call.detail + "; items " + String.join(",", v.items().keySet());
        takeQuota(call);
        Optional<RecordFields> found = records.json(call.resource.id(), v.recordKey())
            .map(text -> RecordFields.parse(json, text))
            .filter(call.scope::inScope);
        Map<String, Boolean> matches = new LinkedHashMap<>();
        v.items().forEach((item, value) -> matches.put(item, found.isPresent() && v.matches(item, found.get())));
        boolean all = found.isPresent() && matches.values().stream().allMatch(Boolean::booleanValue);
        ByteArrayOutputStream body = new ByteArrayOutputStream(256);
        try (JsonGenerator out = json.createGenerator(body)) {
            out.writeStartObject();
            out.writeStringProperty("resource", call.resource.code());
            out.writeBooleanProperty("found", found.isPresent());
            out.writeBooleanProperty("match", all);
            out.writeName("items");
            out.writeStartObject();
            matches.forEach((item, m) -> {
                out.writeBooleanProperty(item, m);
            });
            out.writeEndObject();
            out.writeEndObject();
        }
        return answered(call, call.done((found.isPresent() ? "found, " : "not found, ") + (all ? "match" : "no match"),
            found.isPresent() ? List.of(v.recordKey()) : List.of()), found.isPresent() ? 1 : 0, body);
    }

    // --- export ---------------------------------------------------------------------------------

    @Override
    public void export(String resourceCode, Filters given, ExportFormat format, String purpose, OutputStream out)
            throws IOException {
        Call call = new Call("export", purpose);
        FilterParser.Parsed parsed;
        try {
            open(call, resourceCode);
            try {
                parsed = filters.parse(call.scope, given, false, call.actor.clientApplicationId());
            } catch (ProblemException e) {
                throw call.refuse(e);
            }
            call.detail = call.detail + "; " + format.name().toLowerCase(java.util.Locale.ROOT) + "; "
                + parsed.describe(audit::subjectKey);
            if (!exports.tryStart()) {
                throw call.refuse(new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "export-busy", null,
                    "problem.export-busy", exports.limit(), Exports.RETRY_AFTER_SECONDS)
                    .with("retryAfterSeconds", Exports.RETRY_AFTER_SECONDS));
            }
        } catch (ProblemException refusal) {
            throw call.refusedNow(refusal);
        }
        try {
            takeQuota(call);
        } catch (ProblemException refusal) {
            exports.finished();
            throw call.refusedNow(refusal);
        }
        try {
            List<RecordCondition> conditions = new ArrayList<>(call.scope.scopeConditions());
            conditions.addAll(parsed.conditions());
            long count = exports.write(call, conditions, format, out);
            meter.records(call.counts(), count);
        } finally {
            exports.finished();
        }
    }

    // --- what the client may call ---------------------------------------------------------------

    @Override
    public List<ServiceEntry> allowedServices() {
        Actor actor = CurrentActor.require();
        if (!actor.isClient()) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "client-application-only", null,
                "problem.client-application-only");
        }
        List<ServiceEntry> out = new ArrayList<>();
        for (GrantView g : sharing.activeGrants(actor.clientApplicationId())) {
            resources.byCode(g.resourceCode()).ifPresent(r -> out.add(entry(actor, new GrantScope(g, r))));
        }
        return out;
    }

    ServiceEntry entry(Actor actor, GrantScope scope) {
        long used = actor.isClient() ? meter.usedToday(actor.clientApplicationId(), scope.resource().id()) : 0;
        return ServiceShape.entry(scope, used);
    }
}
