package io.edihub.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hawt.web.auth.RolePrincipal;
import java.security.Principal;
import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** Hawtio's JAAS login against the hub's users, as Hawtio's login servlet runs it. */
class OperatorLoginModuleTest {

    private final OperatorRealm realm = new OperatorRealm(new ProviderManager(new DaoAuthenticationProvider(
            new InMemoryUserDetailsManager(
                    User.withUsername("olivia").password("{noop}olivia-secret").roles("OPERATOR").build(),
                    User.withUsername("acme").password("{noop}acme-secret").roles("PARTNER").build()))));

    private Subject login(String user, String password) throws LoginException {
        Subject subject = new Subject();
        LoginContext context = new LoginContext("hawtio", subject, callbacks -> {
            ((NameCallback) callbacks[0]).setName(user);
            ((PasswordCallback) callbacks[1]).setPassword(password.toCharArray());
        }, realm);
        context.login();
        return subject;
    }

    @Test
    void anOperatorGetsHerNameHerRoleAndTheSpringLoginForTheSession() throws LoginException {
        Subject subject = login("olivia", "olivia-secret");

        assertThat(subject.getPrincipals()).extracting(Principal::getName).containsExactlyInAnyOrder("olivia", "OPERATOR");
        assertThat(subject.getPrincipals(RolePrincipal.class)).extracting(Principal::getName).containsExactly("OPERATOR");
        assertThat(subject.getPrivateCredentials(Authentication.class)).singleElement()
                .satisfies(a -> assertThat(a.getName()).isEqualTo("olivia"))
                .satisfies(a -> assertThat(a.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_OPERATOR"));
    }

    @Test
    void aPartnerIsAuthenticatedWithItsOwnRoleOnly() throws LoginException {
        // Hawtio refuses it: hawtio.roles is OPERATOR
        assertThat(login("acme", "acme-secret").getPrincipals(RolePrincipal.class)).extracting(Principal::getName)
                .containsExactly("PARTNER");
    }

    @Test
    void aWrongPasswordOrAnUnknownUserIsRefusedAlike() {
        assertThatThrownBy(() -> login("olivia", "wrong")).isInstanceOf(FailedLoginException.class)
                .hasMessage("bad credentials");
        assertThatThrownBy(() -> login("mallory", "olivia-secret")).isInstanceOf(FailedLoginException.class)
                .hasMessage("bad credentials");
    }
}
