package io.edihub.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The verified-credential cache in front of the bcrypt check, as the API's chain has it (a provider manager, which
 * erases credentials after each login): bcrypt's calls are counted.
 */
class VerifiedCredentialsTest {

    private final CountingBcrypt bcrypt = new CountingBcrypt();
    private final InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(
            User.withUsername("acme").password(bcrypt.encode("acme-secret")).roles("PARTNER").build());
    private final AtomicLong nanos = new AtomicLong();
    private final AuthenticationManager api = manager(Duration.ofMinutes(5));

    @Test
    void theSecondRequestWithTheSameGoodCredentialsDoesNotCallBcryptAgain() {
        Authentication first = api.authenticate(basic("acme", "acme-secret"));
        Authentication second = api.authenticate(basic("acme", "acme-secret"));

        assertThat(bcrypt.checks).hasValue(1);
        assertThat(second.isAuthenticated()).isTrue();
        assertThat(second.getName()).isEqualTo("acme");
        assertThat(second.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_PARTNER");
        assertThat(second.getAuthorities()).isEqualTo(first.getAuthorities());
    }

    @Test
    void aWrongPasswordIsNeverAcceptedFromTheCacheAndAlwaysCostsABcryptRound() {
        assertThatThrownBy(() -> api.authenticate(basic("acme", "guess"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> api.authenticate(basic("acme", "guess"))).isInstanceOf(BadCredentialsException.class);
        assertThat(bcrypt.checks).hasValue(2);

        api.authenticate(basic("acme", "acme-secret"));
        assertThat(bcrypt.checks).hasValue(3);
        // the good password in the cache lets no other one in, nor a prefix or extension of it, nor another user
        for (String wrong : new String[] {"acme-secre", "acme-secret ", "ACME-SECRET", ""}) {
            assertThatThrownBy(() -> api.authenticate(basic("acme", wrong))).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> api.authenticate(basic("globex", "acme-secret")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(bcrypt.checks).as("every failed attempt paid its bcrypt round, an unknown user too").hasValue(8);

        api.authenticate(basic("acme", "acme-secret"));
        assertThat(bcrypt.checks).hasValue(8);
    }

    @Test
    void aChangedPasswordInvalidatesWhatWasVerified() {
        api.authenticate(basic("acme", "acme-secret"));
        users.updateUser(User.withUsername("acme").password(bcrypt.encode("new-secret")).roles("PARTNER").build());

        assertThatThrownBy(() -> api.authenticate(basic("acme", "acme-secret"))).isInstanceOf(BadCredentialsException.class);
        assertThat(bcrypt.checks).hasValue(2);
        api.authenticate(basic("acme", "new-secret"));
        api.authenticate(basic("acme", "new-secret"));
        assertThat(bcrypt.checks).hasValue(3);
        assertThatThrownBy(() -> api.authenticate(basic("acme", "acme-secret"))).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void aDisabledOrRemovedUserIsNotLetInFromTheCache() {
        api.authenticate(basic("acme", "acme-secret"));
        users.updateUser(User.withUserDetails(users.loadUserByUsername("acme")).disabled(true).build());
        assertThatThrownBy(() -> api.authenticate(basic("acme", "acme-secret"))).isInstanceOf(DisabledException.class);

        users.deleteUser("acme");
        assertThatThrownBy(() -> api.authenticate(basic("acme", "acme-secret"))).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void aVerifiedPasswordIsCheckedWithBcryptAgainOnceItsTimeIsUp() {
        api.authenticate(basic("acme", "acme-secret"));
        nanos.addAndGet(Duration.ofMinutes(5).minusSeconds(1).toNanos());
        api.authenticate(basic("acme", "acme-secret"));
        assertThat(bcrypt.checks).hasValue(1);

        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        api.authenticate(basic("acme", "acme-secret"));
        assertThat(bcrypt.checks).hasValue(2);
    }

    @Test
    void zeroVerifiedForChecksEveryRequestWithBcrypt() {
        AuthenticationManager uncached = manager(Duration.ZERO);
        uncached.authenticate(basic("acme", "acme-secret"));
        uncached.authenticate(basic("acme", "acme-secret"));
        assertThat(bcrypt.checks).hasValue(2);
    }

    private AuthenticationManager manager(Duration verifiedFor) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(bcrypt);
        Ticker ticker = nanos::get;
        return new ProviderManager(new VerifiedCredentials(passwords, users,
                new ApiSettings.Credentials(verifiedFor, 100), ticker));
    }

    private static Authentication basic(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    /** bcrypt at its lowest cost, counting its checks. */
    private static final class CountingBcrypt implements PasswordEncoder {

        private final PasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    }
}
