package sale.itmall.assurance.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import sale.itmall.assurance.policy.AssetCategory;
import sale.itmall.assurance.support.ApplicationTest;
import sale.itmall.assurance.support.Fixtures;

/**
 * Odd and oversized requests over real HTTP (Tomcat parses them, not a mock): each gets a 4xx with a problem detail
 * or a page that says what to do, never a 500 or a Whitelabel page (issue #11, items 16 and 17).
 */
@ApplicationTest
class OddRequestsTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void oddRequestsGetAFourHundredThatSaysWhatIsWrongNeverAFiveHundred() throws Exception {
        String customer = fixtures.customer(true);
        String serial = fixtures.asset(customer, AssetCategory.END_USER_TERMINAL, 50, false);
        String user = fixtures.portalUser(customer);
        String staff = fixtures.staffUser();

        assertProblem(post(user, "/api/returns", "application/json", "{\"items\":[null]}"), 422, "serial number");
        assertProblem(post(user, "/api/returns", "application/json", "{\"items\":"), 400, "");
        // a serial longer than any the installed base holds: refused by the rule the lookup uses
        assertProblem(
                post(
                        user,
                        "/api/returns",
                        "application/json",
                        "{\"items\":[{\"serialNumber\":\"" + "S".repeat(10_000) + "\",\"faultDescription\":\"x\"}]}"),
                422,
                "A serial number has at most 100 characters");
        // more parts than any request of 50 items with 5 proofs each can have
        assertProblem(
                post(user, "/api/returns", "multipart/form-data; boundary=B", parts(serial, 500)), 400, "at most 50");
        // the same, for a client whose people read German
        assertProblem(
                post(user, "/api/returns", "multipart/form-data; boundary=B", parts(serial, 500), "de"),
                400,
                "Der Upload ließ sich nicht lesen: senden Sie höchstens 50 Geräte");
        // an item index past what the binder grows a list to: refused by name, nothing written
        assertProblem(
                post(
                        user,
                        "/api/returns",
                        "multipart/form-data; boundary=B",
                        "--B\r\nContent-Disposition: form-data; name=\"items[300].serialNumber\"\r\n\r\n" + serial
                                + "\r\n--B--\r\n"),
                422,
                "items[300]");
        assertThat(jdbc.sql("select count(*) from return_requests r join customers c on c.id = r.customer_id"
                                + " where c.customer_number = ?")
                        .param(customer)
                        .query(Long.class)
                        .single())
                .isZero();
        // a reference that looks like a URL template
        HttpResponse<String> found = get(staff, "/staff/cases?ref=%7Bx%7D");
        assertThat(found.statusCode()).isEqualTo(302);
        assertThat(found.headers().firstValue("Location").orElseThrow()).endsWith("/staff/cases/%7Bx%7D");
        assertThat(get(staff, "/staff/cases/%7Bx%7D").statusCode()).isEqualTo(404);
        // a 10 KB serial in an API path: a problem detail that says what is wrong, not the server's own report
        HttpResponse<String> longSerial = get(user, "/api/warranty/" + "S".repeat(10_000));
        assertProblem(longSerial, 422, "A serial number has at most 100 characters");
        // a 10 KB page address: the portal's page
        HttpResponse<String> longPage = get(user, "/returns/" + "x".repeat(10_000));
        assertThat(longPage.headers().firstValue("content-type").orElse("")).startsWith("text/html");
        assertThat(longPage.body()).contains("/css/portal.css").doesNotContain("Apache Tomcat", "HTTP Status");
        // longer than the server reads at all (64 KB): refused before the application, whose path it could not read,
        // as a problem detail, never the server's own report
        HttpResponse<String> tooLong = get(user, "/api/warranty/" + "S".repeat(200_000));
        assertProblem(tooLong, 400, "longer than this server accepts");
        assertThat(tooLong.body()).doesNotContain("Apache Tomcat");
    }

    private static String parts(String serial, int count) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < count; i++) {
            body.append("--B\r\nContent-Disposition: form-data; name=\"items[")
                    .append(i)
                    .append("].serialNumber\"\r\n\r\n")
                    .append(serial)
                    .append("\r\n");
        }
        return body.append("--B--\r\n").toString();
    }

    private static void assertProblem(HttpResponse<String> answer, int status, String detail) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("content-type").orElse("")).startsWith("application/problem+json");
        assertThat(answer.body()).contains(detail);
    }

    private HttpResponse<String> get(String user, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", basic(user))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String user, String path, String type, String body) throws Exception {
        return post(user, path, type, body, "en");
    }

    private HttpResponse<String> post(String user, String path, String type, String body, String language)
            throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Accept-Language", language)
                        .header("Authorization", basic(user))
                        .header("Content-Type", type)
                        .header("X-XSRF-TOKEN", "t")
                        .header("Cookie", "XSRF-TOKEN=t")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":secret").getBytes(StandardCharsets.UTF_8));
    }
}
