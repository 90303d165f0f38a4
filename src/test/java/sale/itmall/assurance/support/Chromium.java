package sale.itmall.assurance.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through its chromedriver (nothing downloads a browser), with the flags this
 * machine's closed network needs; a fresh profile each time.
 */
public final class Chromium {

    private Chromium() {}

    /** How long a page may take to show what a test waits for. */
    public static final Duration WAIT = Duration.ofSeconds(15);

    /**
     * Waits until the condition holds on the page (a value other than null or false); an element read while the page
     * is being replaced (stale, or "does not belong to the document") is read again.
     */
    public static <T> T await(WebDriver browser, Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, timeout)
                .ignoring(WebDriverException.class)
                .until(condition::apply);
    }

    public static void await(WebDriver browser, BooleanSupplier condition) {
        await(browser, WAIT, d -> condition.getAsBoolean());
    }

    /** An element once the page that has it is loaded (a click may still be navigating to it). */
    public static WebElement element(WebDriver browser, Duration timeout, By by) {
        return await(browser, timeout, d -> d.findElement(by));
    }

    public static WebDriver start(int width, int height) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=" + width + "," + height,
                "--user-data-dir=" + Files.createTempDirectory("itmall-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
                .build();
        return new ChromeDriver(service, options);
    }
}
