package org.govshare.exchange.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.govshare.catalog.DataType;
import org.govshare.dataset.ItemKind;
import org.govshare.sharing.MaskType;

/**
 * Builds the OpenAPI 3 description of one resource's data service from a {@link ServiceShape}:
 * paths, parameters, the record schema and examples follow the shape (and so the grant), the
 * problems follow the gateway's codes. Pure: the same shape always gives the same document.
 */
final class OpenApiDocument {

    static final String OPENAPI_VERSION = "3.0.3";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String PURPOSE_EXAMPLE = "社保登记业务核验";
    private static final String KEY_HEADER = "X-Api-Key";
    private static final String PURPOSE_HEADER = "X-Purpose";
    private static final String REF = "#/components/";
    /** Stands for an item outside the view in problem examples: a description never names one. */
    private static final String OTHER_ITEM = "other_item";

    /** Turns a problem code, its message key and arguments into the detail text in the caller's language. */
    interface Details {
        String detail(String messageKey, Object... args);

        String title(int status);
    }

    private final ServiceShape shape;
    private final Masking masking;
    private final Details details;
    private final String base;
    private final String code;

    OpenApiDocument(ServiceShape shape, Masking masking, Details details) {
        this.shape = shape;
        this.masking = masking;
        this.details = details;
        this.code = shape.resource().code();
        this.base = "/api/v1/data/" + code;
    }

    OpenAPI build() {
        OpenAPI api = new OpenAPI().openapi(OPENAPI_VERSION).info(info()).components(components())
            .addSecurityItem(new SecurityRequirement().addList("apiKey"));
        Paths paths = new Paths();
        List<String> methods = shape.methods();
        ServedResource.Item key = shape.resource().keyItems().size() == 1 ? shape.resource().keyItems().get(0) : null;
        if (methods.contains("lookup")) {
            paths.addPathItem(base + "/records/{key}", new PathItem().get(lookup(key)));
        }
        paths.addPathItem(base + "/records", new PathItem().get(query()));
        if (methods.contains("verify")) {
            paths.addPathItem(base + "/verifications", new PathItem().post(verify()));
        }
        paths.addPathItem(base + "/export", new PathItem().get(export()));
        return api.paths(paths);
    }

    private Info info() {
        ServedResource r = shape.resource();
        String view = shape.forClient()
            ? "For this client application under grant " + shape.grantNumber() + ": granted items only, masked as granted; "
                + "daily quota " + shape.dailyQuota() + " calls, valid until " + shape.validUntil() + "; "
                + PURPOSE_HEADER + " must name one of the approved purposes: " + String.join("; ", shape.purposes()) + "."
            : "General description for people: every shareable item, masked by its sensitivity's default. A client "
                + "application gets exactly its grant's items, masks and purposes: ask " + base + "/openapi.json with its key.";
        return new Info().title(r.name() + " 数据服务 (" + code + ")").version("v1 / resource version " + r.version())
            .description("Data service of the information resource " + r.name() + " (" + code + "). " + view
                + " Every call needs the client application's key in " + KEY_HEADER + " and its purpose in "
                + PURPOSE_HEADER + " (ASCII, or UTF-8 percent-encoded), takes one call from the grant's daily quota and "
                + "is audited. Errors are " + PROBLEM_JSON + " with a stable `code` and the offending `field`.");
    }

    // --- components -----------------------------------------------------------------------------

    /**
     * For a client, the purposes its grant approved as an enum (compared after NFKC and with white
     * space runs made one space); in the general view, any purpose of the right length.
     */
    private io.swagger.v3.oas.models.parameters.Parameter purposeParameter() {
        StringSchema schema = new StringSchema();
        schema.setMaxLength(DataGateway.MAX_PURPOSE);
        String text = "Why the data is needed (用途), at most " + DataGateway.MAX_PURPOSE
            + " characters; ASCII, or UTF-8 percent-encoded. ";
        if (shape.forClient()) {
            schema.setEnum(shape.purposes());
            text += "One of the purposes grant " + shape.grantNumber() + " was approved for.";
        } else {
            text += "One of the purposes the client's grant was approved for.";
        }
        String example = shape.purposes().isEmpty() ? PURPOSE_EXAMPLE : shape.purposes().get(0);
        return new HeaderParameter().name(PURPOSE_HEADER).required(true).description(text).schema(schema)
            .example(example);
    }

    private Components components() {
        Components c = new Components()
            .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name(KEY_HEADER).description("The client application's API key (应用系统密钥)"))
            .addParameters("Purpose", purposeParameter())
            .addSchemas("Record", recordSchema())
            .addSchemas("Problem", problemSchema());
        c.addSchemas("LookupResponse", new ObjectSchema()
            .addProperty("resource", new StringSchema().example(code))
            .addProperty("record", ref("Record"))
            .required(List.of("resource", "record")));
        c.addSchemas("QueryResponse", new ObjectSchema()
            .addProperty("resource", new StringSchema().example(code))
            .addProperty("count", new IntegerSchema().minimum(java.math.BigDecimal.ZERO))
            .addProperty("records", new ArraySchema().items(ref("Record")))
            .addProperty("nextCursor", new StringSchema().nullable(true)
                .description("Opaque; pass as `cursor` for the next page; null on the last page"))
            .required(List.of("resource", "count", "records", "nextCursor")));
        if (shape.methods().contains("verify")) {
            c.addSchemas("VerificationRequest", verificationRequest());
            ObjectSchema matches = new ObjectSchema();
            matches.setDescription("Per submitted item: whether it matches the stored value (never the value)");
            matches.setAdditionalProperties(new BooleanSchema());
            c.addSchemas("VerificationResponse", new ObjectSchema()
                .addProperty("resource", new StringSchema().example(code))
                .addProperty("found", new BooleanSchema().description("Whether a record with the key lies in the grant's scope"))
                .addProperty("match", new BooleanSchema().description("Found and every submitted item matches"))
                .addProperty("items", matches)
                .required(List.of("resource", "found", "match", "items")));
        }
        return c;
    }

    /** The record: each item with its JSON type, or a string described by its mask when masked. */
    private Schema<?> recordSchema() {
        ObjectSchema record = new ObjectSchema();
        record.setDescription("A record of " + shape.resource().name() + ": " + (shape.forClient()
            ? "the items granted to this client application" : "every shareable item")
            + ", each through its mask. An item without a value is left out.");
        record.setAdditionalProperties(false);
        for (ServiceShape.Shown s : shape.items()) {
            record.addProperty(s.item().codeName(), itemSchema(s));
        }
        record.setExample(ExampleValues.record(shape, masking));
        return record;
    }

    Schema<?> itemSchema(ServiceShape.Shown s) {
        ServedResource.Item item = s.item();
        Schema<?> schema;
        if (s.masked()) {
            schema = new StringSchema();
            if (s.mask().type() == MaskType.NULLIFY || s.mask().type() == MaskType.DATE_YEAR_ONLY) {
                schema.setNullable(true);
            }
            if (s.mask().type() == MaskType.HASH) {
                schema.setPattern("^[0-9a-f]{64}$");
            } else if (s.mask().type() == MaskType.DATE_YEAR_ONLY) {
                schema.setPattern("^[0-9]{4}$");
            }
            schema.addExtension("x-mask", s.maskText());
        } else {
            schema = typed(item);
        }
        schema.setTitle(item.name());
        schema.setDescription(description(s));
        schema.setExample(ExampleValues.shown(s, masking));
        return schema;
    }

    static Schema<?> typed(ServedResource.Item item) {
        switch (item.dataType()) {
            case INTEGER:
                return new IntegerSchema().format("int64");
            case DECIMAL:
                return new NumberSchema();
            case DATE:
                return new StringSchema().format("date");
            case DATETIME:
                return new StringSchema().format("date-time");
            case BOOLEAN:
                return new BooleanSchema();
            case BINARY:
                return new StringSchema().format("byte");
            default:
                StringSchema s = new StringSchema();
                if (item.kind() == ItemKind.RESIDENT_ID) {
                    s.setPattern("^[0-9]{17}[0-9X]$");
                } else if (item.kind() == ItemKind.CREDIT_CODE) {
                    s.setPattern("^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$");
                }
                return s;
        }
    }

    private static String description(ServiceShape.Shown s) {
        ServedResource.Item item = s.item();
        StringBuilder d = new StringBuilder(item.name());
        if (item.description() != null && !item.description().isBlank()) {
            d.append(": ").append(item.description().strip());
        }
        d.append(" (").append(item.dataType().name());
        if (item.kind() != ItemKind.PLAIN) {
            d.append(", ").append(item.kind().name());
        }
        if (item.key()) {
            d.append(", key item");
        }
        d.append(")");
        if (s.masked()) {
            d.append(". masked: ").append(s.maskText()).append(" (shown as a string; cannot be filtered on)");
        }
        if (!s.filters().isEmpty()) {
            d.append(". Filters: ").append(String.join(", ", s.filters()));
        }
        return d.toString();
    }

    private Schema<?> verificationRequest() {
        ObjectSchema values = new ObjectSchema();
        values.setDescription("Item code name to the value to check; every key item is required");
        values.setAdditionalProperties(false);
        Map<String, Object> example = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>();
        for (ServiceShape.Shown s : shape.items()) {
            ServedResource.Item item = s.item();
            values.addProperty(item.codeName(), new StringSchema().title(item.name())
                .description(item.name() + " (" + item.dataType().name() + (item.key() ? ", key item, required" : "") + ")"));
            if (item.key()) {
                keys.add(item.codeName());
                example.put(item.codeName(), ExampleValues.raw(item));
            }
        }
        values.setRequired(keys);
        shape.items().stream().filter(s -> !s.item().key()).findFirst()
            .ifPresent(s -> example.put(s.item().codeName(), ExampleValues.raw(s.item())));
        ObjectSchema request = new ObjectSchema();
        request.addProperty("values", values);
        request.setRequired(List.of("values"));
        request.setExample(Map.of("values", example));
        return request;
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
            .description("RFC 9457 problem details; `detail` in the language of Accept-Language")
            .addProperty("type", new StringSchema().format("uri"))
            .addProperty("title", new StringSchema())
            .addProperty("status", new IntegerSchema())
            .addProperty("detail", new StringSchema())
            .addProperty("instance", new StringSchema())
            .addProperty("code", new StringSchema().description("Stable code of the rule, e.g. purpose-required"))
            .addProperty("field", new StringSchema().description("The offending header, parameter or item"))
            .addProperty("requestId", new StringSchema())
            .addProperty("grantNumber", new StringSchema())
            .addProperty("applicationId", new StringSchema().format("uuid"))
            .addProperty("resourceId", new StringSchema().format("uuid"))
            .addProperty("applyAt", new StringSchema().description("Where to apply for a grant"))
            .addProperty("dailyQuota", new IntegerSchema())
            .addProperty("retryAfterSeconds", new IntegerSchema())
            .addProperty("resetsAt", new StringSchema().format("date-time"));
    }

    private static Schema<?> ref(String name) {
        return new Schema<>().$ref(REF + "schemas/" + name);
    }

    // --- operations -----------------------------------------------------------------------------

    private Operation operation(String id, String summary) {
        return new Operation().operationId(id).summary(summary).addTagsItem("数据服务 " + code)
            .addParametersItem(new Parameter().$ref(REF + "parameters/Purpose"));
    }

    private Operation lookup(ServedResource.Item key) {
        Schema<?> keySchema = typed(key);
        Operation op = operation("lookup", "One record by its key " + key.codeName() + " (" + key.name() + ")")
            .description("The record whose key item " + key.codeName() + " has the value, inside the grant's row scope; "
                + "404 record-not-found also for a record outside it.")
            .addParametersItem(new PathParameter().name("key").required(true).schema(keySchema)
                .description(key.name() + " (" + key.codeName() + ")" + (key.kind() == ItemKind.PLAIN ? ""
                    : ", checked against its " + key.kind().name() + " check digit"))
                .example(ExampleValues.raw(key)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("resource", code);
        body.put("record", ExampleValues.record(shape, masking));
        List<Problem> bad = new ArrayList<>(valueProblems("key", key));
        return op.responses(responses(new ApiResponse().description("The record, granted items only, masked")
                .content(json("LookupResponse", body)), bad, List.of(),
            List.of(problem("record-not-found", 404, "key", "problem.record-not-found"))));
    }

    private Operation query() {
        Operation op = operation("query", "Records matching the filters, inside the grant's row scope, in pages")
            .description("Filters combine with AND, only on items that can be filtered on (granted and unmasked): "
                + "`item=v` equals, `item.in=a,b` one of (at most " + FilterParser.MAX_VALUES + "), `item.prefix=p` "
                + "starts with, `item.from=x` / `item.to=y` inclusive range. Records come in key order; follow "
                + "`nextCursor` for the next page.");
        filterParameters().forEach(op::addParametersItem);
        op.addParametersItem(new QueryParameter().name("size").required(false)
            .description("Records per page, 1-" + FilterParser.MAX_SIZE + ", default " + FilterParser.DEFAULT_SIZE)
            .schema(new IntegerSchema().minimum(java.math.BigDecimal.ONE)
                .maximum(java.math.BigDecimal.valueOf(FilterParser.MAX_SIZE))._default(FilterParser.DEFAULT_SIZE)));
        op.addParametersItem(new QueryParameter().name("cursor").required(false)
            .description("`nextCursor` of the previous page").schema(new StringSchema()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("resource", code);
        body.put("count", 1);
        body.put("records", List.of(ExampleValues.record(shape, masking)));
        body.put("nextCursor", null);
        List<Problem> bad = new ArrayList<>(filterProblems());
        bad.add(problem("page-size-invalid", 400, "size", "problem.page-size-invalid", FilterParser.MAX_SIZE));
        bad.add(problem("cursor-invalid", 400, "cursor", "problem.cursor-invalid"));
        return op.responses(responses(new ApiResponse().description("A page of records")
            .content(json("QueryResponse", body)), bad, forbiddenFilters(), List.of()));
    }

    private Operation verify() {
        Operation op = operation("verify", "Verify submitted values against the record with the submitted key (核验)")
            .description("Match / no match per submitted item, never a stored value. Every key item is required; "
                + "any item of the description may be checked, masked ones included.")
            .requestBody(new RequestBody().required(true).content(new Content().addMediaType("application/json",
                new MediaType().schema(ref("VerificationRequest")))));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("resource", code);
        body.put("found", true);
        body.put("match", true);
        Map<String, Object> items = new LinkedHashMap<>();
        shape.items().stream().filter(s -> s.item().key()).forEach(s -> items.put(s.item().codeName(), true));
        shape.items().stream().filter(s -> !s.item().key()).findFirst().ifPresent(s -> items.put(s.item().codeName(), true));
        body.put("items", items);
        ServedResource.Item firstKey = shape.resource().keyItems().get(0);
        List<Problem> bad = new ArrayList<>();
        bad.add(problem("verify-values-required", 400, "values", "problem.verify-values-required"));
        bad.add(problem("verify-key-required", 400, "values." + firstKey.codeName(), "problem.verify-key-required",
            firstKey.codeName()));
        bad.add(problem("filter-item-unknown", 400, "values.nope", "problem.filter-item-unknown", "nope"));
        bad.add(problem("filter-too-many-values", 400, "values", "problem.filter-too-many-values", Verification.MAX_ITEMS));
        bad.addAll(valueProblems("values." + firstKey.codeName(), firstKey));
        return op.responses(responses(new ApiResponse().description("Match per item")
                .content(json("VerificationResponse", body)), bad,
            List.of(problem("filter-item-not-granted", 403, "values." + OTHER_ITEM, "problem.filter-item-not-granted", OTHER_ITEM)),
            List.of()));
    }

    private Operation export() {
        Operation op = operation("export", "The whole granted scope (or its filtered part) as CSV or JSON Lines")
            .description("Streamed; one call from the quota however many records. Same filters as the query, no paging. "
                + "CSV starts with a UTF-8 byte order mark and a header row of item code names.")
            .addParametersItem(new QueryParameter().name("format").required(false)
                .description("csv (default) or jsonl")
                .schema(new StringSchema()._enum(List.of("csv", "jsonl"))._default("csv")).example("csv"));
        filterParameters().forEach(op::addParametersItem);
        Map<String, Object> record = ExampleValues.record(shape, masking);
        StringBuilder csv = new StringBuilder(String.join(",", record.keySet())).append('\n');
        csv.append(String.join(",", record.values().stream().map(v -> v == null ? "" : csvField(v.toString())).toList()))
            .append('\n');
        Content content = new Content()
            .addMediaType("text/csv", new MediaType().schema(new StringSchema()).example(csv.toString()))
            .addMediaType("application/x-ndjson", new MediaType()
                .schema(new StringSchema().description("One Record JSON object per line")).example(record));
        List<Problem> bad = new ArrayList<>(filterProblems());
        bad.add(problem("export-format-unknown", 400, "format", "problem.export-format-unknown", "xml"));
        return op.responses(responses(new ApiResponse().description("The records, streamed").content(content), bad,
            forbiddenFilters(), List.of()));
    }

    private static String csvField(String v) {
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    /** One query parameter per filterable item and operation. */
    List<Parameter> filterParameters() {
        List<Parameter> out = new ArrayList<>();
        for (ServiceShape.Shown s : shape.items()) {
            ServedResource.Item item = s.item();
            Object example = ExampleValues.raw(item);
            for (String name : s.filters()) {
                String op = name.equals(item.codeName()) ? "eq" : name.substring(name.lastIndexOf('.') + 1);
                String what = switch (op) {
                    case "eq" -> "equals";
                    case "in" -> "one of the comma-separated values";
                    case "prefix" -> "starts with";
                    case "from" -> "at least (inclusive)";
                    default -> "at most (inclusive)";
                };
                Schema<?> schema = op.equals("eq") || op.equals("from") || op.equals("to") ? typed(item) : new StringSchema();
                Object ex = op.equals("prefix") && example.toString().length() > 4
                    ? example.toString().substring(0, 4) : example;
                out.add(new QueryParameter().name(name).required(false).schema(schema)
                    .description(item.name() + " (" + item.codeName() + ") " + what).example(ex));
            }
        }
        return out;
    }

    // --- problems -------------------------------------------------------------------------------

    /** One refusal as the gateway answers it. */
    record Problem(String code, int status, String field, String messageKey, Object[] args) {
    }

    private Problem problem(String code, int status, String field, String key, Object... args) {
        return new Problem(code, status, field, key, args);
    }

    private List<Problem> valueProblems(String field, ServedResource.Item item) {
        List<Problem> out = new ArrayList<>();
        out.add(problem("value-required", 400, field, "problem.value-required", item.codeName()));
        out.add(problem("value-invalid", 400, field, "problem.value-invalid", item.codeName(), FilterParser.MAX_VALUE_LENGTH));
        if (item.dataType() != DataType.STRING) {
            out.add(problem("value-type", 400, field, "problem.value-type", item.codeName(), item.dataType().name()));
        }
        if (item.kind() == ItemKind.RESIDENT_ID) {
            out.add(problem("resident-id-invalid", 400, field, "problem.resident-id-invalid", item.codeName(), "checksum"));
        } else if (item.kind() == ItemKind.CREDIT_CODE) {
            out.add(problem("credit-code-invalid", 400, field, "problem.credit-code-invalid", item.codeName(), "checksum"));
        }
        return out;
    }

    private List<Problem> filterProblems() {
        List<Problem> out = new ArrayList<>();
        ServiceShape.Shown first = shape.items().stream().filter(ServiceShape.Shown::queryable).findFirst().orElse(null);
        String f = first == null ? "item" : first.item().codeName();
        out.add(problem("filter-item-unknown", 400, "nope", "problem.filter-item-unknown", "nope"));
        out.add(problem("filter-repeated", 400, f, "problem.filter-repeated", f));
        out.add(problem("filter-op-unknown", 400, f + ".like", "problem.filter-op-unknown", "like"));
        out.add(problem("filter-op-type", 400, f + ".prefix", "problem.filter-op-type", "prefix", "INTEGER"));
        out.add(problem("filter-too-many-values", 400, f + ".in", "problem.filter-too-many-values", FilterParser.MAX_VALUES));
        if (first != null) {
            out.addAll(valueProblems(f, first.item()));
        }
        return out;
    }

    private List<Problem> forbiddenFilters() {
        List<Problem> out = new ArrayList<>();
        out.add(problem("filter-item-not-granted", 403, OTHER_ITEM, "problem.filter-item-not-granted", OTHER_ITEM));
        String masked = shape.items().stream().filter(ServiceShape.Shown::masked).map(s -> s.item().codeName())
            .findFirst().orElse("masked_item");
        out.add(problem("filter-item-masked", 403, masked + ".prefix", "problem.filter-item-masked", masked));
        return out;
    }

    /** The success response plus every problem: the operation's own, then those of every call. */
    private ApiResponses responses(ApiResponse ok, List<Problem> bad, List<Problem> forbidden, List<Problem> notFound) {
        String grant = shape.grantNumber() == null ? "GR-2026-000001" : shape.grantNumber();
        List<Problem> all = new ArrayList<>();
        all.add(problem("purpose-required", 400, PURPOSE_HEADER, "problem.purpose-required"));
        all.add(problem("purpose-invalid", 400, PURPOSE_HEADER, "problem.purpose-invalid", DataGateway.MAX_PURPOSE));
        all.addAll(bad);
        all.add(problem("unauthenticated", 401, null, "problem.unauthenticated"));
        all.add(problem("client-application-only", 403, null, "problem.client-application-only"));
        all.add(problem("no-grant", 403, null, "problem.no-grant", code));
        all.add(problem("grant-revoked", 403, null, "problem.data-grant-revoked", grant));
        all.add(problem("grant-expired", 403, null, "problem.grant-expired", grant, "2026-01-31"));
        all.add(problem("grant-not-yet-valid", 403, null, "problem.grant-not-yet-valid", grant, "2026-12-01"));
        List<String> purposes = shape.purposes().isEmpty() ? List.of(PURPOSE_EXAMPLE) : shape.purposes();
        all.add(problem("purpose-not-granted", 403, PURPOSE_HEADER, "problem.purpose-not-granted", grant,
            String.join("；", purposes), String.join("; ", purposes)));
        all.addAll(forbidden);
        all.add(problem("resource-not-served", 404, "resourceCode", "problem.resource-not-served", code));
        all.addAll(notFound);
        all.add(problem("quota-exceeded", 429, null, "problem.quota-exceeded",
            shape.dailyQuota() == null ? 10000 : shape.dailyQuota(), grant));
        all.add(problem("audit-unavailable", 503, null, "problem.audit-unavailable"));

        ApiResponses responses = new ApiResponses().addApiResponse("200", ok);
        Map<Integer, List<Problem>> byStatus = new java.util.TreeMap<>();
        all.forEach(p -> byStatus.computeIfAbsent(p.status(), s -> new ArrayList<>()).add(p));
        byStatus.forEach((status, problems) -> {
            MediaType media = new MediaType().schema(ref("Problem"));
            for (Problem p : problems) {
                media.addExamples(p.code(), new Example().summary(p.code()).value(problemBody(p)));
            }
            responses.addApiResponse(String.valueOf(status), new ApiResponse()
                .description(details.title(status) + ": " + String.join(", ", problems.stream().map(Problem::code).toList()))
                .content(new Content().addMediaType(PROBLEM_JSON, media)));
        });
        return responses;
    }

    private Map<String, Object> problemBody(Problem p) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://govshare.org/problems/" + p.code());
        body.put("title", details.title(p.status()));
        body.put("status", p.status());
        body.put("detail", details.detail(p.messageKey(), p.args()));
        body.put("code", p.code());
        if (p.field() != null) {
            body.put("field", p.field());
        }
        return body;
    }

    private static Content json(String schema, Object example) {
        return new Content().addMediaType("application/json", new MediaType().schema(ref(schema)).example(example));
    }
}
