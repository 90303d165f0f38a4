package sale.itmall.assurance.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;
import sale.itmall.assurance.support.ApplicationTest;
import sale.itmall.assurance.support.Chromium;
import sale.itmall.assurance.support.IdentityProvider;

/**
 * Staff sign in through the organisation's OpenID Connect provider (issue #10), in a real browser against a real
 * provider (Spring Authorization Server, {@link IdentityProvider}): the provider's groups claim names their roles, which
 * decide what the staff pages let them do; someone with no staff role is refused with a reason.
 */
@ApplicationTest
class StaffSignInTest {

    @LocalServerPort
    int port;

    WebDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    String app() {
        return "http://127.0.0.1:" + port;
    }

    void waitFor(BooleanSupplier condition) {
        Chromium.await(browser, condition);
    }

    String text() {
        return browser.findElement(By.tagName("main")).getText();
    }

    /** A fresh browser opens a staff page, chooses the organisation's sign-in and signs in at the provider. */
    void signInThroughTheProvider(IdentityProvider.Person person) throws Exception {
        if (browser != null) {
            browser.quit();
        }
        browser = Chromium.start(1280, 1000);
        browser.get(app() + "/staff/reports");
        browser.findElement(By.id("sign-in-staff")).click();
        waitFor(() -> browser.getCurrentUrl().startsWith(IdentityProvider.issuer()));
        browser.findElement(By.id("username")).sendKeys(person.username());
        browser.findElement(By.id("password")).sendKeys(IdentityProvider.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(() -> browser.getCurrentUrl().startsWith(app()));
    }

    @Test
    void staffSignInThroughTheOrganisationsProviderWithTheRolesOfTheirGroups() throws Exception {
        // the sign-in page offers the provider by its configured name
        browser = Chromium.start(1280, 1000);
        browser.get(app() + "/login");
        assertThat(browser.findElement(By.id("sign-in-staff")).getText()).isEqualTo("Sign in with ITMall Directory");

        // a TAC engineer: the staff reports, not the service administrator's pages
        signInThroughTheProvider(IdentityProvider.TAC_ENGINEER);
        waitFor(() -> browser.getTitle().startsWith("Reports"));
        assertThat(browser.findElements(By.linkText("Installed base"))).isEmpty();
        browser.get(app() + "/staff/installed-base");
        assertThat(text()).contains("not open to your account");

        // a service administrator (the group sent as a path, as Keycloak does) opens the installed base
        signInThroughTheProvider(IdentityProvider.ADMINISTRATOR);
        waitFor(() -> browser.getTitle().startsWith("Reports"));
        browser.findElement(By.linkText("Installed base")).click();
        waitFor(() -> browser.getTitle().startsWith("Installed base"));

        // someone the provider knows but who has no staff role is refused, and told why
        signInThroughTheProvider(IdentityProvider.NO_STAFF_ROLE);
        waitFor(() -> !browser.findElements(By.id("no-staff-role")).isEmpty());
        assertThat(browser.findElement(By.id("no-staff-role")).getText()).contains("gives you no ITMall staff role");
        browser.get(app() + "/staff/reports");
        waitFor(() -> browser.getTitle().startsWith("Sign in"));
    }
}
