package sale.itmall.assurance.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import sale.itmall.assurance.policy.AssetCategory;
import sale.itmall.assurance.process.ProcessContract;
import sale.itmall.assurance.process.ProcessContract.Elements;
import sale.itmall.assurance.process.StaffRole;
import sale.itmall.assurance.returns.ProcessDriver;
import sale.itmall.assurance.returns.ReturnRequests;
import sale.itmall.assurance.returns.Scenarios;
import sale.itmall.assurance.support.ApplicationTest;
import sale.itmall.assurance.support.Chromium;
import sale.itmall.assurance.support.Fixtures;

/**
 * The Self-Service Returns Center in a real headless Chromium (Debian's chromium and chromedriver; nothing downloads a
 * browser): sign-in, warranty lookup, the wizard with uploads and its error path, and the tracking page.
 * Screenshots land in target/screenshots.
 */
@ApplicationTest
class PortalBrowserTest {

    static final Path SHOTS = Path.of("target", "screenshots");
    static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ProcessDriver driver;

    @Autowired
    Scenarios scenarios;

    @Autowired
    JdbcClient jdbc;

    String customer;
    String username;
    String young;
    String spare;
    String referred;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = Chromium.start(1280, 1100);
        Files.createDirectories(SHOTS);
    }

    /** A page whose script fails is broken for the customer even when the server answered well. */
    @AfterEach
    void noScriptErrors() {
        assertThat(browser.manage().logs().get("browser").getAll())
                .noneMatch(entry -> entry.getLevel() == Level.SEVERE
                        && !(entry.getMessage().contains(browser.getCurrentUrl())
                                && (entry.getMessage().contains("status of 404")
                                        || entry.getMessage().contains("status of 413"))));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void customerWithAnOrder() {
        customer = fixtures.customer(true);
        username = fixtures.portalUser(customer);
        young = fixtures.asset(customer, AssetCategory.ENTERPRISE_INFRASTRUCTURE, 60, false);
        browser.manage().deleteAllCookies();
        signIn();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void signIn() {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("secret");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(() -> browser.getTitle().startsWith("My returns"));
    }

    void waitFor(BooleanSupplier condition) {
        Chromium.await(browser, condition);
    }

    String text() {
        return browser.findElement(By.tagName("main")).getText();
    }

    void shot(String name) throws IOException {
        File file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    String orderOf(String serial) {
        return jdbc.sql(
                        "select o.order_number from assets a join orders o on o.id = a.order_id where a.serial_number = ?")
                .param(serial)
                .query(String.class)
                .single();
    }

    @Test
    void aWarehouseScannerRecordsOneReceiptAfterAnotherAndEachIsAnsweredAtOnce() throws IOException {
        String onTime = scenarios.caseAwaitingReturn(customer, 60);
        String rmaOnTime = driver.facts(onTime).rmaNumber();
        String late = scenarios.caseAwaitingReturn(customer, 60);
        String rmaLate = driver.facts(late).rmaNumber();

        browser.manage().deleteAllCookies();
        String warehouse = fixtures.staffUser(StaffRole.WAREHOUSE, "wh-");
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(warehouse);
        browser.findElement(By.id("password")).sendKeys("secret");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(() -> !browser.getCurrentUrl().contains("/login"));
        browser.findElement(By.id("nav-scan")).click();
        waitFor(() -> browser.getTitle().startsWith("Scan returns"));

        // a handheld scanner is a keyboard: it types the code (in whatever case) and Enter, into the focused field
        scan(rmaOnTime.toLowerCase(Locale.ROOT));
        assertThat(latest()).contains("Received").contains(rmaOnTime).contains("case " + onTime);
        assertThat(latest()).doesNotContain("late");
        driver.awaitPassed(onTime, Elements.AWAIT_RETURN);

        scan(rmaOnTime);
        assertThat(latest()).contains("Already received").contains(rmaOnTime);

        scan("RMA-0000-999999");
        assertThat(latest()).contains("Unknown RMA").contains("set the unit aside");

        driver.advanceClock(Duration.ofDays(12));
        scan(rmaLate);
        assertThat(latest()).contains("Received late").contains("after its return-by date");
        assertThat(browser.findElement(By.id("latest")).getDomAttribute("class"))
                .contains("warn");

        assertThat(browser.findElements(By.cssSelector("#scans tbody tr"))).hasSize(4);
        shot("warehouse-scan");
        // each received unit went on in its process, received once
        driver.awaitPassed(late, Elements.AWAIT_RETURN);
        assertThat(jdbc.sql("select receipt_id from return_cases where reference = ?")
                        .param(onTime)
                        .query(String.class)
                        .single())
                .isEqualTo("SCAN-" + rmaOnTime);
    }

    void scan(String code) {
        String before = browser.findElements(By.id("latest")).isEmpty()
                ? ""
                : browser.findElement(By.id("latest")).getText()
                        + browser.findElements(By.cssSelector("#scans tbody tr"))
                                .size();
        WebElement focused = browser.switchTo().activeElement();
        assertThat(focused.getDomAttribute("id"))
                .as("the code field has the focus")
                .isEqualTo("code");
        focused.sendKeys(code + Keys.ENTER);
        waitFor(() -> !browser.findElements(By.id("latest")).isEmpty()
                && !(browser.findElement(By.id("latest")).getText()
                                + browser.findElements(By.cssSelector("#scans tbody tr"))
                                        .size())
                        .equals(before));
    }

    String latest() {
        return browser.findElement(By.id("latest")).getText();
    }

    @Test
    void aSuspendedCustomerIsToldWhyAndWhomToCallAndTheGovernanceTeamReinstatesTheAccount() throws IOException {
        String suspendedCustomer = fixtures.customer(false);
        username = fixtures.portalUser(suspendedCustomer);
        String caseRef = scenarios.caseAwaitingReturn(suspendedCustomer, 60);
        driver.advanceClock(Duration.ofDays(20).plusMinutes(1));
        driver.awaitClosed(caseRef);
        String rma = driver.facts(caseRef).rmaNumber();

        browser.manage().deleteAllCookies();
        signIn();
        String banner = browser.findElement(By.id("suspended")).getText();
        assertThat(banner)
                .contains("Your account is suspended since")
                .contains("Declined full-unit charge for " + rma)
                .contains("return the unit of that RMA")
                .contains("services@itmall.sale")
                .contains("+1-626-655-0998");
        shot("suspended-account");

        browser.manage().deleteAllCookies();
        String governance = fixtures.staffUser(StaffRole.SERVICE_GOVERNANCE, "gov-");
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(governance);
        browser.findElement(By.id("password")).sendKeys("secret");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(() -> !browser.getCurrentUrl().contains("/login"));
        browser.findElement(By.linkText("Suspended accounts")).click();
        waitFor(() -> browser.getTitle().startsWith("Suspended accounts"));
        WebElement account = browser.findElement(By.id("account-" + suspendedCustomer));
        assertThat(account.getText()).contains("Declined full-unit charge for " + rma);
        // a reinstatement without a reason is refused by name, and nothing changes
        ((JavascriptExecutor) browser)
                .executeScript("document.querySelectorAll('textarea').forEach(t => t.removeAttribute('required'))");
        account.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(() -> !browser.findElements(By.cssSelector("[role=alert]")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
                .contains("Say why");
        assertThat(fixtures.accountStatus(suspendedCustomer)).isEqualTo("SUSPENDED");

        account = browser.findElement(By.id("account-" + suspendedCustomer));
        account.findElement(By.tagName("textarea")).sendKeys("Charge paid by bank transfer on 2026-11-20");
        account.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(() ->
                browser.findElements(By.id("account-" + suspendedCustomer)).isEmpty());
        assertThat(text()).contains("Account " + suspendedCustomer + " reinstated");
        assertThat(fixtures.accountStatus(suspendedCustomer)).isEqualTo("ACTIVE");
        assertThat(jdbc.sql("select body from notifications where reference = ? and step like 'reinstated:%'")
                        .param(caseRef)
                        .query(String.class)
                        .single())
                .contains("Reason: Charge paid by bank transfer on 2026-11-20");

        browser.manage().deleteAllCookies();
        signIn();
        assertThat(browser.findElements(By.id("suspended"))).isEmpty();
    }

    @Test
    void theSessionCookieIsHttpOnlyAndStaysOnThisSite() {
        Cookie session = browser.manage().getCookieNamed("JSESSIONID");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
    }

    @Test
    void aWrongPasswordIsRefusedWithAMessage() {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("wrong");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(() -> browser.getCurrentUrl().contains("error"));
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
                .contains("not correct");
    }

    @Test
    void theWarrantyLookupShowsTermsAndRefusesSomeoneElsesSerial() throws IOException {
        browser.get(url("/warranty"));
        browser.findElement(By.id("serial")).sendKeys(young);
        browser.findElement(By.cssSelector("main form button")).click();
        waitFor(() -> text().contains("Warranty ends"));
        assertThat(text())
                .contains("Enterprise Infrastructure")
                .contains("Advance replacement")
                .contains("Eligible")
                .contains("Under ITMall warranty through");
        shot("warranty-lookup");

        String other = fixtures.asset(fixtures.customer(true), AssetCategory.ACCESSORY, 10, false);
        browser.findElement(By.id("serial")).clear();
        browser.findElement(By.id("serial")).sendKeys(other);
        browser.findElement(By.cssSelector("main form button")).click();
        waitFor(() -> text().contains("No asset with serial"));
        assertThat(browser.findElement(By.id("serial")).getAttribute("value")).isEqualTo(other);
        assertThat(browser.findElement(By.id("serial")).getAttribute("aria-invalid"))
                .isEqualTo("true");
    }

    @Test
    void theWizardSubmitsItemsWithProofsAndTheTrackingPageFollowsTheCase() throws IOException {
        String order = orderOf(young);
        Path photo = Files.write(
                Files.createTempFile("front-panel", ".png"),
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13});
        Path log = Files.writeString(Files.createTempFile("syslog", ".txt"), "fan0: speed 0 rpm\n");

        browser.get(url("/returns/new"));
        new Select(browser.findElement(By.id("order"))).selectByValue(order);
        browser.findElement(By.cssSelector("fieldset form button")).click();
        waitFor(() -> !browser.findElements(By.id("wizard")).isEmpty());

        WebElement item = browser.findElement(By.cssSelector(".item"));
        assertThat(item.getText()).contains(young).contains("Advance replacement if the defect is confirmed");
        item.findElement(By.cssSelector("input[type=checkbox]")).click();
        item.findElement(By.tagName("textarea")).sendKeys("Fans stop after boot; switch overheats");
        item.findElement(By.cssSelector("input[type=file]")).sendKeys(photo + "\n" + log);
        waitFor(() -> browser.findElement(By.id("review")).getText().contains("2 proof(s)"));
        assertThat(text()).contains("Sending the faulty unit to ITMall: paid by you");
        shot("wizard");
        browser.findElement(By.id("submit-return")).click();

        waitFor(() -> text().contains("received"));
        assertThat(text()).contains("Each item is now in remote diagnosis").contains(young);
        String caseRef = browser.findElement(By.cssSelector("table a")).getText();
        driver.awaitWaitingAt(caseRef, Elements.REMOTE_DIAGNOSIS);

        browser.findElement(By.linkText(caseRef)).click();
        waitFor(() -> text().contains("Progress"));
        assertThat(browser.findElements(By.cssSelector("ol.timeline li"))).hasSize(4);
        assertThat(browser.findElement(By.cssSelector("ol.timeline li.current")).getText())
                .contains("Remote diagnosis");
        assertThat(text()).contains("front-panel").contains("syslog");

        scenarios.authorize(caseRef);
        browser.navigate().refresh();
        String rma = driver.facts(caseRef).rmaNumber();
        assertThat(browser.findElement(By.id("rma-number")).getText()).isEqualTo(rma);
        assertThat(text())
                .contains("(10 days left)")
                .contains("Advance replacement")
                .contains("ITMall")
                .contains("charged the full unit price");
        browser.findElement(By.id("carrier")).sendKeys("DHL");
        browser.findElement(By.id("trackingNumber")).sendKeys("JD0142");
        browser.findElement(By.xpath("//button[text()='Save tracking']")).click();
        waitFor(() -> text().contains("Tracking saved"));
        shot("tracking");

        browser.findElement(By.linkText("Print the RMA slip")).click();
        waitFor(() -> text().contains("Return Merchandise Authorization"));
        assertThat(text()).contains(rma).contains(young).contains("Inbound freight is at your cost");
    }

    @Test
    void aWizardErrorKeepsWhatTheCustomerTyped() {
        String second = fixtures.asset(customer, AssetCategory.ACCESSORY, 30, false);
        jdbc.sql(
                        "update assets set order_id = (select order_id from assets where serial_number = ?) where serial_number = ?")
                .params(young, second)
                .update();
        browser.get(url("/returns/new?order=" + orderOf(young)));
        List<WebElement> items = browser.findElements(By.cssSelector(".item"));
        assertThat(items).hasSize(2);
        for (WebElement item : items) {
            item.findElement(By.cssSelector("input[type=checkbox]")).click();
        }
        items.get(0).findElement(By.tagName("textarea")).sendKeys("Described carefully");
        browser.findElement(By.id("submit-return")).click();

        waitFor(() -> !browser.findElements(By.id("wizard-error")).isEmpty());
        assertThat(browser.findElement(By.id("wizard-error")).getText()).contains("Describe the fault of");
        List<WebElement> again = browser.findElements(By.cssSelector(".item"));
        assertThat(again.get(0).findElement(By.tagName("textarea")).getAttribute("value"))
                .isEqualTo("Described carefully");
        assertThat(again.get(0)
                        .findElement(By.cssSelector("input[type=checkbox]"))
                        .isSelected())
                .isTrue();
        assertThat(jdbc.sql("select count(*) from return_cases c join assets a on a.id = c.asset_id "
                                + "where a.serial_number in (?, ?)")
                        .params(young, second)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aProofTooLargeIsRefusedByNameAndNothingTypedIsLost() throws IOException {
        Path scan = sized("warranty-scan", 12);
        browser.get(url("/returns/new?order=" + orderOf(young)));
        WebElement item = browser.findElement(By.cssSelector(".item"));
        item.findElement(By.cssSelector("input[type=checkbox]")).click();
        item.findElement(By.tagName("textarea")).sendKeys("Fans stop after boot");
        item.findElement(By.cssSelector("input[type=file]")).sendKeys(scan.toString());
        browser.findElement(By.id("submit-return")).click();

        // the page names the file before anything is sent
        waitFor(() -> !browser.findElements(By.id("upload-error")).isEmpty());
        assertThat(browser.findElement(By.id("upload-error")).getText())
                .contains(scan.getFileName().toString())
                .contains("larger than 10 MB");
        assertThat(item.findElement(By.tagName("textarea")).getAttribute("value"))
                .isEqualTo("Fans stop after boot");

        // a browser that does not check (no script): the server refuses the file by name and keeps the text
        ((JavascriptExecutor) browser).executeScript("document.getElementById('wizard').dataset.maxProofBytes = '0'");
        browser.findElement(By.id("submit-return")).click();
        waitFor(() -> !browser.findElements(By.id("wizard-error")).isEmpty());
        assertThat(browser.findElement(By.id("wizard-error")).getText()).contains("larger than 10 MB");
        assertThat(browser.findElement(By.cssSelector(".item textarea")).getAttribute("value"))
                .isEqualTo("Fans stop after boot");

        // beyond what the server reads at all: a page that says the upload is too large, not a CSRF error
        Path huge = sized("full-disk-image", 70);
        browser.get(url("/returns/new?order=" + orderOf(young)));
        ((JavascriptExecutor) browser).executeScript("document.getElementById('wizard').dataset.maxProofBytes = '0'");
        WebElement again = browser.findElement(By.cssSelector(".item"));
        again.findElement(By.cssSelector("input[type=checkbox]")).click();
        again.findElement(By.tagName("textarea")).sendKeys("Disk errors");
        again.findElement(By.cssSelector("input[type=file]")).sendKeys(huge.toString());
        browser.findElement(By.id("submit-return")).click();
        waitFor(() -> text().contains("That upload is too large"));
        assertThat(text()).doesNotContain("CSRF");
        assertThat(jdbc.sql("select count(*) from return_cases c join assets a on a.id = c.asset_id "
                                + "where a.serial_number = ?")
                        .param(young)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /** A file of the given size in MB (sparse: no disk is spent on it). */
    static Path sized(String name, int megabytes) throws IOException {
        Path file = Files.createTempFile(name, ".pdf");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(megabytes * 1024L * 1024L);
        }
        return file;
    }

    @Test
    void anItemThatCannotBeReturnedSaysWhyAndCannotBeSelected() {
        String planned = fixtures.asset(customer, AssetCategory.END_USER_TERMINAL, 30, true);
        browser.get(url("/returns/new?order=" + orderOf(planned)));
        WebElement item = browser.findElement(By.cssSelector(".item"));
        assertThat(item.getText()).contains("Cannot be returned").contains("manufacturer");
        assertThat(item.findElement(By.cssSelector("input[type=checkbox]")).isEnabled())
                .isFalse();
    }

    @Test
    void aCustomerCanCancelAReturnFromItsPage() {
        String caseRef = submitViaService();
        driver.awaitWaitingAt(caseRef, Elements.REMOTE_DIAGNOSIS);
        browser.get(url("/returns/" + caseRef));
        browser.findElement(By.id("reason")).sendKeys("Fixed it myself after the reboot");
        browser.findElement(By.xpath("//button[text()='Cancel return']")).click();
        waitFor(() -> text().contains("Cancellation requested"));
        driver.awaitClosed(caseRef);
        browser.navigate().refresh();
        assertThat(browser.findElement(By.id("outcome")).getText()).isEqualTo("Cancelled");
    }

    @Test
    void aCustomerReadsAPaidRepairQuoteOnTheReturnPageAndAcceptsIt() throws IOException {
        String caseRef = scenarios.quote(
                scenarios.caseAtDiagnosis(customer, AssetCategory.END_USER_TERMINAL, 400), "120.00", "USD");

        browser.get(url("/returns/" + caseRef));
        WebElement quote = browser.findElement(By.id("repair-quote"));
        assertThat(browser.findElement(By.id("quote-amount")).getText()).isEqualTo("120.00 USD");
        assertThat(browser.findElement(By.id("quote-valid-until")).getText()).endsWith("UTC");
        assertThat(quote.getText()).contains("ships back at your cost").contains("warranty does not change");
        shot("repair-quote");
        browser.findElement(By.id("accept-quote")).click();
        waitFor(() -> text().contains("Paid repair accepted"));
        assertThat(browser.findElement(By.id("quote-answer")).getText()).startsWith("You accepted this quote on");
        assertThat(browser.findElements(By.id("decline-quote"))).isEmpty();
        driver.awaitWaitingAt(caseRef, Elements.RMA_APPROVAL);
    }

    /**
     * TAC's question on the return's page, shown as TAC wrote it; the customer answers with text and a file; a file
     * that is not a proof is refused by name and what they typed stays in the field.
     */
    @Test
    void aCustomerAnswersTacsQuestionOnTheReturnPageWithAFile() throws IOException {
        String question = "Please send the <b>boot log</b> and a photo of the label.";
        String caseRef =
                scenarios.ask(scenarios.caseAtDiagnosis(customer, AssetCategory.END_USER_TERMINAL, 100), question);

        // the list of returns marks the one that waits for the customer
        browser.get(url("/"));
        assertThat(browser.findElement(By.cssSelector("td.awaits-you")).getText())
                .isEqualTo("Waiting for your answer");
        browser.get(url("/returns/" + caseRef));
        WebElement asked = browser.findElement(By.id("question-1"));
        assertThat(asked.findElement(By.cssSelector(".question-text")).getText())
                .isEqualTo(question);
        assertThat(asked.getText())
                .contains("Logs of the device")
                .containsPattern("Please answer by \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC");
        assertThat(text()).contains("Waiting for your answer to our question");

        Path program = Files.createTempFile("tool", ".exe");
        Files.write(program, new byte[] {'M', 'Z', 0, 0, 3});
        browser.findElement(By.id("answer")).sendKeys("Log attached; the label reads 48V.");
        browser.findElement(By.id("answer-files")).sendKeys(program.toString());
        browser.findElement(By.id("send-answer")).click();
        waitFor(() -> !browser.findElements(By.cssSelector("[role=alert]")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
                .contains(program.getFileName().toString())
                .contains("is not an accepted proof");
        assertThat(browser.findElement(By.id("answer")).getDomProperty("value"))
                .isEqualTo("Log attached; the label reads 48V.");

        Path log = Files.createTempFile("boot", ".log");
        Files.writeString(log, "fan0: stalled at 0 rpm\n");
        browser.findElement(By.id("answer-files")).sendKeys(log.toString());
        browser.findElement(By.id("send-answer")).click();
        waitFor(() -> text().contains("Thank you: your answer is with our technical support"));
        WebElement answered = browser.findElement(By.id("question-1"));
        assertThat(answered.getText())
                .contains("You answered on")
                .contains("Log attached; the label reads 48V.")
                .contains(log.getFileName().toString());
        assertThat(browser.findElements(By.id("send-answer"))).isEmpty();
        shot("question-answered");
        driver.awaitWaitingAt(caseRef, Elements.REMOTE_DIAGNOSIS);
    }

    /**
     * A user abroad chooses their language and time zone: the portal's pages, the return's deadlines and the RMA slip
     * follow it, while the account's mails keep the account's; a person not signed in picks a language on the sign-in
     * page.
     */
    @Test
    void aUserChoosesGermanAndTheirTimeZoneAndReadsTheirReturnInIt() throws IOException {
        String caseRef = scenarios.caseAwaitingReturn(customer, 60);
        Instant returnDueAt = jdbc.sql("select return_due_at from return_cases where reference = ?")
                .param(caseRef)
                .query(OffsetDateTime.class)
                .single()
                .toInstant();
        String tokyo = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm 'UTC'xxx")
                .withZone(ZoneId.of("Asia/Tokyo"))
                .format(returnDueAt);

        browser.findElement(By.id("nav-settings")).click();
        waitFor(() -> browser.getCurrentUrl().endsWith("/settings"));
        new Select(browser.findElement(By.id("language"))).selectByValue("de");
        new Select(browser.findElement(By.id("timeZone"))).selectByValue("Asia/Tokyo");
        browser.findElement(By.id("save-settings")).click();
        waitFor(() -> browser.findElements(By.id("settings-saved")).size() == 1);
        assertThat(browser.findElement(By.id("settings-saved")).getText())
                .isEqualTo("Ihre Einstellungen sind gespeichert.");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
        assertThat(browser.findElement(By.tagName("nav")).getText()).contains("Meine Rücksendungen", "Meine Geräte");

        browser.get(url("/returns/" + caseRef));
        assertThat(browser.getTitle()).startsWith("Rücksendung " + caseRef);
        assertThat(browser.findElement(By.id("return-by")).getText()).isEqualTo(tokyo);
        assertThat(text()).contains("Rücksendung bis", "Fortschritt", "Senden Sie das Gerät bis " + tokyo);
        assertThat(browser.findElement(By.id("time-zone")).getText()).isEqualTo("Zeiten in Asia/Tokyo.");
        shot("tracking-de");
        browser.get(url("/returns/" + caseRef + "/slip"));
        assertThat(browser.findElement(By.id("slip-return-by")).getText()).isEqualTo(tokyo);
        assertThat(text()).contains("Rücksendegenehmigung");

        // the mails go to the account's address in the account's language and zone, not this user's
        assertThat(jdbc.sql("select body from notifications n join return_cases c on c.id = n.case_id"
                                + " where c.reference = ? and n.step = 'rma-authorized'")
                        .param(caseRef)
                        .query(String.class)
                        .single())
                .startsWith("Dear ")
                .contains(" UTC");

        browser.findElement(By.xpath("//button[text()='Abmelden']")).click();
        waitFor(() -> browser.getCurrentUrl().contains("/login"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");
        browser.findElement(By.id("lang-de")).click();
        waitFor(() -> browser.findElement(By.tagName("h1")).getText().equals("Anmelden"));
        browser.get(url("/login"));
        assertThat(browser.findElement(By.id("forgot-password")).getText()).isEqualTo("Passwort vergessen?");
    }

    @Test
    void theCustomersEquipmentSortsFiltersAndStartsAReturnFromItsRow() throws IOException {
        String terminal = fixtures.asset(customer, AssetCategory.END_USER_TERMINAL, 400, false);
        String planned = fixtures.asset(customer, AssetCategory.ACCESSORY, 30, true);
        String ending = fixtures.asset(customer, AssetCategory.ACCESSORY, 350, false);
        browser.get(url("/"));
        browser.findElement(By.linkText("My equipment")).click();
        waitFor(() -> browser.getCurrentUrl().endsWith("/equipment"));
        assertThat(browser.findElement(By.id("equipment-count")).getText()).isEqualTo("4 of 4 assets");
        // by warranty end, soonest first (the default), then latest first
        assertThat(serials()).containsExactly(terminal, ending, planned, young);
        assertThat(browser.findElement(By.cssSelector("tr[data-serial='" + ending + "']"))
                        .getText())
                .contains("ends soon");
        assertThat(browser.findElement(By.cssSelector("th[aria-sort]")).getText())
                .startsWith("Warranty ends");
        browser.findElement(By.id("sort-warranty")).click();
        waitFor(() -> browser.getCurrentUrl().contains("dir=desc"));
        assertThat(serials()).containsExactly(young, planned, ending, terminal);
        assertThat(browser.findElements(By.cssSelector("tr[data-serial='" + young + "'] .ends-soon")))
                .isEmpty();
        WebElement plannedRow = browser.findElement(By.cssSelector("tr[data-serial='" + planned + "']"));
        assertThat(plannedRow.getText()).contains("Manufacturer plan");
        assertThat(plannedRow.findElements(By.cssSelector(".start-return"))).isEmpty();

        new Select(browser.findElement(By.id("cover"))).selectByVisibleText("Maintenance only");
        browser.findElement(By.xpath("//button[text()='Filter']")).click();
        waitFor(() -> browser.getCurrentUrl().contains("cover=MAINTENANCE_ONLY"));
        assertThat(serials()).containsExactly(terminal);
        assertThat(browser.findElement(By.id("equipment-count")).getText()).isEqualTo("1 of 4 assets");
        shot("equipment");

        browser.findElement(By.cssSelector("tr[data-serial='" + terminal + "'] .start-return"))
                .click();
        waitFor(() -> browser.getCurrentUrl().contains("/returns/new"));
        WebElement box = browser.findElement(By.cssSelector("input[data-serial='" + terminal + "']"));
        assertThat(box.isSelected()).isTrue();
    }

    @Test
    void aCustomerAsksForAnExtensionFromTheirEquipmentAndReadsTheGovernanceTeamsAnswerThere() throws IOException {
        String ending = fixtures.asset(customer, AssetCategory.END_USER_TERMINAL, 345, false);
        browser.get(url("/equipment"));
        WebElement row = browser.findElement(By.cssSelector("tr[data-serial='" + ending + "']"));
        click(row.findElement(By.tagName("summary")));
        row.findElement(By.tagName("textarea")).sendKeys("Two more years <b>please</b>");
        row.findElement(By.xpath(".//button[contains(., 'Service Governance Team')]"))
                .click();
        waitFor(() -> text().contains("sent to the Service Governance Team"));
        row = browser.findElement(By.cssSelector("tr[data-serial='" + ending + "']"));
        assertThat(row.getText()).contains("awaiting the Service Governance Team");
        assertThat(row.findElements(By.tagName("summary"))).isEmpty();

        String ref = row.findElement(By.cssSelector(".extension")).getText().replaceAll(".*\\((EX-[0-9-]+)\\).*", "$1");
        var task = driver.userTaskWith(
                ProcessContract.EXTENSION_PROCESS_ID, Elements.REVIEW_EXTENSION, "extensionRef", ref);
        assertThat(driver.variablesOf(task.processInstanceKey()))
                .containsEntry("customerNote", "Two more years <b>please</b>");
        driver.completeUserTask(
                task, Map.of("extensionDecision", "DECLINED", "extensionAnswer", "This model is end of life."));
        driver.awaitCompleted(task.processInstanceKey());
        browser.navigate().refresh();
        row = browser.findElement(By.cssSelector("tr[data-serial='" + ending + "']"));
        assertThat(row.getText()).contains("Extension declined").contains("This model is end of life.");
        shot("equipment-extension");
    }

    void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].click()", element);
    }

    List<String> serials() {
        return browser.findElements(By.cssSelector("#equipment tbody tr")).stream()
                .map(r -> r.getAttribute("data-serial"))
                .toList();
    }

    @Autowired
    ReturnRequests returnRequests;

    String submitViaService() {
        return returnRequests
                .submit(customer, null, List.of(new ReturnRequests.Item(young, "Port 12 dead")))
                .caseReferences()
                .get(0);
    }

    @Test
    void anotherCustomersReturnPageIsNotFound() {
        String other = fixtures.customer(true);
        String serial = fixtures.asset(other, AssetCategory.ACCESSORY, 10, false);
        String theirs = returnRequests
                .submit(other, null, List.of(new ReturnRequests.Item(serial, "Broken")))
                .caseReferences()
                .get(0);
        browser.get(url("/returns/" + theirs));
        assertThat(browser.getTitle()).startsWith("Not found");
        assertThat(text()).doesNotContain(serial);
    }
}
