package io.edihub.cash;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The company's own terms, against which the contract statement values a contract's negotiated payment terms.
 *
 * @param standardNetDays   the days to pay the company grants when nothing else is negotiated
 * @param annualCostOfMoney what a year of money owed costs the company, as a fraction ({@code 0.08} for 8 %)
 */
@ConfigurationProperties("edihub.cash")
public record CashSettings(@DefaultValue("30") int standardNetDays, @DefaultValue("0.08") BigDecimal annualCostOfMoney) {

    public CashSettings {
        if (standardNetDays < 0) {
            throw new IllegalArgumentException("edihub.cash.standard-net-days must be 0 or more, not " + standardNetDays);
        }
        if (annualCostOfMoney.signum() < 0 || annualCostOfMoney.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("edihub.cash.annual-cost-of-money is a fraction from 0 to 1 (0.08 for 8 %), not "
                    + annualCostOfMoney.toPlainString());
        }
    }
}
