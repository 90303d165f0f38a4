package sale.itmall.assurance.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The README's screenshots, taken of what a new user sees: the running demo (bin/run, demo profile) with its demo
 * customers and the local stack's Tasklist. Not part of the suite (no *Test/*IT name); bin/screenshots runs it and
 * writes docs/screenshots.
 */
class DemoScreenshots {

    static final String PORTAL = System.getProperty("itmall.portal", "http://127.0.0.1:8080");
    static final Path SHOTS = Path.of("docs", "screenshots");
    static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void theDemoAsANewUserSeesIt() throws Exception {
        Files.createDirectories(SHOTS);
        WebDriver browser = LocalStackIT.chromium();
        try {
            browser.manage().window().setSize(new Dimension(1280, 1100));
            browser.get(PORTAL + "/login");
            browser.findElement(By.id("username")).sendKeys("northwind");
            browser.findElement(By.id("password")).sendKeys("demo");
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            wait(browser).until(d -> d.getTitle().startsWith("My returns"));

            browser.get(PORTAL + "/warranty?serial=SN-ENT-0001");
            shot(browser, "warranty-lookup");

            // Northwind's order SO-240101 holds the 195-day-old switch SN-ENT-0001 (demo data); on a demo that already
            // has it in a return, the first item that can still be returned
            browser.get(PORTAL + "/returns/new?order=SO-240101");
            WebElement item = wait(browser)
                    .until(d -> d.findElements(By.cssSelector("input[type=checkbox][data-serial]")).stream()
                            .filter(WebElement::isEnabled)
                            .findFirst()
                            .orElseThrow(() -> new IllegalStateException(
                                    "No item of SO-240101 can be returned: start from a fresh demo")));
            LocalStackIT.click(browser, item);
            WebElement fault = browser.findElement(By.xpath("//input[@data-serial='"
                    + item.getDomAttribute("data-serial") + "']/ancestor::div[contains(@class,'item')][1]//textarea"));
            fault.sendKeys("Link drops every few minutes; the port LED blinks amber");
            shot(browser, "wizard");
            LocalStackIT.click(browser, browser.findElement(By.id("submit-return")));
            wait(browser).until(d -> d.getTitle().startsWith("My returns"));

            WebElement newest = browser.findElement(By.cssSelector("table a[href^='/returns/RC-']"));
            String caseRef = newest.getText();
            newest.click();
            wait(browser).until(d -> d.findElement(By.tagName("main")).getText().contains(caseRef));
            shot(browser, "tracking");

            browser.get(LocalStackIT.WEBAPPS + "/tasklist/login");
            browser.findElement(By.name("username")).sendKeys("demo");
            browser.findElement(By.name("password")).sendKeys("demo");
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            wait(browser).until(d -> !d.getCurrentUrl().contains("/login"));
            browser.manage().window().setSize(new Dimension(1400, 1800));
            await().atMost(WAIT)
                    .pollInterval(Duration.ofSeconds(2))
                    .ignoreExceptions()
                    .until(() -> {
                        browser.get(LocalStackIT.WEBAPPS + "/tasklist/" + newestRemoteDiagnosis());
                        return new WebDriverWait(browser, Duration.ofSeconds(10))
                                .until(d -> d.findElement(By.tagName("main"))
                                        .getText()
                                        .contains("Case " + caseRef));
                    });
            shot(browser, "tasklist-remote-diagnosis");
        } finally {
            browser.quit();
        }
    }

    static WebDriverWait wait(WebDriver browser) {
        return new WebDriverWait(browser, WAIT);
    }

    static long newestRemoteDiagnosis() throws Exception {
        JsonNode items = LocalStackIT.post(
                        LocalStackIT.BROKER + "/v2/user-tasks/search",
                        Map.of("filter", Map.of("elementId", "Task_RemoteDiagnosis", "state", "CREATED")))
                .path("items");
        long newest = -1;
        for (JsonNode task : items) {
            // the 8.6 broker names it "key", 8.8 "userTaskKey"
            newest = Math.max(newest, (task.has("userTaskKey") ? task.get("userTaskKey") : task.get("key")).asLong());
        }
        assertThat(newest).isPositive();
        return newest;
    }

    static void shot(WebDriver browser, String name) throws Exception {
        Files.copy(
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                SHOTS.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
        SHOTS.resolve(name + ".png").toFile().setReadable(true, false);
    }
}
