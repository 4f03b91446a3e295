package org.govshare.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.govshare.HttpApi;
import org.govshare.HttpApi.Response;
import org.govshare.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Rules through the JSON API: every broken rule named at once, then applied to a push with reasons in both languages. */
@IntegrationTest
class DatasetRulesApiTest {

    @LocalServerPort
    int port;

    private String base(UUID r) {
        return "/api/v1/datasets/" + r;
    }

    @Test
    void brokenRulesAreRefusedWithTheirFieldsAndNothingIsStored() {
        UUID r = DatasetFixtures.published(port, "scjg_steward", DatasetFixtures.PERSON_ITEMS);
        HttpApi steward = HttpApi.as(port, "scjg_steward");
        Response bad = steward.put(base(r) + "/rules", null, """
            [{"codeName":"xm","required":false,"pattern":"([a-z]"},
             {"codeName":"nope","required":false},
             {"codeName":"csrq","required":false,"min":1},
             {"codeName":"rs","required":false,"kind":"RESIDENT_ID","min":10,"max":1}]
            """);
        assertThat(bad.status()).as(bad.body()).isEqualTo(422);
        JsonNode errors = bad.json().get("errors");
        assertThat(errors.findValuesAsString("field")).containsExactly("rules[0].pattern", "rules[1].codeName",
            "rules[2].min", "rules[3].kind", "rules[3].min");
        assertThat(errors.findValuesAsString("rule")).containsExactly("dataset-rule-pattern-invalid",
            "dataset-rule-item-unknown", "dataset-rule-range-not-numeric", "dataset-rule-kind-not-string",
            "dataset-rule-min-above-max");
        JsonNode rules = steward.get(base(r) + "/rules").json();
        assertThat(rules.findValuesAsString("pattern")).as("nothing stored").doesNotContain("([a-z]");
        assertThat(rules.findValuesAsString("kind")).as("nothing stored").containsOnly("PLAIN");
    }

    @Test
    void storedRulesRejectRowsWithReasonsInTheReadersLanguage() {
        UUID r = DatasetFixtures.published(port, "scjg_steward", DatasetFixtures.PERSON_ITEMS);
        HttpApi steward = HttpApi.as(port, "scjg_steward");
        Response saved = steward.put(base(r) + "/rules", null, """
            [{"codeName":"xm","required":true,"allowedValues":["张三","李四"]},
             {"codeName":"rs","required":false,"min":1,"max":10}]
            """);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        List<String> required = new ArrayList<>();
        saved.json().forEach(rule -> {
            if (rule.get("required").asBoolean()) {
                required.add(rule.get("codeName").asString());
            }
        });
        assertThat(required).containsExactly("idno", "xm");

        Response pushed = steward.post(base(r) + "/batches", """
            {"batchId":"rules-1","policy":"KEEP_VALID","upserts":[
              {"idno":"Q1","xm":"王五","rs":11},
              {"idno":"Q2","xm":"张三","rs":5},
              {"idno":"Q3","rs":0}]}
            """);
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(200);
        JsonNode load = pushed.json().get("load");
        assertThat(load.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(load.get("rowsAccepted").asLong()).isEqualTo(1);
        assertThat(load.get("rowsRejected").asLong()).isEqualTo(2);
        String rejections = base(r) + "/loads/" + load.get("id").asString() + "/rejections";

        JsonNode en = HttpApi.as(port, "scjg_steward").inEnglish().get(rejections).json();
        List<String> lines = new ArrayList<>();
        en.forEach(x -> lines.add(x.get("row").asLong() + " " + x.get("item").asString() + " " + x.get("code").asString()
            + " " + x.get("message").asString()));
        assertThat(lines).containsExactly(
            "1 xm not-in-code-list Not in the code list (2 allowed values).",
            "1 rs above-max Above the maximum 10.",
            "3 xm required A required value is empty.",
            "3 rs below-min Below the minimum 1.");
        JsonNode zh = steward.get(rejections).json();
        assertThat(zh.get(1).get("message").asString()).isEqualTo("大于最大值 10。");
    }
}
