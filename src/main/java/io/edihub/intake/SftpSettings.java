package io.edihub.intake;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The hub's own SFTP server ({@code edihub.sftp.*}): it holds the folder of every partner whose profile names no
 * server of its own. The routes read {@code poll-delay} and {@code password} as {@code {{edihub.sftp.…}}}
 * placeholders; binding them here refuses a value they could not use before any route starts.
 *
 * @param host           the server's host name
 * @param port           its port
 * @param username       the account the hub logs in with
 * @param password       its password; empty when the hub logs in with {@code privateKeyFile} alone
 * @param privateKeyFile the hub's private key for the server, or null to log in with the password
 * @param knownHostsFile a known_hosts file with the server's host key, which the hub checks strictly
 * @param pollDelay      milliseconds between two polls of a partner's folder, and between two deliveries of
 *                       outbound documents
 */
@Validated
@ConfigurationProperties("edihub.sftp")
public record SftpSettings(
        @NotBlank String host,
        @DefaultValue("22") @Min(value = 1, message = "must be a port number, 1 to 65535")
        @Max(value = 65535, message = "must be a port number, 1 to 65535") int port,
        @NotBlank String username,
        String password,
        String privateKeyFile,
        @NotBlank String knownHostsFile,
        @DefaultValue("5000") @Min(value = 1, message = "must be at least 1 (milliseconds)") long pollDelay) {

    public SftpSettings {
        password = password == null ? "" : password;
        privateKeyFile = privateKeyFile == null || privateKeyFile.isBlank() ? null : privateKeyFile;
    }
}
