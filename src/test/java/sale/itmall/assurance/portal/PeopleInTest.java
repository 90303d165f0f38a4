package sale.itmall.assurance.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import sale.itmall.assurance.support.ApplicationTest;
import sale.itmall.assurance.support.Chromium;
import sale.itmall.assurance.support.Fixtures;
import sale.itmall.assurance.support.TestMail;

/**
 * People in (issue #10), in a real browser with the mails from a real SMTP server: a service administrator invites a
 * customer's user by e-mail, the user chooses a password from the single-use link and signs in, resets a forgotten
 * password the same way, and is deactivated.
 */
@ApplicationTest
class PeopleInTest {

    static final String GOOD_PASSWORD = "correct horse battery staple";
    static final Pattern LINK = Pattern.compile("http://\\S+?(/(invitations|password-reset)/[A-Za-z0-9_-]+)");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    WebDriver browser;

    @BeforeEach
    void browser() throws Exception {
        browser = Chromium.start(1280, 1000);
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    void signIn(String user, String password) {
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    String text() {
        return browser.findElement(By.tagName("main")).getText();
    }

    void waitFor(BooleanSupplier condition) {
        Chromium.await(browser, condition);
    }

    WebElement element(By by) {
        return Chromium.element(browser, Chromium.WAIT, by);
    }

    /** The path of the link in the latest mail of the kind to this person, once it has arrived. */
    String linkIn(String recipient, String kind) throws Exception {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> TestMail.to(recipient).stream().anyMatch(m -> body(m).contains("/" + kind + "/")));
        List<MimeMessage> mails = TestMail.to(recipient);
        Matcher m = LINK.matcher(body(mails.getLast()));
        assertThat(m.find()).isTrue();
        return "http://localhost:" + port + m.group(1);
    }

    static String body(MimeMessage m) {
        try {
            return TestMail.text(m);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void choosePassword(String password, String repeated) {
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("repeated")).sendKeys(repeated);
        browser.findElement(By.id("set-password")).click();
    }

    @Test
    void anInvitedUserChoosesAPasswordResetsItAndCanBeDeactivated() throws Exception {
        String customer = fixtures.customer(true);
        String admin = fixtures.adminUser();
        String jane = "jane-" + UUID.randomUUID().toString().substring(0, 6) + "@acme.example";

        // the administrator invites Jane from the installed-base page
        signIn(admin, "secret");
        element(By.linkText("Installed base")).click();
        element(By.id("customer")).sendKeys(customer);
        element(By.id("open-users")).click();
        element(By.id("email")).sendKeys(jane);
        browser.findElement(By.id("invite")).click();
        waitFor(() -> text().contains("Invitation sent to " + jane));
        String invitation = linkIn(jane, "invitations");
        assertThat(body(TestMail.to(jane).getLast())).contains("Customer " + customer);

        // Jane opens the link, is refused a weak password, then chooses a good one and signs in
        browser.manage().deleteAllCookies();
        browser.get(invitation);
        assertThat(browser.findElement(By.id("user-name")).getText()).isEqualTo(jane);
        choosePassword("password1234", "password1234");
        waitFor(() -> !browser.findElements(By.id("password-error")).isEmpty());
        assertThat(browser.findElement(By.id("password-error")).getText()).contains("too easy to guess");
        choosePassword(GOOD_PASSWORD, GOOD_PASSWORD);
        waitFor(() -> text().contains("Your password is saved"));
        signIn(jane, GOOD_PASSWORD);
        waitFor(() -> browser.getTitle().startsWith("My returns"));

        // the link works once
        browser.manage().deleteAllCookies();
        browser.get(invitation);
        assertThat(browser.findElement(By.id("link-refused")).getText()).contains("expired or was used");

        // a forgotten password: a link by mail, a new password, the old one no longer works
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("forgot-password")).click();
        browser.findElement(By.id("email")).sendKeys(jane);
        browser.findElement(By.id("send-reset")).click();
        waitFor(() -> text().contains("a link to choose a new password is on its way"));
        browser.get(linkIn(jane, "password-reset"));
        choosePassword("a brand new passphrase", "a brand new passphrase");
        waitFor(() -> text().contains("Your new password is saved"));
        signIn(jane, GOOD_PASSWORD);
        waitFor(() -> text().contains("not correct"));
        signIn(jane, "a brand new passphrase");
        waitFor(() -> browser.getTitle().startsWith("My returns"));
        // sign-in mails are for one person: never on the account's Messages page
        browser.get("http://localhost:" + port + "/messages");
        assertThat(text()).doesNotContain("/invitations/").doesNotContain("/password-reset/");

        // the administrator deactivates Jane: her sign-in is refused with a reason
        signIn(admin, "secret");
        waitFor(() -> browser.getTitle().startsWith("Reports"));
        browser.get("http://localhost:" + port + "/staff/customers/" + customer + "/users");
        assertThat(text()).contains(jane).contains("active");
        browser.findElement(By.xpath("//button[text()='Deactivate']")).click();
        waitFor(() -> text().contains(jane + " can no longer sign in"));
        signIn(jane, "a brand new passphrase");
        waitFor(() -> text().contains("deactivated"));

        // an address nobody has gets the same answer and no mail
        browser.get("http://localhost:" + port + "/password-reset");
        String nobody = "nobody-" + UUID.randomUUID().toString().substring(0, 6) + "@acme.example";
        browser.findElement(By.id("email")).sendKeys(nobody);
        browser.findElement(By.id("send-reset")).click();
        waitFor(() -> text().contains("a link to choose a new password is on its way"));
        assertThat(jdbc.sql("select count(*) from notifications where recipient = ?")
                        .param(nobody)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /**
     * Staff come in with the roles their work needs: a TAC engineer and RMA approver sees the staff reports but not the
     * service administrator's pages until an administrator gives them that role; the roles are the candidate groups of
     * the Tasklist tasks ({@code ProcessContractTest}).
     */
    @Test
    void aServiceAdministratorInvitesStaffWithTheRolesOfTheirWork() throws Exception {
        String admin = fixtures.adminUser();
        String tess = "tess-" + UUID.randomUUID().toString().substring(0, 6) + "@itmall.example";

        signIn(admin, "secret");
        element(By.linkText("Staff")).click();
        element(By.id("staff-email")).sendKeys(tess);
        browser.findElement(By.id("invite-rma-approvers")).click();
        browser.findElement(By.id("invite-tac-engineers")).click();
        browser.findElement(By.id("invite-staff")).click();
        waitFor(() -> text().contains("Invitation sent to " + tess + " as TAC engineer, RMA approver."));
        String invitation = linkIn(tess, "invitations");
        assertThat(body(TestMail.to(tess).getLast())).contains("Your roles: TAC engineer, RMA approver.");

        browser.manage().deleteAllCookies();
        browser.get(invitation);
        assertThat(browser.findElement(By.id("invited-roles")).getText()).contains("as TAC engineer, RMA approver");
        choosePassword(GOOD_PASSWORD, GOOD_PASSWORD);
        waitFor(() -> text().contains("Your password is saved"));
        signIn(tess, GOOD_PASSWORD);
        waitFor(() -> browser.getTitle().startsWith("Reports"));
        assertThat(browser.findElements(By.linkText("Installed base"))).isEmpty();
        browser.get("http://localhost:" + port + "/staff/installed-base");
        assertThat(text()).contains("not open to your account");

        // an administrator adds the service administrator role; it applies from Tess's next sign-in
        signIn(admin, "secret");
        waitFor(() -> browser.getTitle().startsWith("Reports"));
        browser.get("http://localhost:" + port + "/staff/team");
        String row = "//tr[@id='staff-" + tess + "']";
        browser.findElement(By.xpath(row + "//input[@value='SERVICE_ADMINISTRATOR']"))
                .click();
        browser.findElement(By.xpath(row + "//button[text()='Save roles']")).click();
        waitFor(() -> text().contains(tess + " now has the roles: TAC engineer, RMA approver, Service administrator."));
        // nobody takes away their own administration
        browser.findElement(By.xpath("//tr[@id='staff-" + admin + "']//input[@value='SERVICE_ADMINISTRATOR']"))
                .click();
        browser.findElement(By.xpath("//tr[@id='staff-" + admin + "']//button[text()='Save roles']"))
                .click();
        waitFor(() -> text().contains("You cannot take your own service administrator role"));

        signIn(tess, GOOD_PASSWORD);
        element(By.linkText("Installed base")).click();
        waitFor(() -> browser.getTitle().startsWith("Installed base"));

        // deactivated staff cannot sign in
        signIn(admin, "secret");
        waitFor(() -> browser.getTitle().startsWith("Reports"));
        browser.get("http://localhost:" + port + "/staff/team");
        browser.findElement(By.xpath(row + "//button[text()='Deactivate']")).click();
        waitFor(() -> text().contains(tess + " can no longer sign in"));
        signIn(tess, GOOD_PASSWORD);
        waitFor(() -> text().contains("deactivated"));
    }
}
