package io.edihub.console;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What browsers use, with a session: Hawtio ({@code /hawtio/**}), Jolokia ({@code /jolokia/**}), the operator's
 * desk ({@code /desk/**}) and the older operator pages ({@code /ops/**}), for operators; the customer's portal
 * ({@code /portal/**}) for partners' users. Two ways in, one session: Hawtio's own login form
 * (checked by {@link OperatorLoginModule}, carried over by {@link HawtioSessionBridgeFilter}) and Spring's
 * form login on {@code /login}; HTTP basic too, for scripts calling Jolokia. The HTTP API keeps its own
 * stateless chain and reads this session only to let operator pages call it.
 *
 * <p>CSRF: the token is in the {@code XSRF-TOKEN} cookie, which Hawtio (and our pages) send back as the
 * {@code X-XSRF-TOKEN} header. Hawtio's login request is the one exception: its page posts the password
 * without the header.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfiguration {

    static final String OPERATOR = "OPERATOR";
    static final String PARTNER = "PARTNER";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain consoleSecurity(HttpSecurity http) throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
                new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
        http.securityMatcher(new OrRequestMatcher(path.matcher("/hawtio/**"), path.matcher("/jolokia/**"),
                        path.matcher("/ops/**"), path.matcher("/login"), path.matcher("/logout"),
                        path.matcher("/default-ui.css"), path.matcher("/"), path.matcher("/desk"),
                        path.matcher("/desk/**"), path.matcher("/portal"), path.matcher("/portal/**"),
                        path.matcher("/assets/**"), path.matcher("/webjars/**")))
                .authorizeHttpRequests(a -> a
                        // Hawtio forwards its client routes to index.html and /hawtio/jolokia to /jolokia, after the
                        // request itself was allowed
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        // Hawtio's login page is its single-page app: the shell, its scripts and the login calls
                        .requestMatchers(path.matcher("/hawtio/login"), path.matcher("/hawtio/auth/**"),
                                path.matcher("/hawtio/static/**"), path.matcher("/hawtio/img/**"),
                                path.matcher("/hawtio/favicon.ico"), path.matcher("/hawtio/hawtconfig.json"),
                                path.matcher("/hawtio/user"), path.matcher("/hawtio/keycloak/**"),
                                path.matcher("/hawtio/plugin"), path.matcher("/hawtio/preset-connections"),
                                path.matcher("/hawtio/*.worker.js"))
                        .permitAll()
                        // the login page and what it shows: asked for with HTTP basic, a browser would prompt for them
                        .requestMatchers(path.matcher("/default-ui.css"), path.matcher("/login"),
                                path.matcher("/assets/**"), path.matcher("/webjars/**")).permitAll()
                        // the customer's portal is for partners' users only; an operator has the desk
                        .requestMatchers(path.matcher("/portal"), path.matcher("/portal/**")).hasRole(PARTNER)
                        // where a login lands: the desk or the portal, by role
                        .requestMatchers(path.matcher("/")).hasAnyRole(OPERATOR, PARTNER)
                        .anyRequest().hasRole(OPERATOR))
                .securityContext(c -> c.securityContextRepository(contexts))
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false))
                .httpBasic(Customizer.withDefaults())
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/hawtio/login"),
                                path.matcher("/hawtio/**"))
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                path.matcher("/jolokia/**"))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                new OrRequestMatcher(path.matcher("/ops/**"), path.matcher("/"), path.matcher("/desk"),
                                        path.matcher("/desk/**"), path.matcher("/portal"), path.matcher("/portal/**"))))
                .csrf(c -> c
                        .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new HeaderOrFormCsrfTokenHandler())
                        // Hawtio's login page posts without the token; a Jolokia request without a session carries
                        // its credentials itself (or none: then it is answered 401, not 403)
                        .ignoringRequestMatchers(path.matcher("/hawtio/auth/login"),
                                new AndRequestMatcher(path.matcher("/jolokia/**"), ConsoleSecurityConfiguration::withoutSession)))
                .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class)
                .addFilterAfter(new HawtioSessionBridgeFilter(contexts), BasicAuthenticationFilter.class);
        return http.build();
    }

    private static boolean withoutSession(HttpServletRequest request) {
        return request.getSession(false) == null;
    }

    /**
     * The raw token from the cookie in the {@code X-XSRF-TOKEN} header (what Hawtio's scripts send), the
     * masked one in a form field (what Spring's login page renders).
     */
    static final class HeaderOrFormCsrfTokenHandler implements CsrfTokenRequestHandler {

        private final CsrfTokenRequestHandler masked = new XorCsrfTokenRequestAttributeHandler();
        private final CsrfTokenRequestHandler plain = new CsrfTokenRequestAttributeHandler();

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
            masked.handle(request, response, token);
        }

        @Override
        public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
            return StringUtils.hasText(request.getHeader(token.getHeaderName()))
                    ? plain.resolveCsrfTokenValue(request, token)
                    : masked.resolveCsrfTokenValue(request, token);
        }
    }

    /** Sets the {@code XSRF-TOKEN} cookie on the first page, before a script needs it. */
    static final class CsrfCookieFilter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
