package io.edihub.local;

import java.util.List;

/**
 * Where the embedded SFTP server learns which partner accounts to create. A bean of this type wins;
 * without one the server reads the partner profiles in {@code edihub.partners-dir} itself.
 */
@FunctionalInterface
public interface SftpAccounts {

    List<SftpAccount> partnerAccounts();
}
