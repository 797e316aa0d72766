package io.edihub.partner;

/** A partner profile that cannot be used; the message names the file and the key. */
public class PartnerConfigurationException extends RuntimeException {

    public PartnerConfigurationException(String message) {
        super(message);
    }

    public PartnerConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
