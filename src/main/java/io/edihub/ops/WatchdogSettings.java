package io.edihub.ops;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The hub-wide watchdog thresholds ({@code edihub.watchdog.*}); a partner file's {@code watchdog.*} key
 * overrides one for its partner, or switches the check off.
 *
 * @param acknowledgmentOverdueAfter our 855 / 856 / 810 without the partner's 997
 * @param heldOrderAfter             an order held for a person's decision
 * @param undispatchedReleaseAfter   a release due (its first due date within the partner's lead time) but not
 *                                   requested from fulfillment
 * @param unshippedReleaseAfter      a release requested from fulfillment and not (fully) shipped
 * @param unacceptedShipmentAfter    shipped goods the partner has neither accepted nor rejected
 * @param uninvoicedAcceptanceAfter  accepted goods not invoiced
 * @param unsettledClaimAfter        a claim neither settled nor denied (other than a deduction)
 * @param paymentOverdueGrace        how long after its due date an invoice may have anything open; zero alerts it the
 *                                   day after the due date
 * @param deductionOpenAfter         a deduction neither credited nor denied; zero (the default) alerts it at the next
 *                                   look, so every deduction is seen by a person
 * @param unappliedCashAfter         a payment with cash on no invoice; zero (the default) alerts it at the next look
 * @param checkEvery                 milliseconds between two looks (the {@code watchOverdueWork} route reads it as a
 *                                   placeholder; bound here so that a value it could not use stops the start)
 */
@Validated
@ConfigurationProperties("edihub.watchdog")
public record WatchdogSettings(
        @DefaultValue("PT24H") Duration acknowledgmentOverdueAfter,
        @DefaultValue("PT24H") Duration heldOrderAfter,
        @DefaultValue("PT2H") Duration undispatchedReleaseAfter,
        @DefaultValue("P5D") Duration unshippedReleaseAfter,
        @DefaultValue("P14D") Duration unacceptedShipmentAfter,
        @DefaultValue("PT4H") Duration uninvoicedAcceptanceAfter,
        @DefaultValue("P10D") Duration unsettledClaimAfter,
        @DefaultValue("P5D") Duration paymentOverdueGrace,
        @DefaultValue("PT0S") Duration deductionOpenAfter,
        @DefaultValue("PT0S") Duration unappliedCashAfter,
        @DefaultValue("300000") @Min(value = 1, message = "must be at least 1 (milliseconds)") long checkEvery) {

    public WatchdogSettings {
        positive("acknowledgment-overdue-after", acknowledgmentOverdueAfter);
        positive("held-order-after", heldOrderAfter);
        positive("undispatched-release-after", undispatchedReleaseAfter);
        positive("unshipped-release-after", unshippedReleaseAfter);
        positive("unaccepted-shipment-after", unacceptedShipmentAfter);
        positive("uninvoiced-acceptance-after", uninvoicedAcceptanceAfter);
        positive("unsettled-claim-after", unsettledClaimAfter);
        notNegative("payment-overdue-grace", paymentOverdueGrace);
        notNegative("deduction-open-after", deductionOpenAfter);
        notNegative("unapplied-cash-after", unappliedCashAfter);
    }

    private static void notNegative(String key, Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException("edihub.watchdog." + key + " must be a duration of zero or more such as "
                    + "PT0S or P5D, not " + value + " (switch a check off per partner with " + key + ": off in its file)");
        }
    }

    private static void positive(String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("edihub.watchdog." + key + " must be a positive duration such as PT24H or "
                    + "P5D, not " + value + " (switch a check off per partner with " + key + ": off in its file)");
        }
    }
}
