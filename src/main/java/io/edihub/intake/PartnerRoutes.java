package io.edihub.intake;

import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes one intake route per partner from the route templates in {@code routes/}, once Camel has loaded
 * them. Route ids name the partner: {@code receiveX12-acme}.
 */
@Component
class PartnerRoutes implements CamelContextConfiguration {

    static final String X12_TEMPLATE = "receiveX12";
    private static final Logger LOG = LoggerFactory.getLogger(PartnerRoutes.class);

    private final PartnerDirectory partners;

    PartnerRoutes(PartnerDirectory partners) {
        this.partners = partners;
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        // the templates are not loaded yet
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        for (PartnerProfile partner : partners.all()) {
            String routeId = X12_TEMPLATE + "-" + partner.id();
            TemplatedRouteBuilder.builder(camelContext, X12_TEMPLATE)
                    .routeId(routeId)
                    .parameter("partnerId", partner.id())
                    .parameter("directory", partner.sftpDirectory())
                    .add();
            LOG.info("Partner {} ({}): route {} polls {}/inbound", partner.id(), partner.name(), routeId,
                    partner.sftpDirectory());
        }
    }
}
