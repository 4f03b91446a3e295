package org.govshare.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.govshare.IntegrationTest;
import org.govshare.sharing.SharingFixtures;
import org.govshare.sharing.internal.SharingTestHooks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Every path of the sharing rules end to end in the console, on a fresh resource of the market
 * regulator (scjg) with unconditional, conditional (sensitive) and not-shared items, applied for by
 * the human resources bureau (rsj): unconditional at once, conditional pre-checked and approved
 * narrower than asked, refused and disputed, not-shared coordinated, and overdue on the authority's list.
 */
@IntegrationTest
class SharingBrowserIT extends BrowserTestSupport {

    private static final String CLIENT = "社会保险经办系统";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    UUID resource;

    @BeforeEach
    void publish() {
        resource = SharingFixtures.published(port, "scjg_steward");
    }

    @Test
    void anUnconditionalApplicationFromTheCatalogPageIsGrantedAtOnce() {
        signInAs("rsj_steward");
        assertThat(present("#nav-sharing-applications")).isTrue();
        open("/catalog/resources/" + resource);
        press("apply-sharing");
        assertThat(path()).isEqualTo("/sharing/applications/new");
        fillForm(List.of("tyshxydm", "qymc"));
        screenshot("unconditional-form");
        press("submit-application");

        assertThat(path()).startsWith("/sharing/applications/");
        assertThat(text("#application-state")).isEqualTo(zh("sharing.state.APPROVED"));
        assertThat(text("#application-path")).isEqualTo(zh("sharing.path.UNCONDITIONAL"));
        assertThat(texts("#timeline .step-action")).containsExactly(zh("sharing.act.submitted"));
        clickAndWaitForPage(By.cssSelector("#grant-link a"));
        screenshot("unconditional-grant");
        assertThat(text("#grant-state")).isEqualTo(zh("sharing.grant-state.ACTIVE"));
        assertThat(codes("#grant-items .grant-item")).containsExactly("tyshxydm", "qymc");
        assertThat(texts("#grant-items .grant-item-name")).containsExactly("统一社会信用代码", "企业名称");
        assertThat(text("#grant-quota")).isEqualTo("1000");
        assertThat(present("#row-scope-none")).isTrue();
        assertThat(present("#grant-actions")).as("the consumer cannot narrow or revoke").isFalse();

        // the provider sees the grant on its side, the consumer on its own
        String grant = text("#grant-number");
        open("/sharing/grants?q=" + grant);
        assertThat(texts("#grants .grant-link")).containsExactly(grant);
        signInAs("scjg_reviewer");
        open("/sharing/grants?tab=provider&q=" + grant);
        assertThat(texts("#grants .grant-link")).containsExactly(grant);
    }

    @Test
    void aConditionalApplicationIsPrecheckedAndApprovedNarrowerAndTheConsumerSeesExactlyThatScope() {
        signInAs("rsj_steward");
        open("/sharing/applications/new?resourceId=" + resource);
        fillForm(List.of("tyshxydm", "qymc", "xzqh", "fddbr"));
        press("submit-application");
        String application = path();
        assertThat(text("#application-state")).isEqualTo(zh("sharing.state.PRECHECK"));
        assertThat(text("#application-deadline")).contains("剩余").contains("个工作日");
        assertThat(present("#precheck-form")).as("the consumer does not pre-check").isFalse();
        assertThat(present("#withdraw-form")).isTrue();
        String number = text("#application-number");
        assertThat(texts("#fact-purposes .requested-purpose")).containsExactly("参保登记时核验单位登记信息", "社会保险稽核");

        signInAs("admin");
        open("/sharing/applications?tab=all&q=" + number);
        assertThat(texts("#applications .application-link")).containsExactly(number);
        clickAndWaitForPage(By.cssSelector("#applications .application-link"));
        type("#precheck-comment", "材料齐全");
        press("precheck-pass");
        assertThat(text("#application-state")).isEqualTo(zh("sharing.state.REVIEW"));
        assertThat(present("#approve-form")).as("the authority does not decide for the provider").isFalse();

        signInAs("scjg_reviewer");
        open("/sharing/applications?tab=provider&q=" + number);
        clickAndWaitForPage(By.cssSelector("#applications .application-link"));
        assertThat(path()).isEqualTo(application);
        // the editor starts from what the service would default to: the sensitive item shows its last 4
        assertThat(new Select($("#mask-fddbr")).getFirstSelectedOption().getAttribute("value")).isEqualTo("SHOW_LAST");
        assertThat($("#maskN-fddbr").getAttribute("value")).isEqualTo("4");
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
            "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", $("#grant-xzqh"));
        $("#grant-xzqh").click();
        new Select($("#filterItem-0")).selectByValue("xzqh");
        new Select($("#filterOp-0")).selectByValue("PREFIX");
        type("#filterValues-0", "510112");
        type("#approve-dailyQuota", "800");
        // the reviewer does not accept the audit use: its box is unticked
        assertThat(texts("#approve-form .scope-purpose label")).containsExactly("参保登记时核验单位登记信息", "社会保险稽核");
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
            "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", $("#grant-purpose-1"));
        $("#grant-purpose-1").click();
        type("#approve-comment", "限龙泉驿区");
        screenshot("scope-editor");
        press("approve");
        assertThat(text("#application-state")).isEqualTo(zh("sharing.state.APPROVED"));

        signInAs("rsj_steward");
        open(application);
        assertThat(texts("#timeline .step-action")).containsExactly(zh("sharing.act.submitted"),
            zh("sharing.act.precheck-passed"), zh("sharing.act.approved"));
        clickAndWaitForPage(By.cssSelector("#grant-link a"));
        screenshot("conditional-grant");
        assertThat(codes("#grant-items .grant-item")).containsExactly("tyshxydm", "qymc", "fddbr");
        assertThat(texts("#row-scope .row-filter")).containsExactly("行政区划（xzqh）以 510112 开头");
        assertThat(maskOf("fddbr")).isEqualTo("保留后4位");
        assertThat(maskOf("qymc")).isEqualTo(zh("sharing.mask.NONE"));
        assertThat(text("#grant-quota")).isEqualTo("800");
        assertThat(texts("#grant-purposes .grant-purpose")).containsExactly("参保登记时核验单位登记信息");
    }

    @Test
    void aRefusalIsDisputedAndTheAuthorityUpholdsIt() {
        String id = reviewing("fddbr");
        signInAs("scjg_reviewer");
        open("/sharing/applications/" + id);
        type("#refuse-reason", "用途与共享条件不符");
        press("refuse");
        assertThat(text("#application-state")).isEqualTo(zh("sharing.state.REFUSED"));
        assertThat(text("#decision-reason")).contains("用途与共享条件不符");
        assertThat(present("#dispute-form")).as("only the consumer disputes").isFalse();

        signInAs("rsj_steward");
        open("/sharing/applications/" + id);
        type("#dispute-reason", "社保核验属于法定职责");
        press("dispute");
        assertThat(text("#application-state")).isEqualTo(zh("sharing.state.DISPUTED"));
        assertThat(present("#withdraw-form")).as("a dispute is not withdrawn").isFalse();

        signInAs("admin");
        open("/sharing/applications/" + id);
        type("#dispute-decision-reason", "维持提供部门意见");
        press("uphold");
        screenshot("dispute-upheld");
        assertThat(text("#application-state")).isEqualTo(zh("sharing.state.REFUSAL_UPHELD"));
        assertThat(present("#grant-link")).isFalse();
        assertThat(texts("#timeline .step-action")).endsWith(zh("sharing.act.refused"), zh("sharing.act.disputed"),
            zh("sharing.act.refusal-upheld"));
    }

    @Test
    void aNotSharedItemIsDisabledWithItsBasisAndTheAuthorityRecordsTheCoordination() {
        signInAs("rsj_steward");
        open("/sharing/applications/new?resourceId=" + resource);
        WebElement nsxx = $("#item-nsxx");
        assertThat(nsxx.isEnabled()).isFalse();
        assertThat(text("tr.item-choice[data-code='nsxx'] .item-basis")).contains("《中华人民共和国税收征收管理法》第八条");
        assertThat($("#item-fddbr").isEnabled()).isTrue();
        press("ask-coordination");
        assertThat($("#item-nsxx").isEnabled()).isTrue();
        assertThat(present("#coordination-note")).isTrue();
        fillForm(List.of("qymc", "nsxx"));
        press("submit-application");
        assertThat(text("#application-state")).isEqualTo(zh("sharing.state.COORDINATION"));
        assertThat(text("#application-path")).isEqualTo(zh("sharing.path.NOT_SHARED"));
        String application = path();

        signInAs("scjg_reviewer");
        open(application);
        assertThat(present("#application-actions")).as("the provider has no say in a coordination").isFalse();

        signInAs("admin");
        open(application);
        type("#coordination-reason", "经协调，涉税信息依法不予共享，可通过核验方式办理");
        press("coordination-not-granted");
        assertThat(text("#application-state")).isEqualTo(zh("sharing.state.NOT_GRANTED"));
        assertThat(text("#decision-reason")).contains("核验方式");
    }

    @Test
    void aReviewPastItsDeadlineIsOnTheAuthoritysOverdueList() {
        String id = reviewing("fddbr");
        String number = apiGetAs("rsj_steward", "/api/v1/sharing/applications/" + id).get("number").asString();
        jdbc.sql("update sharing_application set deadline = now() - interval '1 day' where id = ?::uuid").param(id)
            .update();
        SharingTestHooks.sweep(context);

        signInAs("admin");
        open("/sharing/applications?tab=overdue&q=" + number);
        screenshot("overdue");
        assertThat(texts("#applications .application-link")).containsExactly(number);
        assertThat(text("#applications .application-row .deadline-overdue")).isEqualTo(zh("sharing.deadline.overdue"));
        clickAndWaitForPage(By.cssSelector("#applications .application-link"));
        assertThat(texts("#timeline .step-action")).contains(zh("sharing.act.overdue"));

        // the consumer sees it overdue too; the provider's list shows it on its side
        signInAs("scjg_reviewer");
        open("/sharing/applications?tab=provider&q=" + number);
        assertThat(text("#applications .deadline-overdue")).isEqualTo(zh("sharing.deadline.overdue"));
    }

    // ---- helpers

    /** Scrolls a button into view (long forms end below the window) and clicks it, waiting for the next page. */
    private void press(String id) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
            "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", $("#" + id));
        clickAndWaitForPage(By.id(id));
    }

    /** Checks the items and fills the rest of the new-application form (the dates come prefilled). */
    private void fillForm(List<String> items) {
        for (String item : items) {
            WebElement box = $("#item-" + item);
            if (!box.isSelected()) {
                ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                    "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", box);
                box.click();
            }
        }
        new Select($("#clientApplicationId")).selectByVisibleText(CLIENT);
        type("#purpose", "社保登记时核验参保单位信息");
        type("#purposes", "参保登记时核验单位登记信息\n\n社会保险稽核");
        type("#basis", "《社会保险法》第五十七条");
        type("#scenario", "参保单位登记与变更");
        type("#expectedDailyCalls", "1000");
    }

    /** A conditional application of rsj for the items, passed by the authority's pre-check (set up through the API). */
    private String reviewing(String... items) {
        UUID client = SharingFixtures.client(jdbc, CLIENT);
        JsonNode draft = json(SharingFixtures.draft(resource, json(toJsonArray(items)).toString(), client));
        String id = apiPostAs("rsj_steward", "/api/v1/sharing/applications", draft).get("id").asString();
        JsonNode passed = apiPostAs("admin", "/api/v1/sharing/applications/" + id + "/precheck", Map.of("passed", true));
        assertThat(passed.get("state").asString()).isEqualTo("REVIEW");
        return id;
    }

    private static String toJsonArray(String... items) {
        return "[" + String.join(",", java.util.Arrays.stream(items).map(i -> "\"" + i + "\"").toList()) + "]";
    }

    private List<String> codes(String css) {
        return $$(css).stream().map(e -> e.getAttribute("data-code")).toList();
    }

    private String maskOf(String code) {
        return text("#grant-items .grant-item[data-code='" + code + "'] .grant-item-mask");
    }
}
