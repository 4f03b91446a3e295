package org.govshare.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.govshare.HttpApi;
import org.govshare.HttpApi.Response;
import org.govshare.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class DcatExportTest {

    @LocalServerPort
    int port;

    @Test
    void anyoneReadsTheOpenCatalogAsDcatAndItStatesTheSameFactsAsTheApi() {
        Response dcat = HttpApi.anonymous(port).get("/api/v1/public/catalog/dcat");
        assertThat(dcat.status()).isEqualTo(200);
        assertThat(dcat.contentType()).startsWith("application/ld+json");
        JsonNode catalog = dcat.json();
        assertThat(catalog.get("@type").asString()).isEqualTo("dcat:Catalog");
        assertThat(catalog.get("dct:publisher").get("foaf:name").get("@value").asString()).isEqualTo("成都市龙泉驿区大数据中心");
        JsonNode datasets = catalog.get("dcat:dataset");
        assertThat(datasets.size()).isGreaterThan(20);

        List<String> codes = new ArrayList<>();
        for (JsonNode d : datasets) {
            codes.add(d.get("dct:identifier").asString());
            assertThat(d.get("dcat:distribution").get(0).get("dcat:accessURL").get("@id").asString())
                .startsWith("http://localhost:" + port + "/catalog/resources/");
            assertThat(d.get("dct:accessRights").get("@id").asString()).matches(".*access-right/(PUBLIC|RESTRICTED)");
        }
        for (String code : codes.subList(0, 5)) {
            JsonNode viaApi = HttpApi.as(port, "rsj_steward")
                .get("/api/v1/catalog/resources/lookup?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8)).json();
            JsonNode viaDcat = null;
            for (JsonNode d : datasets) {
                if (d.get("dct:identifier").asString().equals(code)) {
                    viaDcat = d;
                }
            }
            assertThat(viaDcat.get("dct:title").get("@value").asString()).isEqualTo(viaApi.get("name").asString());
            assertThat(viaApi.get("openType").asString()).isIn("OPEN", "CONDITIONAL");
            assertThat(viaDcat.get("dct:accrualPeriodicity").get("@id").asString()).isNotBlank();
        }
    }

    @Test
    void draftsAndClosedResourcesAreNotExported() {
        String draft = HttpApi.as(port, "scjg_steward").post("/api/v1/catalog/resources", CatalogApiTest.resource(
            "未发布的开放资源DCAT", "303", "UNCONDITIONAL", "", CatalogApiTest.ITEMS).replace("NOT_OPEN", "OPEN")).text("code");
        String body = HttpApi.anonymous(port).get("/api/v1/public/catalog/dcat").body();
        assertThat(body).doesNotContain(draft).doesNotContain("涉密人员管理信息");
        assertThat(HttpApi.anonymous(port).get("/api/v1/catalog/resources").status()).as("only /public is public").isEqualTo(401);
    }
}
