package io.edihub.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes an API request only when the hub can work on it now: at most {@code max-in-progress} API requests at once
 * (being processed, or waiting for one of the API's threads), of which at most {@code max-in-progress-per-caller}
 * from one user. Anything more is answered at once, before its body is read: 503 when the hub is full, 429 when
 * the caller already has its share, both with {@code Retry-After}; counted in {@code edihub.http.requests.refused}
 * and logged (a line per 10 s at most, with the count).
 *
 * <p>Why: Camel's platform-http runs each API request on Spring's task executor (8 threads) and Spring MVC waits
 * for it asynchronously. Without a limit, requests over what the hub keeps up with queue there without bound; the
 * ones still queued when the servlet container's async timeout passed were answered 503 and never taken. With the
 * queue bounded here that timeout is switched off ({@code spring.mvc.async.request-timeout: -1}): a request taken is
 * always processed to its end and answered.
 *
 * <p>A request's place is given back when its answer is complete (the servlet container's {@code onComplete}), not
 * when the filter chain returns, since the route runs on after that.
 */
final class ApiAdmission extends OncePerRequestFilter {

    static final String REFUSED = "edihub.http.requests.refused";
    static final String IN_PROGRESS = "edihub.http.requests.in.progress";
    private static final Logger LOG = LoggerFactory.getLogger(ApiAdmission.class);
    private static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final RequestMatcher api;
    private final ApiSettings.Admission settings;
    private final MeterRegistry meters;
    private final AtomicInteger inProgress = new AtomicInteger();
    private final Map<String, Integer> perCaller = new ConcurrentHashMap<>();
    private final long retryAfterSeconds;
    private final AtomicLong refusedSinceLog = new AtomicLong();
    private final AtomicLong nextLogAt = new AtomicLong(System.nanoTime());

    ApiAdmission(RequestMatcher api, ApiSettings.Admission settings, MeterRegistry meters) {
        this.api = api;
        this.settings = settings;
        this.meters = meters;
        this.retryAfterSeconds = Math.max(1, (settings.retryAfter().toMillis() + 999) / 1000);
        Gauge.builder(IN_PROGRESS, inProgress, AtomicInteger::get)
                .description("API requests being processed or waiting for a thread").register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !api.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String caller = caller();
        if (!takeCallerPlace(caller)) {
            refuse(response, 429, "OVER_SHARE", caller, "over_client_share", "this client already has "
                    + settings.maxInProgressPerCaller() + " requests in progress; nothing was read, send it again later");
            return;
        }
        if (!takePlace()) {
            giveBack(caller);
            refuse(response, 503, "OVERLOADED", caller, "overloaded", "the hub is working on as many requests as it "
                    + "takes; nothing was read, send it again later");
            return;
        }
        Release release = new Release(caller);
        try {
            chain.doFilter(request, response);
        } finally {
            if (request.isAsyncStarted()) {
                // the route answers on another thread: the place is free once that answer is complete
                request.getAsyncContext().addListener(release);
            } else {
                release.run();
            }
        }
    }

    private boolean takePlace() {
        for (int n = inProgress.get(); n < settings.maxInProgress(); n = inProgress.get()) {
            if (inProgress.compareAndSet(n, n + 1)) {
                return true;
            }
        }
        return false;
    }

    private boolean takeCallerPlace(String caller) {
        AtomicBoolean taken = new AtomicBoolean();
        perCaller.compute(caller, (k, n) -> {
            int now = n == null ? 0 : n;
            if (now >= settings.maxInProgressPerCaller()) {
                return n;
            }
            taken.set(true);
            return now + 1;
        });
        return taken.get();
    }

    private void giveBack(String caller) {
        perCaller.computeIfPresent(caller, (k, n) -> n <= 1 ? null : n - 1);
    }

    private void refuse(HttpServletResponse response, int status, String code, String caller, String reason,
            String message) throws IOException {
        Counter.builder(REFUSED).description("API requests answered 503 or 429 at once because the hub was busy")
                .tag("reason", reason).tag("caller", caller).register(meters).increment();
        logRefusal(status, caller);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        ApiRequestFilter.refuse(response, status, code, message);
    }

    private void logRefusal(int status, String caller) {
        long refused = refusedSinceLog.incrementAndGet();
        long now = System.nanoTime();
        long due = nextLogAt.get();
        if (now - due >= 0 && nextLogAt.compareAndSet(due, now + LOG_EVERY_NANOS)) {
            refusedSinceLog.addAndGet(-refused);
            LOG.warn("HTTP API busy: {} request(s) refused since the last such line, the latest {} to '{}'; {} of {} "
                    + "in progress (edihub.http.admission)", refused, status, caller, inProgress.get(),
                    settings.maxInProgress());
        }
    }

    private static String caller() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return caller == null || caller instanceof AnonymousAuthenticationToken || !caller.isAuthenticated()
                ? "anonymous" : caller.getName();
    }

    /** Gives a request's places back, once, whichever of the container's events comes first. */
    private final class Release implements AsyncListener, Runnable {

        private final String caller;
        private final AtomicBoolean done = new AtomicBoolean();

        Release(String caller) {
            this.caller = caller;
        }

        @Override
        public void run() {
            if (done.compareAndSet(false, true)) {
                inProgress.decrementAndGet();
                giveBack(caller);
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {
            run();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            // the answer is still to be written (onComplete follows): the place stays taken until then
        }

        @Override
        public void onError(AsyncEvent event) {
            // as onTimeout: onComplete follows
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }
    }
}
