package io.edihub.intake;

import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spi.SupervisingRouteController;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Makes one intake route per partner from the route templates in {@code routes/}, once Camel has loaded
 * them. Route ids name the partner: {@code receiveOrders-acme}.
 */
@Component
class PartnerRoutes implements CamelContextConfiguration {

    static final String ORDERS_TEMPLATE = "receiveOrders";
    private static final Logger LOG = LoggerFactory.getLogger(PartnerRoutes.class);

    private final PartnerDirectory partners;
    private final PartnerSftp sftp;
    private final ObjectProvider<SupervisingRouteController> supervisor;

    PartnerRoutes(PartnerDirectory partners, PartnerSftp sftp, ObjectProvider<SupervisingRouteController> supervisor) {
        this.partners = partners;
        this.sftp = sftp;
        this.supervisor = supervisor;
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        // the routes exist before Camel starts, so the supervising route controller starts them
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        // camel.routecontroller.enabled creates the supervising controller, but this Camel Spring Boot
        // version does not always install it: install it here, so a partner's SFTP server or the
        // broker being down never stops the hub starting
        if (!camelContext.getRouteController().isSupervising()) {
            supervisor.ifAvailable(camelContext::setRouteController);
        }
        for (PartnerProfile partner : partners.all()) {
            String routeId = ORDERS_TEMPLATE + "-" + partner.id();
            TemplatedRouteBuilder builder = TemplatedRouteBuilder.builder(camelContext, ORDERS_TEMPLATE)
                    .routeId(routeId)
                    .parameter("partnerId", partner.id());
            sftp.routeParameters(partner).forEach(builder::parameter);
            builder.add();
            LOG.info("Partner {} ({}): route {} polls {}/inbound{}", partner.id(), partner.name(), routeId,
                    sftp.login(partner), partner.sftpServer() == null ? "" : " (the partner's own server)");
        }
    }
}
