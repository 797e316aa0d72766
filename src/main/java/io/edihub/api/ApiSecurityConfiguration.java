package io.edihub.api;

import io.edihub.intake.IntakeSettings;
import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Everything served over HTTP needs a user, except the health probes: partners' clients send orders
 * (role PARTNER, user name = partner id), operators decide on held orders and see everything (role
 * OPERATOR). HTTP basic, no sessions of its own, a password checked with bcrypt once and then for a while on a keyed
 * hash ({@link VerifiedCredentials}); requests over what the hub works on at once are refused at once
 * ({@link ApiAdmission}); order bodies are size-limited before they are read. The
 * browser pages (Hawtio, Jolokia, {@code /ops/**}) have their own chain with a session login, see
 * {@code io.edihub.console.ConsoleSecurityConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiSettings.class)
class ApiSecurityConfiguration {

    static final String PARTNER = "PARTNER";
    static final String OPERATOR = "OPERATOR";

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, IntakeSettings intake, ApiSettings settings,
            UserDetailsService users, MeterRegistry meters) throws Exception {
        // plain path patterns: the API's handlers are Camel's, which Spring MVC's matchers do not know
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        RequestMatcher api = path.matcher("/api/**");
        http.authorizeHttpRequests(a -> a
                        // an error page for a request already authorized
                        .dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ERROR).permitAll()
                        .requestMatchers(path.matcher("/actuator/health"), path.matcher("/actuator/health/**")).permitAll()
                        .requestMatchers(path.matcher(HttpMethod.POST, "/api/v1/orders/*/*/decision"),
                                path.matcher(HttpMethod.POST, "/api/v1/claims/*/settlement"),
                                path.matcher(HttpMethod.POST, "/api/v1/remittances/*/application")).hasRole(OPERATOR)
                        // what concerns every partner at once is for operators only
                        .requestMatchers(path.matcher("/api/v1/alerts/**"), path.matcher("/api/v1/dead-letters/**"))
                        .hasRole(OPERATOR)
                        .requestMatchers(api).hasAnyRole(PARTNER, OPERATOR)
                        .anyRequest().hasRole(OPERATOR))
                .httpBasic(Customizer.withDefaults())
                // machine clients send their password on every request: bcrypt it once, not every time
                .authenticationManager(new ProviderManager(new VerifiedCredentials(passwords(users), users,
                        settings.credentials())))
                // API clients are programs with credentials on every request, not browsers with a session: no
                // CSRF for them. An operator page calling the API with the session of the console's login
                // (io.edihub.console) is a browser: it sends the XSRF-TOKEN cookie back as X-XSRF-TOKEN.
                .csrf(c -> c.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .ignoringRequestMatchers(new AndRequestMatcher(api, ApiSecurityConfiguration::withoutSession)))
                // never makes a session, but reads the console's one
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                // nothing to come back to after a login: an anonymous request must not open a session to save itself in
                .requestCache(c -> c.disable())
                // refuse what the hub cannot work on now before a body is read
                .addFilterAfter(new ApiAdmission(api, settings.admission(), meters), AuthorizationFilter.class)
                .addFilterAfter(new ApiRequestFilter(intake.maxDocumentBytes()), ApiAdmission.class);
        return http.build();
    }

    /** The users of the settings; only where a {@link FallbackApiPasswords} exists (the local run) are missing ones added. */
    @Bean
    InMemoryUserDetailsManager apiUsers(ApiSettings settings, PartnerDirectory partners,
            ObjectProvider<FallbackApiPasswords> fallbackPasswords) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        FallbackApiPasswords fallback = fallbackPasswords.getIfAvailable();
        for (PartnerProfile p : partners.all()) {
            if (settings.operators().containsKey(p.id()) || fallback != null && settings.operators().isEmpty()
                    && p.id().equals(FallbackApiPasswords.OPERATOR)) {
                throw new IllegalStateException("partner id '" + p.id() + "' is also an operator's user name: "
                        + "HTTP API users must be one or the other");
            }
        }
        Map<String, String> clients = new LinkedHashMap<>(settings.clients());
        Map<String, String> operators = new LinkedHashMap<>(settings.operators());
        if (fallback != null) {
            List<String> missing = new ArrayList<>();
            partners.all().stream().map(PartnerProfile::id).filter(id -> !clients.containsKey(id)).forEach(missing::add);
            if (operators.isEmpty()) {
                missing.add(FallbackApiPasswords.OPERATOR);
            }
            Map<String, String> passwords = missing.isEmpty() ? Map.of() : fallback.passwordsFor(missing);
            passwords.forEach((user, password) -> (user.equals(FallbackApiPasswords.OPERATOR) && operators.isEmpty()
                    ? operators : clients).put(user, password));
        }
        List<UserDetails> users = new ArrayList<>();
        clients.forEach((partner, password) -> {
            if (partners.byId(partner).isEmpty()) {
                throw new IllegalStateException("edihub.http.clients." + partner + ": there is no partner '" + partner + "'");
            }
            users.add(User.withUsername(partner).password(encoded(encoder, password)).roles(PARTNER).build());
        });
        operators.forEach((name, password) -> users.add(User.withUsername(name).password(encoded(encoder, password))
                .roles(OPERATOR).build()));
        return new InMemoryUserDetailsManager(users);
    }

    /**
     * The bcrypt check, as Spring Security's default would make it from the user store: hashes of any of its
     * encodings, and a {@code {noop}} password re-encoded with bcrypt after its first use where the store can change it.
     */
    private static DaoAuthenticationProvider passwords(UserDetailsService users) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        if (users instanceof UserDetailsPasswordService upgrade) {
            passwords.setUserDetailsPasswordService(upgrade);
        }
        return passwords;
    }

    private static boolean withoutSession(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getSession(false) == null;
    }

    private static String encoded(PasswordEncoder encoder, String password) {
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("an HTTP API user has an empty password");
        }
        return password.startsWith("{") ? password : encoder.encode(password);
    }
}
