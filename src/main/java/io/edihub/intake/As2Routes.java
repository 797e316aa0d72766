package io.edihub.intake;

import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.security.Security;
import java.security.cert.Certificate;
import java.time.Clock;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The hub's AS2 side, when a partner file has an {@code as2:} section (docs/as2.md): the hub's key and certificate read
 * and checked at start ({@link As2Keys}), put with each AS2 partner's certificate where the AS2 endpoints find them, and
 * the routes made from the templates in {@code routes/as2.camel.yaml}: the AS2 server for partners' messages and, when
 * a partner sends its MDNs later, the server for those. Without an AS2 partner no AS2 port is opened.
 */
@Configuration(proxyBeanMethods = false)
class As2Routes {

    static final String HUB_KEY = "as2HubKey";
    static final String HUB_CHAIN = "as2HubChain";
    /** The TLS context of the hub's AS2 listeners: its AS2 key and certificate, bound to edihub.as2.bind-address. */
    static final String LISTENER_TLS = "as2ListenerTls";
    /** The registry name of the TLS context the hub sends a partner's documents with to an https url. */
    static final String PARTNER_TLS = "as2Tls-";
    private static final String BIND = "edihub.as2.bind-address (EDIHUB_AS2_BIND_ADDRESS)";
    static final String MESSAGES_TEMPLATE = "receiveAs2Messages";
    static final String RECEIPTS_TEMPLATE = "receiveAs2Receipts";
    private static final Logger LOG = LoggerFactory.getLogger(As2Routes.class);

    @Bean
    As2Keys as2Keys(As2Settings settings, PartnerDirectory partners, Clock clock) {
        As2Keys keys = As2Keys.load(settings, partners, clock.instant());
        if (keys.present()) {
            bindAddress(settings);
        }
        return keys;
    }

    /** The address the AS2 listeners bind; missing or not an address of this host stops the start. */
    static InetAddress bindAddress(As2Settings settings) {
        if (settings.bindAddress() == null) {
            throw new IllegalStateException(BIND + ": missing: the address the AS2 listeners bind (127.0.0.1, an "
                    + "interface's address, or 0.0.0.0 for every interface)");
        }
        try {
            InetAddress address = InetAddress.getByName(settings.bindAddress());
            if (!address.isAnyLocalAddress() && NetworkInterface.getByInetAddress(address) == null) {
                throw new IllegalStateException(BIND + ": '" + settings.bindAddress() + "' is no address of this host");
            }
            return address;
        } catch (UnknownHostException | SocketException e) {
            throw new IllegalStateException(BIND + ": '" + settings.bindAddress() + "' is not an address: "
                    + e.getMessage(), e);
        }
    }

    @Bean
    CamelContextConfiguration as2RouteInstances(As2Keys keys, As2Settings settings, PartnerDirectory partners) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                if (!keys.present()) {
                    return;
                }
                // the AS2 component registers BouncyCastle when it starts; the MDN checks may run before that
                if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
                    Security.addProvider(new BouncyCastleProvider());
                }
                camel.getRegistry().bind(HUB_KEY, keys.privateKey());
                camel.getRegistry().bind(HUB_CHAIN, keys.chain());
                InetAddress address = bindAddress(settings);
                camel.getRegistry().bind(LISTENER_TLS, As2Tls.listener(keys.privateKey(), keys.chain(), address));
                boolean async = false;
                for (PartnerProfile partner : partners.all()) {
                    if (partner.usesAs2()) {
                        camel.getRegistry().bind(As2Delivery.PARTNER_CERTIFICATE + partner.id(),
                                new Certificate[] {partner.as2().certificate()});
                        camel.getRegistry().bind(PARTNER_TLS + partner.id(), As2Tls.trusting(partner.as2().certificate()));
                        async |= partner.as2().mdn() == PartnerProfile.MdnMode.ASYNC;
                        LOG.info("Partner {}: AS2 as {} to {} ({}), its documents to {}, MDN {}", partner.id(),
                                partner.as2().partnerAs2Id(), partner.as2().ourAs2Id(),
                                partner.as2().certificate().getSubjectX500Principal().getName(), partner.as2().url(),
                                partner.as2().mdn());
                    }
                }
                try {
                    TemplatedRouteBuilder.builder(camel, MESSAGES_TEMPLATE).routeId(MESSAGES_TEMPLATE)
                            .parameter("port", settings.port()).parameter("path", settings.path())
                            .parameter("serverName", settings.serverName()).add();
                    LOG.info("AS2: messages taken over TLS on {} port {} path {}", address.getHostAddress(),
                            settings.port(), settings.path());
                    if (async) {
                        TemplatedRouteBuilder.builder(camel, RECEIPTS_TEMPLATE).routeId(RECEIPTS_TEMPLATE)
                                .parameter("port", settings.mdnPort()).parameter("path", settings.mdnPath()).add();
                        LOG.info("AS2: MDNs sent later taken over TLS on {} port {} path {}", address.getHostAddress(),
                                settings.mdnPort(), settings.mdnPath());
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("the AS2 routes could not be made", e);
                }
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
                // the routes exist before Camel starts, so the route controller starts them
            }
        };
    }
}
