package org.govshare.catalog.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.govshare.catalog.CatalogExport;
import org.govshare.catalog.Classification;
import org.govshare.catalog.OpenType;
import org.govshare.catalog.ResourceFormat;
import org.govshare.catalog.ResourceView;
import org.govshare.catalog.UpdateCycle;
import org.govshare.directory.DirectoryManagement;
import org.govshare.directory.OrganizationType;
import org.govshare.directory.OrganizationView;
import org.govshare.platform.CurrentActor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** DCAT-AP 3 JSON-LD of the published, open resources, built from their newest published versions. */
@Component
class DcatExport implements CatalogExport {

    private static final String EU = "http://publications.europa.eu/resource/authority/";

    private final JdbcClient jdbc;
    private final DirectoryManagement directory;
    private final Classifications classifications;
    private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();

    DcatExport(JdbcClient jdbc, DirectoryManagement directory, Classifications classifications) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.classifications = classifications;
    }

    @Override
    public Map<String, Object> dcat(String baseUrl) {
        // organization names are public facts; read them as the platform, the caller may be anonymous
        Map<UUID, OrganizationView> orgs = new LinkedHashMap<>();
        CurrentActor.runAs(CurrentActor.system(), () -> directory.allOrganizations()).forEach(o -> orgs.put(o.id(), o));
        OrganizationView authority = orgs.values().stream().filter(o -> o.type() == OrganizationType.AUTHORITY)
            .findFirst().orElse(null);
        List<Map<String, Object>> datasets = new ArrayList<>();
        jdbc.sql("""
                select distinct on (v.resource_id) v.content::text, v.published_at from catalog_resource_version v
                join catalog_resource r on r.id = v.resource_id
                where r.status in ('PUBLISHED', 'CHANGE_DRAFT', 'CHANGE_SUBMITTED')
                order by v.resource_id, v.version desc
                """)
            .query((rs, n) -> {
                ResourceView r = json.readValue(rs.getString(1), ResourceView.class);
                if (r.openType() != OpenType.NOT_OPEN) {
                    datasets.add(dataset(r, rs.getTimestamp(2).toInstant().toString(), orgs.get(r.providerId()), baseUrl));
                }
                return null;
            })
            .list();
        datasets.sort((a, b) -> String.valueOf(a.get("dct:identifier")).compareTo(String.valueOf(b.get("dct:identifier"))));
        Map<String, Object> catalog = new LinkedHashMap<>();
        catalog.put("@context", Map.of("dcat", "http://www.w3.org/ns/dcat#", "dct", "http://purl.org/dc/terms/",
            "foaf", "http://xmlns.com/foaf/0.1/", "vcard", "http://www.w3.org/2006/vcard/ns#",
            "xsd", "http://www.w3.org/2001/XMLSchema#", "skos", "http://www.w3.org/2004/02/skos/core#"));
        catalog.put("@id", baseUrl + "/api/v1/public/catalog/dcat");
        catalog.put("@type", "dcat:Catalog");
        catalog.put("dct:title", zh("政务信息资源开放目录"));
        catalog.put("dct:description", zh("已发布并向社会开放（含有条件开放）的政务信息资源"));
        catalog.put("dct:publisher", agent(authority == null ? "govshare" : authority.name()));
        catalog.put("dct:language", Map.of("@id", EU + "language/ZHO"));
        catalog.put("dcat:dataset", datasets);
        return catalog;
    }

    private Map<String, Object> dataset(ResourceView r, String modified, OrganizationView provider, String baseUrl) {
        String page = baseUrl + "/catalog/resources/" + r.id();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("@id", page);
        d.put("@type", "dcat:Dataset");
        d.put("dct:identifier", r.code());
        d.put("dct:title", zh(r.name()));
        d.put("dct:description", zh(r.summary() == null ? r.name() : r.summary()));
        d.put("dct:publisher", agent(provider == null ? "" : provider.name()));
        if (provider != null && provider.contactName() != null) {
            Map<String, Object> contact = new LinkedHashMap<>();
            contact.put("@type", "vcard:Organization");
            contact.put("vcard:fn", provider.name());
            if (provider.contactPhone() != null) {
                contact.put("vcard:hasTelephone", "tel:" + provider.contactPhone());
            }
            d.put("dcat:contactPoint", contact);
        }
        if (r.keywords() != null) {
            d.put("dcat:keyword", List.of(r.keywords().split("[,，;；\\s]+")).stream().filter(k -> !k.isBlank())
                .map(DcatExport::zh).toList());
        }
        Classification c = classifications.find(r.classificationCode()).orElse(null);
        if (c != null) {
            d.put("dcat:theme", Map.of("@id", baseUrl + "/catalog/classifications/" + c.code(),
                "skos:prefLabel", zh(c.name())));
        }
        d.put("dct:accrualPeriodicity", Map.of("@id", EU + "frequency/" + frequency(r.updateCycle())));
        if (r.releaseDate() != null) {
            d.put("dct:issued", Map.of("@value", r.releaseDate().toString(), "@type", "xsd:date"));
        }
        d.put("dct:modified", Map.of("@value", modified, "@type", "xsd:dateTime"));
        d.put("dct:accessRights", Map.of("@id", EU + "access-right/"
            + (r.openType() == OpenType.OPEN ? "PUBLIC" : "RESTRICTED")));
        d.put("dct:language", Map.of("@id", EU + "language/ZHO"));
        Map<String, Object> distribution = new LinkedHashMap<>();
        distribution.put("@type", "dcat:Distribution");
        distribution.put("dcat:accessURL", Map.of("@id", page));
        distribution.put("dct:format", Map.of("@id", EU + "file-type/" + fileType(r.format())));
        d.put("dcat:distribution", List.of(distribution));
        return d;
    }

    private static Map<String, Object> zh(String text) {
        return Map.of("@value", text, "@language", "zh");
    }

    private static Map<String, Object> agent(String name) {
        return Map.of("@type", "foaf:Agent", "foaf:name", zh(name));
    }

    static String frequency(UpdateCycle cycle) {
        return switch (cycle) {
            case REAL_TIME -> "UPDATE_CONT";
            case DAILY -> "DAILY";
            case WEEKLY -> "WEEKLY";
            case MONTHLY -> "MONTHLY";
            case QUARTERLY -> "QUARTERLY";
            case HALF_YEARLY -> "ANNUAL_2";
            case YEARLY -> "ANNUAL";
            case IRREGULAR -> "IRREG";
            case OTHER -> "OTHER";
        };
    }

    static String fileType(ResourceFormat format) {
        return switch (format) {
            case FILE_XLSX -> "XLSX";
            case FILE_CSV -> "CSV";
            case FILE_PDF -> "PDF";
            case DATABASE, API -> "JSON";
            case OTHER -> "BIN";
        };
    }
}
