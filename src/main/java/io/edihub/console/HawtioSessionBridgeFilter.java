package io.edihub.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Set;
import javax.security.auth.Subject;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A login through Hawtio's own form is a login for the hub's browser pages too: Hawtio keeps the JAAS subject
 * that {@link OperatorLoginModule} made in the HTTP session, and this filter turns the Spring authentication
 * inside it into the session's security context, so Spring Security's rules (role OPERATOR for Hawtio,
 * Jolokia and {@code /ops/**}) apply to it like to a form login. It also gives Hawtio's login a new session id.
 */
final class HawtioSessionBridgeFilter extends OncePerRequestFilter {

    /** Where Hawtio's login servlet keeps the subject. */
    static final String HAWTIO_SUBJECT = "subject";

    private static final RequestMatcher HAWTIO_LOGIN = PathPatternRequestMatcher.withDefaults()
            .matcher(HttpMethod.POST, "/hawtio/auth/login");

    private final SecurityContextRepository contexts;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    HawtioSessionBridgeFilter(SecurityContextRepository contexts) {
        this.contexts = contexts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (HAWTIO_LOGIN.matches(request) && request.getSession(false) != null) {
            // Hawtio's login servlet keeps the session it is given: a new id, so a session id planted before the
            // login (session fixation) does not become a logged-in one
            request.changeSessionId();
        }
        Authentication current = holder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if ((current == null || !current.isAuthenticated()) && session != null
                && session.getAttribute(HAWTIO_SUBJECT) instanceof Subject subject) {
            Set<Authentication> logins = subject.getPrivateCredentials(Authentication.class);
            if (!logins.isEmpty()) {
                SecurityContext context = holder.createEmptyContext();
                context.setAuthentication(logins.iterator().next());
                holder.setContext(context);
                contexts.saveContext(context, request, response);
            }
        }
        chain.doFilter(request, response);
    }
}
