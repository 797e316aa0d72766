package io.edihub.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Port 0 means "any free port"; servers whose address must be known before they start need it resolved early. */
final class FreePort {

    static final String LOOPBACK = "127.0.0.1";

    private FreePort() {
    }

    static int resolve(int port) {
        return port == 0 ? find() : port;
    }

    static int find() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + LOOPBACK, e);
        }
    }
}
