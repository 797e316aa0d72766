package io.edihub.console;

import com.sun.security.auth.UserPrincipal;
import io.hawt.web.auth.RolePrincipal;
import java.io.IOException;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;

/**
 * Hawtio's login form and its Jolokia filter authenticate through JAAS: this module checks the user name
 * and password against the hub's own users (the same ones as the HTTP API) and gives the subject the user's
 * roles, so Hawtio lets in whoever has role OPERATOR. The Spring authentication travels in the subject's
 * private credentials for {@link HawtioSessionBridgeFilter}.
 */
public final class OperatorLoginModule implements LoginModule {

    /** The option that carries the {@link AuthenticationManager} of the hub's users. */
    static final String AUTHENTICATION_MANAGER = AuthenticationManager.class.getName();

    private Subject subject;
    private CallbackHandler callbacks;
    private AuthenticationManager users;
    private Authentication authenticated;

    @Override
    public void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState,
            Map<String, ?> options) {
        this.subject = subject;
        this.callbacks = callbackHandler;
        this.users = (AuthenticationManager) options.get(AUTHENTICATION_MANAGER);
    }

    @Override
    public boolean login() throws LoginException {
        NameCallback name = new NameCallback("user name");
        PasswordCallback password = new PasswordCallback("password", false);
        try {
            callbacks.handle(new Callback[] {name, password});
        } catch (IOException | UnsupportedCallbackException e) {
            throw new LoginException("cannot read the credentials: " + e.getMessage());
        }
        if (name.getName() == null || password.getPassword() == null) {
            throw new FailedLoginException("no user name or password");
        }
        try {
            authenticated = users.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(name.getName(),
                    new String(password.getPassword())));
        } catch (AuthenticationException e) {
            // the same answer for an unknown user and a wrong password
            throw new FailedLoginException("bad credentials");
        } finally {
            password.clearPassword();
        }
        return true;
    }

    @Override
    public boolean commit() {
        if (authenticated == null) {
            return false;
        }
        subject.getPrincipals().add(new UserPrincipal(authenticated.getName()));
        for (GrantedAuthority authority : authenticated.getAuthorities()) {
            // Hawtio's hawtio.roles names roles without Spring's ROLE_ prefix
            subject.getPrincipals().add(new RolePrincipal(authority.getAuthority().replaceFirst("^ROLE_", "")));
        }
        subject.getPrivateCredentials().add(authenticated);
        return true;
    }

    @Override
    public boolean abort() {
        authenticated = null;
        return true;
    }

    @Override
    public boolean logout() {
        subject.getPrincipals().removeIf(p -> p instanceof UserPrincipal || p instanceof RolePrincipal);
        subject.getPrivateCredentials().removeIf(Authentication.class::isInstance);
        authenticated = null;
        return true;
    }
}
