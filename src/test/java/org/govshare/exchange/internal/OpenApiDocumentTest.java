package org.govshare.exchange.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.govshare.catalog.DataType;
import org.govshare.catalog.Sensitivity;
import org.govshare.catalog.ShareType;
import org.govshare.dataset.ItemKind;
import org.govshare.platform.ResidentId;
import org.govshare.sharing.Mask;
import org.govshare.sharing.MaskType;
import org.junit.jupiter.api.Test;

/**
 * The generator on a person-like resource with every data type, without Spring: JSON types and
 * formats per item, masks as strings, filters exactly as the gateway's parser takes them, and
 * examples that pass the gateway's own identifier checks.
 */
class OpenApiDocumentTest {

    private static final OpenApiDocument.Details DETAILS = new OpenApiDocument.Details() {
        @Override
        public String detail(String messageKey, Object... args) {
            return messageKey;
        }

        @Override
        public String title(int status) {
            return "status " + status;
        }
    };

    private final Masking masking = new Masking(new byte[32]);

    private static ServedResource.Item item(String code, String name, DataType type, Sensitivity s, ShareType share,
                                            boolean key, ItemKind kind) {
        return new ServedResource.Item(code, name, type, s, share, key, kind, null);
    }

    private final ServedResource person = new ServedResource(UUID.randomUUID(), "201001/000001", "人口基础信息",
        UUID.randomUUID(), 3, List.of(
            item("gmsfhm", "公民身份号码", DataType.STRING, Sensitivity.RESTRICTED, ShareType.CONDITIONAL, true, ItemKind.RESIDENT_ID),
            item("xm", "姓名", DataType.STRING, Sensitivity.SENSITIVE, ShareType.CONDITIONAL, false, ItemKind.PLAIN),
            item("nl", "年龄", DataType.INTEGER, Sensitivity.INTERNAL, ShareType.UNCONDITIONAL, false, ItemKind.PLAIN),
            item("sr", "月收入", DataType.DECIMAL, Sensitivity.INTERNAL, ShareType.UNCONDITIONAL, false, ItemKind.PLAIN),
            item("csrq", "出生日期", DataType.DATE, Sensitivity.INTERNAL, ShareType.UNCONDITIONAL, false, ItemKind.PLAIN),
            item("djsj", "登记时间", DataType.DATETIME, Sensitivity.PUBLIC, ShareType.UNCONDITIONAL, false, ItemKind.PLAIN),
            item("sfzx", "是否注销", DataType.BOOLEAN, Sensitivity.PUBLIC, ShareType.UNCONDITIONAL, false, ItemKind.PLAIN),
            item("zp", "照片", DataType.BINARY, Sensitivity.INTERNAL, ShareType.UNCONDITIONAL, false, ItemKind.PLAIN),
            item("bz", "内部备注", DataType.STRING, Sensitivity.INTERNAL, ShareType.NOT_SHARED, false, ItemKind.PLAIN)));

    private OpenAPI build(ServiceShape shape) throws Exception {
        OpenAPI api = new OpenApiDocument(shape, masking, DETAILS).build();
        // what goes over the wire parses back as OpenAPI
        return Json.mapper().readValue(Json.pretty(api), OpenAPI.class);
    }

    @Test
    void eachTypeMapsToItsJsonSchemaAndMasksBecomeStrings() throws Exception {
        OpenAPI api = build(ServiceShape.shareable(person));
        Map<String, Schema> props = api.getComponents().getSchemas().get("Record").getProperties();
        assertThat(props.keySet()).containsExactly("gmsfhm", "xm", "nl", "sr", "csrq", "djsj", "sfzx", "zp");
        assertThat(props.get("nl").getType()).isEqualTo("integer");
        assertThat(props.get("sr").getType()).isEqualTo("number");
        assertThat(props.get("csrq").getFormat()).isEqualTo("date");
        assertThat(props.get("djsj").getFormat()).isEqualTo("date-time");
        assertThat(props.get("sfzx").getType()).isEqualTo("boolean");
        assertThat(props.get("zp").getFormat()).isEqualTo("byte");
        // restricted: HASH by default, sensitive: last 4; both strings that say their mask
        assertThat(props.get("gmsfhm").getType()).isEqualTo("string");
        assertThat(props.get("gmsfhm").getPattern()).isEqualTo("^[0-9a-f]{64}$");
        assertThat(props.get("gmsfhm").getDescription()).contains("公民身份号码", "masked: HASH");
        assertThat(props.get("xm").getExtensions()).containsEntry("x-mask", "SHOW_LAST 4");
        assertThat(api.getComponents().getSchemas().get("Record").getExample().toString()).doesNotContain(ExampleValues.RESIDENT_ID);
    }

    @Test
    void filtersAreExactlyWhatTheParserTakes() throws Exception {
        OpenAPI api = build(ServiceShape.shareable(person));
        List<String> names = api.getPaths().get("/api/v1/data/201001/000001/records").getGet().getParameters().stream()
            .map(Parameter::getName).filter(n -> n != null).toList();
        assertThat(names).containsExactly("nl", "nl.in", "nl.from", "nl.to", "sr", "sr.in", "sr.from", "sr.to",
            "csrq", "csrq.in", "csrq.prefix", "csrq.from", "csrq.to", "djsj", "djsj.in", "djsj.prefix", "djsj.from", "djsj.to",
            "sfzx", "sfzx.in", "size", "cursor");
    }

    @Test
    void aGrantThatShowsTheKeyPlainGivesAValidFakeIdentifierAndNullableMasks() throws Exception {
        Map<String, Mask> masks = Map.of("gmsfhm", Mask.of(MaskType.NONE), "csrq", Mask.of(MaskType.DATE_YEAR_ONLY));
        List<ServiceShape.Shown> shown = person.items().stream().filter(i -> List.of("gmsfhm", "csrq").contains(i.codeName()))
            .map(i -> new ServiceShape.Shown(i, masks.get(i.codeName()), masks.get(i.codeName()).type() == MaskType.NONE))
            .toList();
        OpenAPI api = build(new ServiceShape(person, shown, "GR-1", 10, java.time.LocalDate.of(2027, 1, 1),
            List.of("社保登记核验")));
        Schema<?> id = (Schema<?>) api.getComponents().getSchemas().get("Record").getProperties().get("gmsfhm");
        assertThat(id.getPattern()).isEqualTo("^[0-9]{17}[0-9X]$");
        assertThat(ResidentId.check(id.getExample().toString()).valid()).isTrue();
        Schema<?> year = (Schema<?>) api.getComponents().getSchemas().get("Record").getProperties().get("csrq");
        assertThat(year.getNullable()).isTrue();
        assertThat(year.getExample()).isEqualTo("2024");
        Parameter key = api.getPaths().get("/api/v1/data/201001/000001/records/{key}").getGet().getParameters().stream()
            .filter(p -> "key".equals(p.getName())).findFirst().orElseThrow();
        assertThat(ResidentId.check(key.getExample().toString()).valid()).isTrue();
        assertThat(api.getInfo().getDescription()).contains("GR-1", "10 calls");
    }
}
