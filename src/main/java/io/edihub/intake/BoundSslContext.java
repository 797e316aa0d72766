package io.edihub.intake;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * A TLS context whose server sockets listen on one address only. Camel's AS2 servers (the partners' messages, the MDNs
 * sent later) have no bind address: without a TLS context they open {@code new ServerSocket(port)}, on every interface;
 * with one, {@code getServerSocketFactory().createServerSocket(port)}. This context is an initialised TLS context in
 * every respect but that: its server socket factory binds each socket to the address given (docs/as2.md).
 */
final class BoundSslContext extends SSLContext {

    private BoundSslContext(SSLContext tls, InetAddress address) {
        super(new Spi(tls, address), tls.getProvider(), tls.getProtocol());
    }

    /** The initialised context {@code tls}, its server sockets bound to {@code address}. */
    static SSLContext of(SSLContext tls, InetAddress address) {
        return new BoundSslContext(tls, address);
    }

    private static final class Spi extends SSLContextSpi {

        private final SSLContext tls;
        private final InetAddress address;

        Spi(SSLContext tls, InetAddress address) {
            this.tls = tls;
            this.address = address;
        }

        @Override
        protected void engineInit(KeyManager[] keys, TrustManager[] trust, SecureRandom random)
                throws KeyManagementException {
            tls.init(keys, trust, random);
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return tls.getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return new BoundServerSocketFactory(tls.getServerSocketFactory(), address);
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return tls.createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return tls.createSSLEngine(host, port);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return tls.getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return tls.getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return tls.getDefaultSSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return tls.getSupportedSSLParameters();
        }
    }

    /** The TLS server socket factory, each socket bound to the address whatever the caller asks. */
    static final class BoundServerSocketFactory extends SSLServerSocketFactory {

        private static final int BACKLOG = 50;
        private final SSLServerSocketFactory tls;
        private final InetAddress address;

        BoundServerSocketFactory(SSLServerSocketFactory tls, InetAddress address) {
            this.tls = tls;
            this.address = address;
        }

        @Override
        public ServerSocket createServerSocket() throws IOException {
            return tls.createServerSocket();
        }

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            return tls.createServerSocket(port, BACKLOG, address);
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog) throws IOException {
            return tls.createServerSocket(port, backlog, address);
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog, InetAddress ignored) throws IOException {
            return tls.createServerSocket(port, backlog, address);
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return tls.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return tls.getSupportedCipherSuites();
        }
    }
}
