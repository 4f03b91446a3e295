package org.govshare.exchange.internal;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.govshare.directory.ClientApplicationView;
import org.govshare.directory.DirectoryManagement;
import org.govshare.exchange.DataServiceDocs;
import org.govshare.exchange.DataServiceManagement.ServiceEntry;
import org.govshare.platform.Actor;
import org.govshare.platform.CurrentActor;
import org.govshare.platform.PageView;
import org.govshare.platform.ProblemException;
import org.govshare.sharing.GrantState;
import org.govshare.sharing.GrantView;
import org.govshare.sharing.SharingManagement;
import org.govshare.sharing.SharingManagement.GrantFilter;
import org.govshare.sharing.SharingManagement.Side;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two views of a resource's service description and the department's allowed-methods list,
 * all from the same shapes the gateway serves: a client's from its compiled grant (refused as a data
 * call would be), people's from the published items with default masks.
 */
@Service
class ServiceDocs implements DataServiceDocs {

    private static final int GRANT_PAGE = 100;
    private static final int MAX_GRANT_PAGES = 50;

    private final DataGateway gateway;
    private final ServedResources resources;
    private final SharingManagement sharing;
    private final DirectoryManagement directory;
    private final UsageMeter meter;
    private final Masking masking;
    private final MessageSource messages;
    private final JsonMapper pretty = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    ServiceDocs(DataGateway gateway, ServedResources resources, SharingManagement sharing, DirectoryManagement directory,
                UsageMeter meter, Masking masking, MessageSource messages) {
        this.gateway = gateway;
        this.resources = resources;
        this.sharing = sharing;
        this.directory = directory;
        this.meter = meter;
        this.masking = masking;
        this.messages = messages;
    }

    @Override
    public String openApiForClient(String resourceCode) {
        return Json.pretty(document(ServiceShape.of(gateway.describedScope(resourceCode))));
    }

    @Override
    public String openApiForConsole(String resourceCode) {
        return Json.pretty(document(ServiceShape.shareable(served(resourceCode))));
    }

    private ServedResource served(String resourceCode) {
        CurrentActor.require();
        return (resourceCode == null || resourceCode.length() > 100 ? Optional.<ServedResource>empty()
            : resources.byCode(resourceCode)).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND,
                "resource-not-served", "resourceCode", "problem.resource-not-served", String.valueOf(resourceCode)));
    }

    OpenAPI document(ServiceShape shape) {
        Locale locale = LocaleContextHolder.getLocale();
        return new OpenApiDocument(shape, masking, new OpenApiDocument.Details() {
            @Override
            public String detail(String messageKey, Object... args) {
                return messages.getMessage(messageKey, args, messageKey, locale);
            }

            @Override
            public String title(int status) {
                return messages.getMessage("problem.title." + status, null,
                    HttpStatus.valueOf(status).getReasonPhrase(), locale);
            }
        }).build();
    }

    // --- the console page -----------------------------------------------------------------------

    @Override
    public ServiceDescription describe(String resourceCode, String baseUrl) {
        ServedResource r = served(resourceCode);
        ServiceShape shape = ServiceShape.shareable(r);
        OpenAPI api = document(shape);
        List<DescribedItem> items = shape.items().stream().map(s -> new DescribedItem(s.item().codeName(),
            s.item().name(), s.item().description(), s.item().dataType().name(), s.item().key(), s.mask().type().name(),
            s.mask().n(), s.filters(), ExampleValues.raw(s.item()))).toList();
        List<Endpoint> endpoints = new ArrayList<>();
        api.getPaths().forEach((path, item) -> operations(item).forEach((http, op) ->
            endpoints.add(endpoint(shape, baseUrl, path, http, op))));
        return new ServiceDescription(r.id(), r.code(), r.name(), r.providerId(), r.version(), items, endpoints,
            pretty.writeValueAsString(ExampleValues.record(shape, masking)));
    }

    private static Map<String, Operation> operations(PathItem item) {
        Map<String, Operation> out = new LinkedHashMap<>();
        if (item.getGet() != null) {
            out.put("GET", item.getGet());
        }
        if (item.getPost() != null) {
            out.put("POST", item.getPost());
        }
        return out;
    }

    private Endpoint endpoint(ServiceShape shape, String baseUrl, String path, String http, Operation op) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Param> params = new ArrayList<>();
        params.add(new Param("X-Purpose", "header", true, messages.getMessage("exchange.docs.param.purpose",
            new Object[] {DataGateway.MAX_PURPOSE}, locale), OpenApiDocument.PURPOSE_EXAMPLE));
        for (Parameter p : op.getParameters()) {
            if (p.get$ref() == null) {
                params.add(new Param(p.getName(), p.getIn(), Boolean.TRUE.equals(p.getRequired()),
                    paramText(shape, p, locale), p.getExample() == null ? null : p.getExample().toString()));
            }
        }
        String body = null;
        if (op.getRequestBody() != null) {
            ServedResource.Item firstKey = shape.resource().keyItems().get(0);
            Map<String, Object> values = new LinkedHashMap<>();
            shape.items().stream().filter(s -> s.item().key())
                .forEach(s -> values.put(s.item().codeName(), ExampleValues.raw(s.item())));
            shape.items().stream().filter(s -> !s.item().key()).findFirst()
                .ifPresent(s -> values.put(s.item().codeName(), ExampleValues.raw(s.item())));
            values.putIfAbsent(firstKey.codeName(), ExampleValues.raw(firstKey));
            body = pretty.writeValueAsString(Map.of("values", values));
        }
        String method = op.getOperationId();
        String url = method.equals("lookup") ? path.replace("{key}", java.net.URLEncoder.encode(
            ExampleValues.raw(shape.resource().keyItems().get(0)), java.nio.charset.StandardCharsets.UTF_8)) : path;
        List<String> query = exampleQuery(shape, method);
        StringBuilder curl = new StringBuilder("curl");
        if (http.equals("POST")) {
            curl.append(" -X POST");
        } else if (!query.isEmpty()) {
            curl.append(" -G");
        }
        curl.append(" \\\n  -H 'X-Api-Key: <应用系统的 API 密钥>' \\\n  -H 'X-Purpose: ")
            .append(OpenApiDocument.PURPOSE_EXAMPLE).append("'");
        if (body != null) {
            curl.append(" \\\n  -H 'Content-Type: application/json' \\\n  -d '")
                .append(body.replace("\n", "").replaceAll("\\s{2,}", " ").replace("'", "'\\''")).append("'");
        }
        // curl encodes the values itself, so the example stays readable with Chinese in it
        query.forEach(q -> curl.append(" \\\n  --data-urlencode '").append(q.replace("'", "'\\''")).append("'"));
        curl.append(" \\\n  '").append(baseUrl).append(url).append("'");
        MediaType ok = op.getResponses().get("200").getContent().values().iterator().next();
        Object example = ok.getExample();
        String response = example instanceof String text ? text : pretty.writeValueAsString(example);
        String summary = messages.getMessage("exchange.docs.summary." + op.getOperationId(), null, op.getSummary(), locale);
        return new Endpoint(op.getOperationId(), http, path, summary, params, curl.toString(), body, response);
    }

    /** A parameter's description in the console's language (the OpenAPI document itself stays in English). */
    private String paramText(ServiceShape shape, Parameter p, Locale locale) {
        String name = p.getName();
        switch (name) {
            case "size":
                return messages.getMessage("exchange.docs.param.size",
                    new Object[] {FilterParser.MAX_SIZE, FilterParser.DEFAULT_SIZE}, locale);
            case "cursor":
            case "format":
                return messages.getMessage("exchange.docs.param." + name, null, locale);
            case "key":
                ServedResource.Item key = shape.resource().keyItems().get(0);
                return messages.getMessage("exchange.docs.param.key", new Object[] {key.name(), key.codeName()}, locale);
            default:
                int dot = name.lastIndexOf('.');
                ServiceShape.Shown item = shape.shown(dot < 0 ? name : name.substring(0, dot));
                if (item == null) {
                    return p.getDescription();
                }
                String op = dot < 0 ? "eq" : name.substring(dot + 1);
                return messages.getMessage("exchange.docs.filter." + op,
                    new Object[] {item.item().name(), item.item().codeName()}, p.getDescription(), locale);
        }
    }

    /** One example filter for queries and exports (plus the page size or the format), as name=value. */
    private static List<String> exampleQuery(ServiceShape shape, String method) {
        if (!method.equals("query") && !method.equals("export")) {
            return List.of();
        }
        List<String> q = new ArrayList<>();
        q.add(method.equals("export") ? "format=csv" : "size=20");
        shape.items().stream().filter(ServiceShape.Shown::queryable).filter(s -> !s.item().key()).findFirst()
            .ifPresent(s -> q.add(s.item().codeName() + "=" + ExampleValues.raw(s.item())));
        return q;
    }

    // --- allowed methods of the department's client applications --------------------------------

    @Override
    public List<ClientServices> departmentServices() {
        Actor actor = CurrentActor.require();
        if (actor.isClient() || actor.organizationId() == null) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", null, "problem.forbidden");
        }
        UUID org = actor.organizationId();
        // the names of the person's own department's client applications, whatever their role
        List<ClientApplicationView> clients = CurrentActor.runAs(CurrentActor.system(),
            () -> directory.clientApplications(org, PageRequest.of(0, 500)).getContent());
        Map<UUID, Map<UUID, GrantView>> newest = new LinkedHashMap<>();
        for (int page = 0; page < MAX_GRANT_PAGES; page++) {
            PageView<GrantView> grants = sharing.grants(new GrantFilter(Side.CONSUMER, GrantState.ACTIVE, null, false, null),
                page, GRANT_PAGE);
            for (GrantView g : grants.items()) {
                newest.computeIfAbsent(g.clientApplicationId(), c -> new LinkedHashMap<>())
                    .merge(g.resourceId(), g, (a, b) -> a.createdAt().isAfter(b.createdAt()) ? a : b);
            }
            if (page + 1 >= grants.totalPages()) {
                break;
            }
        }
        List<ClientServices> out = new ArrayList<>();
        for (ClientApplicationView c : clients) {
            List<ServiceEntry> services = newest.getOrDefault(c.id(), Map.of()).values().stream()
                .map(g -> resources.byCode(g.resourceCode()).map(r -> entry(c.id(), new GrantScope(g, r))))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(ServiceEntry::resourceCode)).toList();
            out.add(new ClientServices(c.id(), c.name(), c.active(), services));
        }
        out.sort(Comparator.comparing((ClientServices c) -> c.services().isEmpty()).thenComparing(ClientServices::name));
        return out;
    }

    private ServiceEntry entry(UUID client, GrantScope scope) {
        return ServiceShape.entry(scope, meter.usedToday(client, scope.resource().id()));
    }
}
