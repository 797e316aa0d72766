package io.edihub.intake;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The hub's AS2 side ({@code edihub.as2.*}, docs/as2.md): where its AS2 server listens for partners' messages and their
 * MDNs sent later, and the key and certificate it decrypts, signs and is known by. Used only when a partner file has an
 * {@code as2:} section; then the key and certificate must be there and valid, or the hub does not start.
 *
 * @param port            the port of the AS2 server partners send their messages to
 * @param path            the path they send them to
 * @param mdnPort         the port partners send their MDNs to when they send them later ({@code mdn: async})
 * @param mdnPath         the path of those MDNs
 * @param privateKeyFile  the hub's private key, PEM (PKCS#8 or PKCS#1): it decrypts what partners send and signs what
 *                        the hub sends
 * @param certificateFile the hub's certificate, PEM, the partners' copy of which checks the hub's signatures and
 *                        encrypts to it
 * @param serverName      the name the hub gives itself in MDNs (its host name as partners know it)
 * @param timeout         how long a message to a partner, and its MDN in the answer, may take
 * @param bindAddress     the address the AS2 listeners (messages and MDNs sent later) bind: 127.0.0.1 in the local
 *                        run, stated in production; they speak TLS with the hub's key and certificate
 */
@Validated
@ConfigurationProperties("edihub.as2")
public record As2Settings(
        @DefaultValue("4080") @Min(value = 1, message = "must be a port number, 1 to 65535")
        @Max(value = 65535, message = "must be a port number, 1 to 65535") int port,
        @DefaultValue("/as2") @NotBlank String path,
        @DefaultValue("4081") @Min(value = 1, message = "must be a port number, 1 to 65535")
        @Max(value = 65535, message = "must be a port number, 1 to 65535") int mdnPort,
        @DefaultValue("/as2/mdn") @NotBlank String mdnPath,
        String privateKeyFile,
        String certificateFile,
        @DefaultValue("edihub.local") @NotBlank String serverName,
        @DefaultValue("30s") Duration timeout,
        String bindAddress) {

    public As2Settings {
        privateKeyFile = privateKeyFile == null || privateKeyFile.isBlank() ? null : privateKeyFile.strip();
        certificateFile = certificateFile == null || certificateFile.isBlank() ? null : certificateFile.strip();
        bindAddress = bindAddress == null || bindAddress.isBlank() ? null : bindAddress.strip();
    }
}
