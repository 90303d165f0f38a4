package sale.itmall.assurance.portal;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import sale.itmall.assurance.support.ApplicationTest;
import sale.itmall.assurance.support.Fixtures;
import sale.itmall.assurance.support.TestClock;

/** Guessing passwords is throttled: five wrong ones in a row lock the sign-in for 15 minutes, form and HTTP Basic. */
@ApplicationTest
class SignInTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TestClock clock;

    @Test
    void fiveWrongPasswordsLockTheSignInForFifteenMinutesEvenAgainstTheRightOne() throws Exception {
        String user = fixtures.portalUser(fixtures.customer(true));
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").user(user).password("guess-" + i)).andExpect(redirectedUrl("/login?error"));
        }

        mvc.perform(formLogin("/login").user(user).password("secret")).andExpect(redirectedUrl("/login?locked"));
        mvc.perform(get("/login?locked"))
                .andExpect(content().string(containsString("Too many wrong passwords in a row")));

        clock.advance(Duration.ofMinutes(16)); // the engine's clock too: other tests share both
        mvc.perform(formLogin("/login").user(user).password("secret")).andExpect(redirectedUrl("/"));
    }

    @Test
    void httpBasicCountsTheSameAndASuccessStartsTheCountAgain() throws Exception {
        String staff = fixtures.staffUser();
        for (int i = 0; i < 4; i++) {
            mvc.perform(get("/staff/reports").with(httpBasic(staff, "guess-" + i)))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/staff/reports").with(httpBasic(staff, "secret"))).andExpect(status().isOk());
        for (int i = 0; i < 4; i++) {
            mvc.perform(get("/staff/reports").with(httpBasic(staff, "guess-" + i)))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/staff/reports").with(httpBasic(staff, "secret"))).andExpect(status().isOk());

        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/staff/reports").with(httpBasic(staff, "guess-" + i)))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/staff/reports").with(httpBasic(staff, "secret"))).andExpect(status().isUnauthorized());
    }

    /** A person not signed in reads a refused link in the language their browser asks for. */
    @Test
    void aUsedOrExpiredLinkIsRefusedInTheBrowsersLanguage() throws Exception {
        mvc.perform(get("/invitations/no-such-token").header("Accept-Language", "de-DE,de;q=0.9"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("Dieser Link ist abgelaufen oder wurde bereits verwendet."
                                + " Bitten Sie die Person, die Sie eingeladen hat, um einen neuen.")));
        mvc.perform(get("/password-reset/no-such-token").header("Accept-Language", "en-GB"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("This link has expired or was used already. Ask for a new"
                                + " one on the &#39;Forgot your password?&#39; page.")));
    }
}
