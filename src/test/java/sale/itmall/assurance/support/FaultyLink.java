package sale.itmall.assurance.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP link between the application and the engine's gateway that a test can cut and restore, so an engine outage is a
 * real one for the application: connections reset, new ones refused, then accepted again on the same port.
 */
@SuppressWarnings("PMD.CloseResource") // its sockets live as long as the link and are closed by cut()
public final class FaultyLink {

    private static FaultyLink engine;

    private final InetSocketAddress target;
    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listener;

    private FaultyLink(InetSocketAddress target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.port = listener.getLocalPort();
        accept(listener);
    }

    /** The link every application test's engine client goes through, to the embedded engine. */
    public static synchronized FaultyLink toEngine() {
        if (engine == null) {
            String[] gateway = EmbeddedEngine.get().getGatewayAddress().split(":");
            try {
                engine = new FaultyLink(new InetSocketAddress(gateway[0], Integer.parseInt(gateway[1])));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return engine;
    }

    public String address() {
        return "127.0.0.1:" + port;
    }

    /** Resets every open connection and refuses new ones until {@link #restore()}. */
    public synchronized void cut() throws IOException {
        listener.close();
        for (Socket s : open) {
            s.close();
        }
        open.clear();
    }

    public synchronized void restore() throws IOException {
        if (listener.isClosed()) {
            ServerSocket again = new ServerSocket();
            again.setReuseAddress(true);
            again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            listener = again;
            accept(again);
        }
    }

    private void accept(ServerSocket server) {
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket upstream = new Socket(target.getAddress(), target.getPort());
                    open.add(client);
                    open.add(upstream);
                    pipe(client, upstream);
                    pipe(upstream, client);
                } catch (IOException ignored) {
                    // closed by cut(), or one connection failed: keep accepting while open
                }
            }
        });
    }

    private void pipe(Socket from, Socket to) {
        Thread.ofVirtual().start(() -> {
            try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException ignored) {
                // either side closed
            } finally {
                close(from);
                close(to);
            }
        });
    }

    private void close(Socket s) {
        open.remove(s);
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
