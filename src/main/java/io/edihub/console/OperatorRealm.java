package io.edihub.console;

import java.util.Map;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;
import javax.security.auth.login.Configuration;
import org.springframework.security.authentication.AuthenticationManager;

/** The JAAS configuration Hawtio logs in with: every realm is answered by {@link OperatorLoginModule}. */
final class OperatorRealm extends Configuration {

    private final AppConfigurationEntry[] entries;

    OperatorRealm(AuthenticationManager users) {
        this.entries = new AppConfigurationEntry[] {new AppConfigurationEntry(OperatorLoginModule.class.getName(),
                LoginModuleControlFlag.REQUIRED, Map.of(OperatorLoginModule.AUTHENTICATION_MANAGER, users))};
    }

    @Override
    public AppConfigurationEntry[] getAppConfigurationEntry(String realm) {
        return entries.clone();
    }
}
