package org.govshare.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base class of the console's browser tests ({@code *BrowserIT}, run by failsafe): one headless
 * Chromium per test class, driven through the Debian {@code chromium} and {@code chromium-driver}
 * packages so Selenium Manager never downloads anything.
 *
 * <p>Without Chromium every test is reported as skipped with a message locally, but fails under {@code CI=true}:
 * a CI run must never go green without having run them. A screenshot (and the page source) of
 * every failed test lands in {@code target/browser-screenshots/}, next to the ones taken at the
 * key steps with {@link #screenshot(String)}.
 *
 * <p>Subclasses carry {@code @IntegrationTest}; they share the one Spring context (and database)
 * of all integration tests, so every test creates uniquely named data.
 */
public abstract class BrowserTestSupport {

    /** Debian's paths; overridable (-Dgovshare.browser.chromium=...) mainly to check the skip/fail behaviour. */
    public static final String CHROMIUM = System.getProperty("govshare.browser.chromium", "/usr/bin/chromium");
    public static final String CHROMEDRIVER = System.getProperty("govshare.browser.chromedriver", "/usr/bin/chromedriver");
    public static final String DEMO_PASSWORD = "Demo@2026gov";
    public static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
    public static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    @LocalServerPort
    protected int port;

    @Autowired
    protected MessageSource messages;

    protected WebDriver driver;
    protected WebDriverWait wait;

    // ---- navigation and signing in

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    protected void open(String path) {
        driver.get(baseUrl() + path);
    }

    protected String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    /** Fills and submits the sign-in form; leaves the browser wherever the server sends it. */
    protected void signIn(String username, String password) {
        open("/login");
        WebElement user = driver.findElement(By.id("username"));
        user.clear();
        user.sendKeys(username);
        WebElement pass = driver.findElement(By.id("password"));
        pass.clear();
        pass.sendKeys(password);
        clickAndWaitForPage(By.id("login-submit"));
    }

    /** Makes sure the browser's session belongs to {@code username}, reusing it when it already does. */
    protected void signInAs(String username, String password) {
        open("/");
        if (!path().equals("/login")) {
            if (username.equals(driver.findElement(By.id("current-user")).getText())) {
                return;
            }
            signOut();
        }
        signIn(username, password);
        assertThat(path()).as("signed in as %s", username).isEqualTo("/");
        assertThat(text("#current-user")).isEqualTo(username);
    }

    protected void signInAs(String username) {
        signInAs(username, DEMO_PASSWORD);
    }

    protected void signOut() {
        clickAndWaitForPage(By.id("logout"));
        assertThat(path()).isEqualTo("/login");
    }

    // ---- page helpers

    protected WebElement $(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    protected List<WebElement> $$(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    protected String text(String css) {
        return $(css).getText().trim();
    }

    protected List<String> texts(String css) {
        return $$(css).stream().map(e -> e.getText().trim()).toList();
    }

    protected boolean present(String css) {
        return !$$(css).isEmpty();
    }

    protected void type(String css, String value) {
        WebElement field = $(css);
        field.clear();
        field.sendKeys(value);
    }

    /** Clicks something that loads a new page and waits until the old one is gone. */
    protected void clickAndWaitForPage(By by) {
        markCurrentPage();
        driver.findElement(by).click();
        waitForNewPage();
    }

    /** Clicks a button guarded by {@code data-confirm}, accepts the confirm dialog and waits for the next page. */
    protected void clickConfirmAndWaitForPage(WebElement button, String expectedQuestion) {
        markCurrentPage();
        button.click();
        var alert = wait.until(ExpectedConditions.alertIsPresent());
        assertThat(alert.getText()).isEqualTo(expectedQuestion);
        alert.accept();
        waitForNewPage();
    }

    /*
     * Page changes are detected by a mark on the old window object rather than by element staleness:
     * newer Chromium reports a detached node as "unknown error", which ExpectedConditions.stalenessOf
     * does not treat as stale and lets escape as a failure.
     */
    /** A wait that retries through transient driver errors (e.g. a document being replaced under it). */
    protected WebDriverWait tolerantWait() {
        WebDriverWait tolerant = new WebDriverWait(driver, WAIT);
        tolerant.ignoring(WebDriverException.class);
        return tolerant;
    }

    private void markCurrentPage() {
        ((JavascriptExecutor) driver).executeScript("window.__govshareOldPage = true");
    }

    private void waitForNewPage() {
        tolerantWait().until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return window.__govshareOldPage === undefined && document.readyState === 'complete'")));
    }

    /** Saves the current page as {@code target/browser-screenshots/<TestClass>-<step>.png} for a human to look at. */
    protected void screenshot(String step) {
        Browser.save(driver, getClass().getSimpleName() + "-" + step);
    }

    // ---- messages (the console speaks zh-CN unless switched)

    protected String zh(String key, Object... args) {
        return messages.getMessage(key, args, ZH);
    }

    protected String en(String key, Object... args) {
        return messages.getMessage(key, args, Locale.ENGLISH);
    }

    protected static boolean hasChinese(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    // ---- unique data

    /** A username no other test run in this database has used: lower case, starts with a letter. */
    protected static String uniqueUsername(String prefix) {
        return prefix + "_" + Long.toString(System.nanoTime(), 36) + ThreadLocalRandom.current().nextInt(100);
    }

    // ---- JSON API (test data set-up and API-key checks), with java.net.http

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    protected HttpResponse<String> apiGet(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(WAIT).GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    /** GET as a person with HTTP basic credentials; asserts 200. */
    protected JsonNode apiGetAs(String username, String path) {
        HttpResponse<String> response = apiGet(path, Map.of("Authorization", basic(username, DEMO_PASSWORD),
            "Accept", "application/json"));
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** POST JSON as a person with HTTP basic credentials; asserts 2xx. */
    protected JsonNode apiPostAs(String username, String path, Object body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(WAIT)
            .header("Authorization", basic(username, DEMO_PASSWORD))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .build();
        HttpResponse<String> response = send(request);
        assertThat(response.statusCode() / 100).as("POST %s: %s", path, response.body()).isEqualTo(2);
        return JSON.readTree(response.body());
    }

    protected static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    /** The id of the organization with exactly this name, looked up as the platform administrator. */
    protected String organizationId(String name) {
        JsonNode page = apiGetAs("admin", "/api/v1/organizations?size=200&q="
            + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8));
        for (JsonNode org : page.get("items")) {
            if (org.get("name").asString().equals(name)) {
                return org.get("id").asString();
            }
        }
        throw new AssertionError("no organization named " + name);
    }

    /** Creates a person through the JSON API as the platform administrator; returns the new user's id. */
    protected String createUser(String username, String displayName, String organizationId, String password, String... roles) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("displayName", displayName);
        body.put("organizationId", organizationId);
        body.put("password", password);
        body.put("roles", List.of(roles));
        return apiPostAs("admin", "/api/v1/users", body).get("id").asString();
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts Chromium before a test class, hands it to each test instance, screenshots failures and
     * quits after the class.
     */
    static final class Browser implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, TestWatcher {

        private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(Browser.class);
        private static final String DRIVER = "driver";
        private static final String PROFILE = "profile";
        private static final String UNAVAILABLE = "unavailable";

        @Override
        public void beforeAll(ExtensionContext context) throws IOException {
            boolean installed = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
            if (!installed) {
                String message = "Chromium not installed: browser tests skipped (apt-get install chromium chromium-driver)";
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    Assertions.fail("CI=true but " + CHROMIUM + " or " + CHROMEDRIVER
                        + " is missing: browser tests must run in CI (apt-get install chromium chromium-driver)");
                }
                // Not aborted here: failsafe counts a class aborted in beforeAll as 0 tests, 0 skipped, which
                // reads like a pass. Each test skips itself in beforeEach instead, so "Skipped: n" shows.
                System.err.println("WARNING: " + message);
                context.getStore(NS).put(UNAVAILABLE, message);
                return;
            }
            // No network: the driver path is given (service and system property), so Selenium Manager is never
            // asked to resolve or download anything; SE_AVOID_STATS would also keep it from phoning home if it were.
            System.setProperty("SE_AVOID_STATS", "true");
            System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER);
            Path profile = Files.createTempDirectory("govshare-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--no-default-browser-check", "--disable-quic", "--disable-extensions",
                "--disable-features=Translate,OptimizationHints,MediaRouter,PasswordLeakDetection",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1400,1000", "--lang=zh-CN");
            options.setExperimentalOption("prefs", Map.of(
                "credentials_enable_service", false,
                "profile.password_manager_enabled", false));
            ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort()
                .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
            ExtensionContext.Store store = context.getStore(NS);
            store.put(DRIVER, driver);
            store.put(PROFILE, profile);
        }

        @Override
        public void beforeEach(ExtensionContext context) {
            String unavailable = context.getStore(NS).get(UNAVAILABLE, String.class);
            Assumptions.assumeTrue(unavailable == null, unavailable);
            WebDriver driver = context.getStore(NS).get(DRIVER, WebDriver.class);
            BrowserTestSupport test = (BrowserTestSupport) context.getRequiredTestInstance();
            test.driver = driver;
            test.wait = new WebDriverWait(driver, WAIT);
        }

        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            WebDriver driver = context.getStore(NS).get(DRIVER, WebDriver.class);
            if (driver != null) {
                String method = context.getRequiredTestMethod().getName();
                String display = context.getDisplayName();
                // parameterized invocations get their display name ("[1] admin") so they don't overwrite each other
                String suffix = display.startsWith(method + "(") ? "" : "-" + display.replaceAll("[^\\p{Alnum}_-]+", "_");
                save(driver, context.getRequiredTestClass().getSimpleName() + "." + method + suffix);
            }
        }

        @Override
        public void afterAll(ExtensionContext context) throws IOException {
            ExtensionContext.Store store = context.getStore(NS);
            WebDriver driver = store.remove(DRIVER, WebDriver.class);
            if (driver != null) {
                driver.quit();
            }
            Path profile = store.remove(PROFILE, Path.class);
            if (profile != null) {
                try (Stream<Path> files = Files.walk(profile)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }

        /** Screenshot plus page source; never lets a broken browser hide the test's own failure. */
        static void save(WebDriver driver, String name) {
            try {
                Files.createDirectories(SCREENSHOTS);
                byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
                Files.write(SCREENSHOTS.resolve(name + ".png"), png);
                Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
            } catch (Exception e) {
                System.err.println("Could not save screenshot " + name + ": " + e);
            }
        }
    }
}
