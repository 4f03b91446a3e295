package org.govshare.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.govshare.HttpApi;
import org.govshare.HttpApi.Response;

/** Published resources and test identity numbers for the dataset console's tests. */
public final class ConsoleFixtures {

    private static final AtomicLong N = new AtomicLong(System.nanoTime() % 100000);
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    /** Residents: the identity number is the key, the name required by the key-less default only through rules. */
    public static final String RESIDENT_ITEMS = """
        {"name":"公民身份号码","codeName":"sfzh","dataType":"STRING","length":18,"key":true},
        {"name":"姓名","codeName":"xm","dataType":"STRING","length":50},
        {"name":"出生日期","codeName":"csrq","dataType":"DATE"}
        """;

    private ConsoleFixtures() {
    }

    /** Registers, submits and approves a resource as the given steward; returns its id. */
    public static UUID published(int port, String steward, String namePrefix, String items) {
        String name = namePrefix + N.incrementAndGet();
        String body = """
            {"classificationCode":"303001","name":"%s","summary":"数据归集控制台测试","format":"DATABASE","shareType":"UNCONDITIONAL",
             "openType":"NOT_OPEN","updateCycle":"MONTHLY","dataItems":[%s]}
            """.formatted(name, items);
        Response r = HttpApi.as(port, steward).post("/api/v1/catalog/resources", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.text("id");
        Response submitted = HttpApi.as(port, steward).post("/api/v1/catalog/resources/" + id + "/submission", null);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        Response approved = HttpApi.as(port, "admin").post("/api/v1/catalog/resources/" + id + "/approval", "{}");
        assertThat(approved.text("status")).as(approved.body()).isEqualTo("PUBLISHED");
        return UUID.fromString(id);
    }

    /** A valid GB 11643 identity number for the given 17 digits. */
    public static String residentId(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    /** The same number with a wrong check digit. */
    public static String badResidentId(String first17) {
        String good = residentId(first17);
        char wrong = good.charAt(17) == '0' ? '1' : '0';
        return first17 + wrong;
    }
}
