package io.edihub.intake;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.edihub.As2TestKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/** The AS2 listeners of the tests: TLS on loopback only, as the hub's (docs/as2.md). */
final class As2Listeners {

    private As2Listeners() {
    }

    /** The TLS context of a test's AS2 server: the party's key and certificate, bound to 127.0.0.1. */
    static SSLContext onLoopback(As2TestKeys keys) {
        return As2Tls.listener(keys.privateKey(), new Certificate[] {keys.certificate()}, InetAddress.getLoopbackAddress());
    }

    /**
     * The listener on {@code port} is not on the wildcard address: from another address of this host (when it has
     * one) the port is closed.
     */
    static void assertOnLoopbackOnly(int port) throws SocketException {
        Optional<InetAddress> other = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(nic -> Collections.list(nic.getInetAddresses()).stream())
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress()).findFirst();
        assumeTrue(other.isPresent(), "this host has no address but loopback");
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(other.get(), port), 5000);
            }
        }).as("port %d on %s", port, other.get()).isInstanceOf(ConnectException.class);
    }

    /**
     * A plain HTTP port on 127.0.0.1 in front of a TLS listener. Camel's AS2 component sends an MDN later over plain
     * HTTP only (its sender opens a plain socket whatever the URL says): a partner doing so reaches a TLS listener
     * through such a relay, as a deployment would through its proxy.
     */
    static final class Relay implements AutoCloseable {

        private final ServerSocket listener;
        private final Thread acceptor;

        Relay(int targetPort, As2TestKeys target) throws IOException {
            SSLContext tls = As2Tls.trusting(target.certificate());
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = new Thread(() -> {
                while (!listener.isClosed()) {
                    try {
                        Socket plain = listener.accept();
                        SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", targetPort);
                        SSLParameters parameters = secure.getSSLParameters();
                        parameters.setEndpointIdentificationAlgorithm("HTTPS");
                        secure.setSSLParameters(parameters);
                        pump(plain, secure);
                        pump(secure, plain);
                    } catch (IOException e) {
                        // closed
                    }
                }
            }, "as2-relay-" + listener.getLocalPort());
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        private static void pump(Socket from, Socket to) {
            Thread pump = new Thread(() -> {
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    in.transferTo(out);
                } catch (IOException e) {
                    // one side closed
                } finally {
                    closeQuietly(from);
                    closeQuietly(to);
                }
            }, "as2-relay-pump");
            pump.setDaemon(true);
            pump.start();
        }

        private static void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException e) {
                // closed
            }
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }
}
