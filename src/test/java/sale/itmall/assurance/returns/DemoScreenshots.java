package sale.itmall.assurance.returns;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import sale.itmall.assurance.support.Chromium;

/**
 * The README's screenshots, taken of what a new user sees: the running demo (bin/run, demo profile) with its demo
 * customers and the staff task queue. Not part of the suite (no *Test/*IT name); bin/screenshots runs it and
 * writes docs/screenshots.
 */
class DemoScreenshots {

    static final String PORTAL = System.getProperty("itmall.portal", "http://127.0.0.1:8080");
    static final Path SHOTS = Path.of("docs", "screenshots");
    static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void theDemoAsANewUserSeesIt() throws Exception {
        Files.createDirectories(SHOTS);
        WebDriver browser = Chromium.start(1280, 1100);
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
            click(browser, item);
            WebElement fault = browser.findElement(By.xpath("//input[@data-serial='"
                    + item.getDomAttribute("data-serial") + "']/ancestor::div[contains(@class,'item')][1]//textarea"));
            fault.sendKeys("Link drops every few minutes; the port LED blinks amber");
            shot(browser, "wizard");
            click(browser, browser.findElement(By.id("submit-return")));
            wait(browser).until(d -> d.getTitle().startsWith("My returns"));

            WebElement newest = browser.findElement(By.cssSelector("table a[href^='/returns/RC-']"));
            String caseRef = newest.getText();
            newest.click();
            wait(browser).until(d -> d.findElement(By.tagName("main")).getText().contains(caseRef));
            shot(browser, "tracking");

            // the TAC engineer takes the new return's remote diagnosis from the portal's task queue
            browser.manage().deleteAllCookies();
            browser.get(PORTAL + "/login");
            browser.findElement(By.id("username")).sendKeys("tac");
            browser.findElement(By.id("password")).sendKeys("demo");
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            wait(browser).until(d -> !d.getCurrentUrl().contains("/login"));
            browser.manage().window().setSize(new Dimension(1280, 1600));
            await().atMost(WAIT).ignoreExceptions().until(() -> {
                browser.get(PORTAL + "/staff/tasks?caseReference=" + caseRef);
                return !browser.findElements(By.cssSelector("tr[data-element='Task_RemoteDiagnosis']"))
                        .isEmpty();
            });
            shot(browser, "staff-task-queue");
            click(browser, browser.findElement(By.cssSelector("tr[data-element='Task_RemoteDiagnosis'] button.take")));
            wait(browser).until(d -> d.findElement(By.cssSelector("#task-form[data-ready=true]")));
            shot(browser, "staff-task-remote-diagnosis");
        } finally {
            browser.quit();
        }
    }

    static WebDriverWait wait(WebDriver browser) {
        return new WebDriverWait(browser, WAIT);
    }

    static void click(WebDriver browser, WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        wait(browser).until(d -> element.isDisplayed() && element.isEnabled());
        element.click();
    }

    static void shot(WebDriver browser, String name) throws Exception {
        Files.copy(
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                SHOTS.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
        SHOTS.resolve(name + ".png").toFile().setReadable(true, false);
    }
}
