package io.edihub.intake;

import io.edihub.canonical.InputError;
import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;

/**
 * A partner in test mode sends tests only, and nothing of a test may reach fulfillment, billing or Kafka. Its JSON and
 * CSV acceptances, adjustments and remittances carry no test indicator to answer as a test: they are read and checked,
 * then refused whole with this reason, so that the partner sees them checked and nothing is taken.
 */
final class TestModeDocuments {

    private TestModeDocuments() {
    }

    static boolean inTestMode(PartnerDirectory partners, String partnerId) {
        return partners.byId(partnerId).map(p -> p.mode() == PartnerProfile.Mode.TEST).orElse(false);
    }

    /** The reason a test partner's document was checked and not taken. */
    static InputError notTaken(String partnerId, String what) {
        return new InputError("document", "TEST_MODE", "partner " + partnerId + " is in test mode: its " + what
                + " are read and checked, never taken; the file was found readable and nothing of it was taken");
    }
}
