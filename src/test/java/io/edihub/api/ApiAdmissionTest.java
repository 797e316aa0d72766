package io.edihub.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The API's admission: requests over the limits are answered at once with 503 / 429 and Retry-After, never passed on;
 * a request's place is given back when its asynchronous answer completes, not when the filter returns.
 */
class ApiAdmissionTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ApiAdmission admission = new ApiAdmission(r -> r.getRequestURI().startsWith("/api/"),
            new ApiSettings.Admission(3, 2, Duration.ofMillis(1500)), meters);
    /** The requests the chain got: each started asynchronously and still open, like a route at work. */
    private final List<MockHttpServletRequest> working = new ArrayList<>();
    private final FilterChain route = (request, response) -> {
        working.add((MockHttpServletRequest) request);
        request.startAsync();
    };

    @AfterEach
    void noCaller() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void overTheClientsShareIs429AndOverTheHubs503AtOnceWithRetryAfter() throws Exception {
        assertThat(send("acme").getStatus()).isEqualTo(200);
        assertThat(send("acme").getStatus()).isEqualTo(200);
        MockHttpServletResponse overShare = send("acme");
        assertThat(overShare.getStatus()).isEqualTo(429);
        assertThat(overShare.getHeader("Retry-After")).isEqualTo("2");
        assertThat(overShare.getContentAsString()).contains("\"OVER_SHARE\"");

        assertThat(send("globex").getStatus()).isEqualTo(200);
        MockHttpServletResponse full = send("globex");
        assertThat(full.getStatus()).isEqualTo(503);
        assertThat(full.getHeader("Retry-After")).isEqualTo("2");
        assertThat(full.getContentAsString()).contains("\"OVERLOADED\"");

        assertThat(working).as("what was refused never reached the route").hasSize(3);
        assertThat(meters.get(ApiAdmission.REFUSED).tag("reason", "over_client_share").tag("caller", "acme").counter()
                .count()).isEqualTo(1);
        assertThat(meters.get(ApiAdmission.REFUSED).tag("reason", "overloaded").tag("caller", "globex").counter()
                .count()).isEqualTo(1);
        assertThat(meters.get(ApiAdmission.IN_PROGRESS).gauge().value()).isEqualTo(3);
    }

    @Test
    void aPlaceIsGivenBackWhenTheAnswerIsCompleteNotWhenTheFilterReturns() throws Exception {
        send("acme");
        send("acme");
        send("globex");
        assertThat(send("globex").getStatus()).isEqualTo(503);

        working.get(0).getAsyncContext().complete();
        assertThat(meters.get(ApiAdmission.IN_PROGRESS).gauge().value()).isEqualTo(2);
        assertThat(send("acme").getStatus()).isEqualTo(200);
        assertThat(send("globex").getStatus()).isEqualTo(503);
        working.forEach(r -> r.getAsyncContext().complete());
        assertThat(meters.get(ApiAdmission.IN_PROGRESS).gauge().value()).isZero();
    }

    @Test
    void aRequestAnsweredOnItsOwnThreadGivesItsPlaceBackAtOnce() throws Exception {
        for (int i = 0; i < 10; i++) {
            SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("acme", null, "ROLE_PARTNER"));
            MockHttpServletResponse response = new MockHttpServletResponse();
            admission.doFilter(api(), response, (q, r) -> { });
            assertThat(response.getStatus()).isEqualTo(200);
        }
        assertThat(meters.get(ApiAdmission.IN_PROGRESS).gauge().value()).isZero();
    }

    @Test
    void onlyTheApiIsAdmitted() throws Exception {
        send("acme");
        send("acme");
        send("globex");
        MockHttpServletRequest health = new MockHttpServletRequest("GET", "/actuator/health");
        MockHttpServletResponse response = new MockHttpServletResponse();
        admission.doFilter(health, response, (q, r) -> { });
        assertThat(response.getStatus()).isEqualTo(200);
    }

    private MockHttpServletResponse send(String caller) throws Exception {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(caller, null, "ROLE_PARTNER"));
        MockHttpServletResponse response = new MockHttpServletResponse();
        admission.doFilter(api(), response, route);
        return response;
    }

    private static MockHttpServletRequest api() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/orders");
        request.setAsyncSupported(true);
        return request;
    }
}
