package io.edihub.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Port 0 means "any free port"; servers whose address must be known before they start need it resolved
 * early. The port is chosen below Linux's ephemeral range (32768 and up), so that no outgoing connection
 * made between choosing and binding (the JDBC pool, a Kafka client) can be handed the same port.
 */
public final class FreePort {

    static final String LOOPBACK = "127.0.0.1";
    private static final int LOW = 20_000;
    private static final int HIGH = 32_000;

    private FreePort() {
    }

    static int resolve(int port) {
        return port == 0 ? find() : port;
    }

    /** A loopback port that was free a moment ago and is not one the system hands out for outgoing connections. */
    public static int find() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = random.nextInt(LOW, HIGH);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(LOOPBACK))) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new UncheckedIOException(new IOException("no free port on " + LOOPBACK + " between " + LOW + " and " + HIGH));
    }
}
