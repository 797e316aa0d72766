package io.edihub.x12;

import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;
import java.util.Optional;

/**
 * What the reader needs to know about where a file came from.
 *
 * @param channelPartner the partner that owns the channel (the SFTP account); empty for the translate
 *                       command, which identifies the sender from the envelope instead
 * @param partners       the known partners
 * @param us             our own envelope ids
 * @param duplicates     answers whether an interchange control number was already used; never null
 */
public record IntakeContext(Optional<PartnerProfile> channelPartner, PartnerDirectory partners, OurIdentity us,
        DuplicateCheck duplicates) {

    /** Whether an interchange (sender, ISA13) was already received within the partner's window. */
    @FunctionalInterface
    public interface DuplicateCheck {

        boolean seen(PartnerProfile partner, String controlNumber);

        DuplicateCheck NEVER = (p, c) -> false;

        /**
         * Remembers every control number asked about, for as long as the object lives: finds a
         * number sent twice within one run without touching any store.
         */
        static DuplicateCheck inMemory() {
            java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
            return (partner, controlNumber) -> !seen.add(partner.id() + "/" + partner.isaId() + "/" + controlNumber);
        }
    }
}
