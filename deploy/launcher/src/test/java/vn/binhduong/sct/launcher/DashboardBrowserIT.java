package vn.binhduong.sct.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard issue's acceptance in a real browser: the whole stack with the 2021 demo, dashboard-service among
 * it, driven through Debian's headless Chromium. Log in, read the 2021 overview with the seed's figures, open a
 * chart, download the DOCX, a viewer sees no personal data, a cell secretary is refused what the API refuses, and a
 * figure changes on the open page after a new event is written through covid-ops-service's API. Screenshots of each
 * page at 1366x768 and at a phone width: deploy/launcher/target/dashboard-screenshots/. Skips without /usr/bin/chromium.
 */
class DashboardBrowserIT {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @Test
    void theCommitteesYearInTheBrowser() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "browser test skipped: no /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
        Path home = Path.of(System.getProperty("sct.home", "../..")).toAbsolutePath().normalize();
        Path data = home.resolve("deploy/launcher/target/dashboard-it-data");
        Path shots = home.resolve("deploy/launcher/target/dashboard-screenshots");
        Files.createDirectories(shots);
        Options options = Options.parse("--home", home.toString(), "--data", data.toString(), "--reset",
                "--pg-port", "0", "--kafka-port", "0", "--base-port", "0", "--demo", "2021");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (Launcher launcher = new Launcher(options, new PrintStream(console, true, StandardCharsets.UTF_8))) {
            launcher.start();
            launcher.runSteps();
            String dashboard = launcher.url("dashboard-service");
            assertTrue(console.toString(StandardCharsets.UTF_8).contains(dashboard), "the launcher prints the dashboard's URL");
            Map<String, String> passwords = passwords(data.resolve("dashboard-users.txt"));
            List<String> nationalIds = nationalIds(home.resolve("deploy/demo/2021/member-service.json"));
            List<String> names = fullNames(home.resolve("deploy/demo/2021/member-service.json"));

            try (Chromium c = new Chromium(1366, 768)) {
                WebDriver b = c.driver;
                // log in with the keyboard
                b.get(dashboard + "/");
                c.until(d -> d.getCurrentUrl().contains("/login"));
                c.shot(shots, "login-1366");
                b.switchTo().activeElement().sendKeys("committee", Keys.TAB);
                b.switchTo().activeElement().sendKeys(passwords.get("committee"), Keys.ENTER);
                c.until(d -> d.getCurrentUrl().endsWith("/o/DB-SCT/2021"));
                String overview = b.findElement(By.tagName("main")).getText();
                for (String seed : List.of("Tổng số đảng viên\n60", "Lượt xét nghiệm (lũy kế)\n69.180", "tăng 4,51%",
                        "tăng 9,2%", "Chưa đạt", "0,57%", "1.646", "Số liệu đến ngày 04/12/2021")) {
                    assertTrue(overview.contains(seed), "missing " + seed + " in:\n" + overview);
                }
                c.shot(shots, "overview-committee-1366");
                c.fullPage(shots, "overview-committee-1366-full");

                // a chart: the IIP across the years against its plan
                b.findElement(By.cssSelector("[data-code='indicator.IIP'] a")).click();
                c.until(d -> d.getCurrentUrl().contains("history?key=indicator.IIP.growth"));
                String chart = b.findElement(By.cssSelector("#history-chart svg")).getText();
                assertTrue(chart.contains("4,51%") && chart.contains("KH 9,2%"), chart);
                c.shot(shots, "history-iip-1366");

                // generate now, then download the DOCX of that version
                b.findElement(By.linkText("Báo cáo")).click();
                c.until(d -> d.getCurrentUrl().endsWith("/reports"));
                b.findElement(By.id("generate")).click();
                c.until(d -> !d.findElements(By.id("generated")).isEmpty());
                String version = b.findElement(By.id("generated")).getText().replaceAll("\\D", "");
                c.shot(shots, "reports-committee-1366");
                b.findElement(By.cssSelector("a[href$='/reports/" + version + ".docx']")).click();
                Path docx = c.downloads.resolve("bao-cao-DB-SCT-2021-v" + version + ".docx");
                c.until(d -> Files.exists(docx));
                byte[] bytes = Files.readAllBytes(docx);
                assertTrue(bytes.length > 1000 && bytes[0] == 'P' && bytes[1] == 'K', "a DOCX (zip) file");
                b.findElement(By.linkText("Phiên bản " + version)).click();
                b.switchTo().frame(b.findElement(By.cssSelector("iframe.report-frame")));
                c.until(d -> d.findElement(By.tagName("body")).getText().contains("69.180"));
                b.switchTo().defaultContent();
                c.shot(shots, "report-in-place-1366");

                // a figure changes on the open page after a new event is written through the API
                b.get(dashboard + "/o/DB-SCT/2021");
                ((JavascriptExecutor) b).executeScript("window.sameDocument = true");
                HttpResponse<String> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(launcher.url("covid-ops-service") + "/api/v1/testing/reported-totals"))
                        .header("Authorization", "Bearer " + launcher.token("admin")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"campaignCode\":\"XN-2050\",\"asOf\":\"2021-12-20\","
                                + "\"testsPerformed\":70125,\"positives\":401,\"source\":\"DashboardBrowserIT\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(201, posted.statusCode(), posted.body());
                c.until(Duration.ofSeconds(90), d -> d.findElement(
                        By.cssSelector("[data-code='covid.tests.cumulative'] .tile-value")).getText().equals("70.125"));
                assertEquals(Boolean.TRUE, ((JavascriptExecutor) b).executeScript("return window.sameDocument"), "the page reloaded");
                c.shot(shots, "overview-after-event-1366");
            }

            // a viewer, on a phone: aggregates and reports, no personal data, no generate button
            try (Chromium c = new Chromium(390, 844)) {
                WebDriver b = c.driver;
                b.get(dashboard + "/login");
                b.findElement(By.id("username")).sendKeys("viewer");
                b.findElement(By.id("password")).sendKeys(passwords.get("viewer"), Keys.ENTER);
                c.until(d -> d.getCurrentUrl().endsWith("/o/DB-SCT/2021"));
                long width = (Long) ((JavascriptExecutor) b).executeScript("return document.documentElement.scrollWidth");
                assertTrue(width <= 390, "the overview scrolls sideways on a phone: " + width);
                assertTrue(b.findElement(By.tagName("main")).getText().contains("70.125"), "the viewer sees the same figures");
                c.shot(shots, "overview-viewer-phone");
                c.fullPage(shots, "overview-viewer-phone-full");
                List<String> pages = new ArrayList<>();
                pages.add(b.getPageSource());
                b.get(dashboard + "/o/DB-SCT/2021/reports");
                assertTrue(b.findElements(By.id("generate")).isEmpty(), "a viewer is offered no generate button");
                c.shot(shots, "reports-viewer-phone");
                pages.add(b.getPageSource());
                b.get(dashboard + "/o/DB-SCT/history?key=member.count.total&year=2021");
                c.shot(shots, "history-members-phone");
                pages.add(b.getPageSource());
                for (String page : pages) {
                    for (String id : nationalIds) {
                        assertFalse(page.contains(id), "a national ID on a viewer's page");
                    }
                    for (String name : names) {
                        assertFalse(page.contains(name), "a member's name on a viewer's page: " + name);
                    }
                }
            }

            // a cell secretary: the API refuses the dashboard, and so does the page
            try (Chromium c = new Chromium(1366, 768)) {
                WebDriver b = c.driver;
                b.get(dashboard + "/login");
                b.findElement(By.id("username")).sendKeys("secretary-cb1");
                b.findElement(By.id("password")).sendKeys(passwords.get("secretary-cb1"), Keys.ENTER);
                c.until(d -> d.getPageSource().contains("không có quyền"));
                c.shot(shots, "overview-cell-secretary-refused-1366");
                b.findElement(By.cssSelector("form[action='/logout'] button")).click();
                c.until(d -> d.getCurrentUrl().contains("/login?out=true"));
                b.get(dashboard + "/o/DB-SCT/2021");
                c.until(d -> d.getCurrentUrl().contains("/login?next="));
            }
        }
    }

    /** Headless Chromium through chromedriver, a fresh profile and download directory, nothing fetched from outside. */
    static final class Chromium implements AutoCloseable {
        final WebDriver driver;
        final Path downloads;

        Chromium(int width, int height) throws IOException {
            downloads = Files.createTempDirectory("dashboard-it-downloads");
            ChromeOptions o = new ChromeOptions();
            o.setBinary(CHROMIUM.toFile());
            o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--window-size=" + width + "," + height, "--user-data-dir=" + Files.createTempDirectory("dashboard-it-chromium"));
            o.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false));
            driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(), o);
            driver.manage().window().setSize(new Dimension(width, height));
        }

        void until(java.util.function.Function<WebDriver, Boolean> condition) {
            until(Duration.ofSeconds(20), condition);
        }

        void until(Duration timeout, java.util.function.Function<WebDriver, Boolean> condition) {
            new WebDriverWait(driver, timeout).until(condition::apply);
        }

        void shot(Path dir, String name) throws IOException {
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        }

        void fullPage(Path dir, String name) throws IOException {
            Dimension before = driver.manage().window().getSize();
            long h = (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight");
            driver.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(h + 120, 9000)));
            shot(dir, name);
            driver.manage().window().setSize(before);
        }

        @Override
        public void close() {
            driver.quit();
        }
    }

    /** username → password from the launcher's users file (username TAB password TAB role TAB cell). */
    private static Map<String, String> passwords(Path usersFile) throws IOException {
        Map<String, String> m = new HashMap<>();
        for (String line : Files.readAllLines(usersFile)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] f = line.split("\t");
                m.put(f[0], f[1]);
            }
        }
        for (String u : List.of("admin", "viewer", "committee", "secretary-cb1")) {
            assertTrue(m.containsKey(u), "no user " + u + " in " + usersFile);
        }
        return m;
    }

    private static List<String> nationalIds(Path memberDemo) throws IOException {
        return all(memberDemo, "\"nationalId\"\\s*:\\s*\"([0-9]{9,12})\"");
    }

    private static List<String> fullNames(Path memberDemo) throws IOException {
        return all(memberDemo, "\"fullName\"\\s*:\\s*\"([^\"]+)\"");
    }

    private static List<String> all(Path file, String regex) throws IOException {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(Files.readString(file));
        while (m.find()) {
            found.add(m.group(1));
        }
        assertFalse(found.isEmpty(), "nothing to look for: " + regex);
        return found;
    }
}
