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
        // more parts than any request of 50 items with 5 proofs each can have
        assertProblem(
                post(user, "/api/returns", "multipart/form-data; boundary=B", parts(serial, 500)), 400, "at most 50");
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
        // a path longer than any reference: refused by the server before the application
        assertThat(get(user, "/returns/" + "x".repeat(10_000)).statusCode()).isEqualTo(400);
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
        assertThat(answer.statusCode()).isEqualTo(status);
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
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
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
