package io.edihub.intake;

import java.io.IOException;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * TLS for AS2 (docs/as2.md): the context of an AS2 listener, which speaks TLS with a key and certificate (the hub's
 * AS2 pair) and listens on one address only ({@link BoundSslContext}); and the context the hub sends a partner's
 * documents with to an {@code https} url, which trusts what the JVM trusts and the partner's own AS2 certificate.
 */
final class As2Tls {

    private static final char[] NO_PASSWORD = new char[0];

    private As2Tls() {
    }

    /** A TLS server context with this key and certificate chain, its listeners bound to {@code address}. */
    static SSLContext listener(PrivateKey key, Certificate[] chain, InetAddress address) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("as2", key, NO_PASSWORD, chain);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, NO_PASSWORD);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keys.getKeyManagers(), null, null);
            return BoundSslContext.of(tls, address);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("no TLS context for the AS2 listener: " + e.getMessage(), e);
        }
    }

    /** A TLS client context trusting what the JVM trusts and {@code certificate} too. */
    static SSLContext trusting(X509Certificate certificate) {
        try {
            TrustManagerFactory jvm = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            jvm.init((KeyStore) null);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int n = 0;
            for (TrustManager manager : jvm.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    for (X509Certificate issuer : x509.getAcceptedIssuers()) {
                        store.setCertificateEntry("jvm-" + n++, issuer);
                    }
                }
            }
            store.setCertificateEntry("partner", certificate);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            return tls;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("no TLS context for AS2 over https: " + e.getMessage(), e);
        }
    }
}
