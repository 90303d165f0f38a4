package sale.itmall.assurance.portal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What the server answers for a request it refuses before the application sees it (a request line or headers longer
 * than it accepts, a malformed request): problem+json for the API, as every other API answer, and a page in the
 * portal's look for a person, instead of Tomcat's own HTML report. Replaces the host's error report valve; runs after
 * Spring Boot's customizer, which adds one of its own.
 */
@Component
class ServerErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Container parent = context.getParent();
            if (parent instanceof StandardHost host) {
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.setErrorReportValveClass(Report.class.getName());
                host.getPipeline().addValve(new Report());
            }
        });
    }

    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE;
    }

    /** The report: JSON for the API and for clients that ask for it, a short page for everyone else. */
    public static class Report extends ErrorReportValve {

        private static final Logger LOG = LoggerFactory.getLogger(Report.class);

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            String uri = request.getRequestURI();
            String accept = request.getHeader("Accept");
            boolean api = uri == null
                    || uri.isEmpty()
                    || uri.startsWith("/api/")
                    || (accept != null && accept.contains("json"));
            String detail = status == 400 || status == 414 || status == 431
                    ? "The request could not be read: its address or its headers are longer than this server accepts"
                            + " (64 KB), or malformed."
                    : "The server could not handle this request.";
            String body = api
                    ? "{\"type\":\"about:blank\",\"title\":\"" + reason(status) + "\",\"status\":" + status
                            + ",\"detail\":\"" + detail + "\"}"
                    : page(status, detail);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentType(api ? "application/problem+json" : "text/html");
            write(response, body);
        }

        /** The response's writer is Tomcat's: written to, never closed here (as Tomcat's own report does). */
        @SuppressWarnings("PMD.CloseResource")
        private static void write(Response response, String body) {
            try {
                Writer out = response.getReporter();
                if (out != null) {
                    out.write(body);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                LOG.debug("Error report not sent, the client is gone: {}", e.getMessage());
            }
        }

        private static String reason(int status) {
            HttpStatus known = HttpStatus.resolve(status);
            return known == null ? "Error " + status : known.getReasonPhrase();
        }

        /** A page in the portal's look, in both of its languages (the request's own could not be read). */
        private static String page(int status, String detail) {
            return """
                    <!DOCTYPE html>
                    <html lang="en"><head><meta charset="utf-8">
                    <meta name="viewport" content="width=device-width, initial-scale=1">
                    <title>ITMall Service Assurance: something went wrong</title>
                    <link rel="stylesheet" href="/css/portal.css"></head>
                    <body><main>
                    <h1>Something went wrong</h1>
                    <div class="error" role="alert">%s (%d)</div>
                    <p lang="de">Die Anfrage konnte nicht gelesen werden: Adresse oder Kopfzeilen sind zu lang oder
                    fehlerhaft.</p>
                    <p><a href="/">Back to my returns</a> · <a href="/" lang="de">Zurück zu meinen Rücksendungen</a></p>
                    </main></body></html>
                    """
                    .formatted(detail, status);
        }
    }
}
