package sale.itmall.assurance.notifications;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default's mail server: a real SMTP server in the application (GreenMail) that the dispatcher sends to,
 * so that the demo sends every notification without an outside server; customers read them on the portal's Messages
 * page. On with {@code itmall.mail.embedded-server.enabled} (the demo profile sets it); point
 * {@code SPRING_MAIL_HOST}/{@code SPRING_MAIL_PORT} at a real server and set {@code ITMALL_EMBEDDED_SMTP=false} to send
 * mail out instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "itmall.mail.embedded-server.enabled", havingValue = "true")
class EmbeddedMailServer {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMailServer.class);

    @Bean(destroyMethod = "stop")
    GreenMail embeddedSmtpServer(@Value("${itmall.mail.embedded-server.port:3025}") int port) {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        try {
            server.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "Could not start the embedded SMTP server on 127.0.0.1:" + port
                            + " (is the port taken? set ITMALL_SMTP_PORT, or ITMALL_EMBEDDED_SMTP=false to use your own server): "
                            + e.getMessage(),
                    e);
        }
        LOG.info("Embedded SMTP server on 127.0.0.1:{}: notifications are delivered here", port);
        return server;
    }
}
