package io.edihub.billing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param company the legal entity that bills: its code starts every invoice number, and it has a number
 *                sequence of its own ({@code EDH-00000001})
 */
@ConfigurationProperties("edihub.billing")
public record BillingSettings(@DefaultValue("EDH") String company) {

    public BillingSettings {
        if (!company.matches("[A-Z0-9]{1,10}")) {
            throw new IllegalArgumentException("edihub.billing.company must be 1-10 capital letters or digits, not '"
                    + company + "': it starts every invoice number");
        }
    }
}
