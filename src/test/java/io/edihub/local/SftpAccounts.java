package io.edihub.local;

import java.util.List;

/**
 * Where the embedded SFTP server learns which partner accounts to create: the hub's partner directory, or
 * in a context without one the partner profiles in {@code edihub.partners-dir}, read here.
 */
@FunctionalInterface
public interface SftpAccounts {

    List<SftpAccount> partnerAccounts();
}
