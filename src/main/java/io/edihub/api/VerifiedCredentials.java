package io.edihub.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * HTTP basic without a bcrypt round on every request: a user name and password that the {@code passwords} provider
 * (bcrypt) accepted are let in again, for a short while, on a cheap keyed hash.
 *
 * <p>What is kept: per HMAC-SHA256 of user name and password, under a key made at random when the hub starts and never
 * written anywhere, the stored password hash the pair was checked against. Neither the password nor a fast unkeyed hash
 * of it is held, so the cache is no shortcut for someone who reads the heap. Only what bcrypt accepted goes in: a wrong
 * password always misses and costs its full bcrypt round, like an unknown user (Spring Security checks those against a
 * dummy hash). A hit still reads the user from the user store: a user removed, locked, or whose stored hash changed
 * (a new password, or Spring Security's upgrade of a {@code {noop}} one) is checked with bcrypt again. Entries live
 * {@code edihub.http.credentials.verified-for} (5 minutes) from the check, at most {@code max-entries} of them.
 */
final class VerifiedCredentials implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final UserDetailsService users;
    /** HMAC of user and password → the stored hash they were verified against. */
    private final Cache<String, String> verified;
    private final SecretKeySpec key;
    /** false when verified-for is zero: every request pays bcrypt, as before the cache. */
    private final boolean enabled;
    private final AccountStatusUserDetailsChecker accountStatus = new AccountStatusUserDetailsChecker();

    VerifiedCredentials(AuthenticationProvider passwords, UserDetailsService users, ApiSettings.Credentials settings) {
        this(passwords, users, settings, Ticker.systemTicker());
    }

    VerifiedCredentials(AuthenticationProvider passwords, UserDetailsService users, ApiSettings.Credentials settings,
            Ticker ticker) {
        this.passwords = passwords;
        this.users = users;
        this.verified = Caffeine.newBuilder().maximumSize(settings.maxEntries()).expireAfterWrite(positive(settings
                .verifiedFor())).ticker(ticker).build();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.enabled = !settings.verifiedFor().isZero();
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String user = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (!enabled || user == null || !(credentials instanceof String password)) {
            return passwords.authenticate(authentication);
        }
        String pair = mac(user, password);
        String verifiedHash = verified.getIfPresent(pair);
        if (verifiedHash != null) {
            UserDetails current = currentUser(user);
            if (current != null && verifiedHash.equals(current.getPassword())) {
                accountStatus.check(current);
                UsernamePasswordAuthenticationToken known = UsernamePasswordAuthenticationToken.authenticated(current,
                        null, current.getAuthorities());
                known.setDetails(authentication.getDetails());
                return known;
            }
            // the user is gone or has another password now: this pair is checked afresh, and kept only if it passes
            verified.invalidate(pair);
        }
        Authentication checked = passwords.authenticate(authentication);
        // read now: the authentication manager erases the principal's password once this returns
        if (checked != null && checked.isAuthenticated() && checked.getPrincipal() instanceof UserDetails principal
                && principal.getPassword() != null && user.equals(principal.getUsername())) {
            verified.put(pair, principal.getPassword());
        }
        return checked;
    }

    private UserDetails currentUser(String user) {
        try {
            return users.loadUserByUsername(user);
        } catch (UsernameNotFoundException e) {
            return null;
        }
    }

    private String mac(String user, String password) {
        byte[] name = user.getBytes(StandardCharsets.UTF_8);
        byte[] secret = password.getBytes(StandardCharsets.UTF_8);
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            // the length first: ("ab", "c") and ("a", "bc") are different pairs
            hmac.update(ByteBuffer.allocate(4).putInt(name.length).array());
            hmac.update(name);
            return Base64.getEncoder().encodeToString(hmac.doFinal(secret));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static Duration positive(Duration d) {
        return d.isZero() ? Duration.ofNanos(1) : d;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
