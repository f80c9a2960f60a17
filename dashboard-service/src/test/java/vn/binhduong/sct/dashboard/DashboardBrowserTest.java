package vn.binhduong.sct.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The pages in Debian's headless Chromium (through /usr/bin/chromedriver) over the stand-in's 2021 answers: the
 * browser steps of the issue, for developing them without the whole stack (deploy/launcher's DashboardBrowserIT runs
 * the same steps on the real one). Skips when /usr/bin/chromium is missing. Screenshots: target/screenshots/.
 */
@QuarkusTest
@QuarkusTestResource(value = ReportServiceStandIn.class, restrictToAnnotatedClass = true)
class DashboardBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target/screenshots");

    @TestHTTPResource("/")
    String base;

    WebDriver browser;
    Path downloads;

    @BeforeEach
    void open() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "browser tests skipped: no /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
        ReportServiceStandIn.reset();
        Files.createDirectories(SHOTS);
        downloads = Files.createTempDirectory("dashboard-downloads");
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1366,768",
                "--user-data-dir=" + Files.createTempDirectory("dashboard-chromium"));
        o.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        browser = new ChromeDriver(service, o);
        browser.manage().window().setSize(new Dimension(1366, 768));
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theCommitteeLogsInReadsTheYearOpensAChartAndDownloadsTheDocx() throws Exception {
        browser.get(base + "o/DB-SCT/2021");
        assertTrue(browser.getCurrentUrl().contains("/login?next="), browser.getCurrentUrl());
        shot("local-login");
        // keyboard only: the username field has the focus; Tab to the password, Enter submits
        browser.switchTo().activeElement().sendKeys("committee");
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        browser.switchTo().activeElement().sendKeys("committee-pass", Keys.ENTER);
        wait(d -> d.getCurrentUrl().endsWith("/o/DB-SCT/2021"));
        String overview = browser.findElement(By.tagName("main")).getText();
        for (String expected : List.of("Tổng số đảng viên\n60", "Lượt xét nghiệm (lũy kế)\n69.180", "tăng 4,51%", "tăng 9,2%",
                "Chưa đạt", "0,57%", "04/12/2021")) {
            assertTrue(overview.contains(expected), "missing " + expected + " in:\n" + overview);
        }
        assertTrue(browser.findElements(By.cssSelector("svg[role=img] title")).size() >= 4, "the groups' charts");
        shot("local-overview-1366");
        fullPage("local-overview-1366-full");

        // the first Tab reaches the skip link; it moves the focus to the content
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertEquals("Bỏ qua, tới nội dung chính", browser.switchTo().activeElement().getText());

        browser.findElement(By.cssSelector("[data-code='indicator.IIP'] a")).click();
        wait(d -> d.getCurrentUrl().contains("/history?key=indicator.IIP.growth"));
        WebElement chart = browser.findElement(By.cssSelector("#history-chart svg"));
        assertTrue(chart.getText().contains("4,51%") && chart.getText().contains("8,02%"), chart.getText());
        shot("local-history-iip-1366");

        browser.findElement(By.linkText("Báo cáo")).click();
        wait(d -> d.getCurrentUrl().endsWith("/reports"));
        assertTrue(browser.getPageSource().contains("fb271c5e1f49533ed1bdf15b482ea1ce54a0cb48404487e54c41ff58a21968dc"));
        assertFalse(browser.findElements(By.id("generate")).isEmpty(), "the committee may generate");
        shot("local-reports-1366");
        browser.findElement(By.cssSelector("a[href$='/reports/1.docx']")).click();
        Path docx = downloads.resolve("bao-cao-DB-SCT-2021-v1.docx");
        wait(d -> Files.exists(docx));
        byte[] bytes = Files.readAllBytes(docx);
        assertEquals('P', bytes[0]);
        assertEquals('K', bytes[1]);

        browser.findElement(By.linkText("Phiên bản 1")).click();
        wait(d -> !d.findElements(By.cssSelector("iframe.report-frame")).isEmpty());
        browser.switchTo().frame(browser.findElement(By.cssSelector("iframe.report-frame")));
        wait(d -> d.findElement(By.tagName("body")).getText().contains("69.180"));
        browser.switchTo().defaultContent();
        shot("local-report-in-place-1366");
    }

    @Test
    void aViewerOnAPhoneSeesTheFiguresAndNoGenerateButtonAndTheFigureChangesWithoutReload() throws Exception {
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(base + "login");
        browser.findElement(By.id("username")).sendKeys("viewer");
        browser.findElement(By.id("password")).sendKeys("viewer-pass");
        browser.findElement(By.id("login-submit")).click();
        wait(d -> d.getCurrentUrl().endsWith("/o/DB-SCT/2021"));
        long width = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
        assertTrue(width <= 390, "the page scrolls sideways on a phone: " + width);
        shot("local-overview-phone");
        ((JavascriptExecutor) browser).executeScript("window.sameDocument = true");

        // an event is applied: the API's figure changes, the page shows it without a reload
        String dashboard = ReportServiceStandIn.fixture("dashboard.json").replaceFirst("\"value\": 60,", "\"value\": 61,")
                .replaceFirst("\"text\": \"60\"", "\"text\": \"61\"");
        assertTrue(dashboard.contains("\"text\": \"61\""), "the stand-in's answer did not change");
        ReportServiceStandIn.server.stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/v1/dashboards/DB-SCT/2021")).atPriority(1)
                .willReturn(WireMock.okJson(dashboard)));
        ReportServiceStandIn.server.stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/v1/projections/events")).atPriority(1)
                .willReturn(WireMock.okJson("[{\"source\":\"member-service\",\"eventType\":\"member.registered\",\"applied\":999,"
                        + "\"lastOccurredAt\":\"2021-12-20T03:00:00Z\"}]")));
        wait(d -> d.findElement(By.cssSelector("[data-code='membership.total'] .tile-value")).getText().equals("61"));
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript("return window.sameDocument"), "the page reloaded");
        assertTrue(browser.findElement(By.id("freshness")).getText().contains("10:00:00 20/12/2021"));
        shot("local-overview-phone-updated");

        browser.get(base + "o/DB-SCT/2021/reports");
        assertTrue(browser.findElements(By.id("generate")).isEmpty(), "a viewer is offered no generate button");
        shot("local-reports-phone");
    }

    private void wait(java.util.function.Function<WebDriver, Boolean> until) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(until::apply);
    }

    private void shot(String name) throws IOException {
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private void fullPage(String name) throws IOException {
        Dimension before = browser.manage().window().getSize();
        long h = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(h + 120, 8000)));
        shot(name);
        browser.manage().window().setSize(before);
    }
}
