package io.edihub.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * For every request, after authorization: refuses a body over the size limit with 413 before a route
 * sees it (whether or not the client declared its length), refuses form bodies, and hands the
 * authenticated caller to the route in the {@link #CALLER} and {@link #CALLER_ROLE} headers. No header or
 * query parameter a client sends under the hub's {@code EdiHub} prefix gets through (Camel processes the
 * request on its own thread, where Spring Security's thread-bound context is not, hence headers).
 */
final class ApiRequestFilter extends OncePerRequestFilter {

    /** The authenticated user name. */
    static final String CALLER = "EdiHubCaller";
    /** OPERATOR or PARTNER. */
    static final String CALLER_ROLE = "EdiHubCallerRole";

    private final long maxBytes;

    ApiRequestFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // every request, whatever its path looks like before decoding: the caller headers are always ours
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        Map<String, String> headers = Map.of();
        if (caller != null && caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken)) {
            String role = caller.getAuthorities().stream()
                    .anyMatch(a -> a.getAuthority().equals("ROLE_" + ApiSecurityConfiguration.OPERATOR))
                    ? ApiSecurityConfiguration.OPERATOR : ApiSecurityConfiguration.PARTNER;
            headers = Map.of(CALLER, caller.getName(), CALLER_ROLE, role);
        }
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/")) {
            refuse(response, 415, "UNSUPPORTED_MEDIA_TYPE", "send the order as the request body with Content-Type "
                    + "application/json or text/csv, not as a form");
            return;
        }
        if (operatorAction(request) && type.startsWith("text/plain")) {
            // what a cross-site form can post, with credentials the browser kept: operators' actions take JSON
            refuse(response, 415, "UNSUPPORTED_MEDIA_TYPE", "send the request as JSON with Content-Type application/json");
            return;
        }
        if (request.getContentLengthLong() > maxBytes) {
            tooLarge(response);
            return;
        }
        byte[] body = read(request.getInputStream());
        if (body == null) {
            tooLarge(response);
            return;
        }
        chain.doFilter(new BufferedRequest(request, body, headers), response);
    }

    /**
     * A POST that changes what operators decide: a held order's decision, closing an alert, a dead letter's fate, a
     * claim's settlement, an application of unapplied cash.
     */
    static boolean operatorAction(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "POST".equals(request.getMethod()) && OPERATOR_ACTION.matcher(path).matches();
    }

    private static final java.util.regex.Pattern OPERATOR_ACTION = java.util.regex.Pattern.compile(
            "/api/v1/(orders/[^/]+/[^/]+/decision|alerts/[^/]+/close|dead-letters/[^/]+/(replay|discard)"
                    + "|claims/[^/]+/settlement|remittances/[^/]+/application)/?");

    /** The body, or null when it is longer than the limit. */
    private byte[] read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        long total = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            total += n;
            if (total > maxBytes) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        refuse(response, 413, "TOO_LARGE", "document is larger than the " + maxBytes + "-byte limit; nothing was read");
    }

    static void refuse(HttpServletResponse response, int status, String code, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getOutputStream().write(("{\"status\":\"REJECTED\",\"errors\":[{\"location\":\"document\",\"code\":\""
                + code + "\",\"message\":\"" + message + "\"}]}\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The request with its body already read, so the limit holds for chunked uploads too. */
    private static final class BufferedRequest extends HttpServletRequestWrapper {

        private final byte[] body;
        private final Map<String, String> caller;

        BufferedRequest(HttpServletRequest request, byte[] body, Map<String, String> caller) {
            super(request);
            this.body = body;
            this.caller = caller;
        }

        private String callerHeader(String name) {
            return caller.keySet().stream().filter(k -> k.equalsIgnoreCase(name)).findFirst().orElse(null);
        }

        @Override
        public String getHeader(String name) {
            String key = callerHeader(name);
            return key != null ? caller.get(key) : ours(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            String key = callerHeader(name);
            if (key != null) {
                return Collections.enumeration(List.of(caller.get(key)));
            }
            return ours(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            // no header a client sent under the hub's own prefix gets through; the caller headers are set here
            List<String> names = new ArrayList<>();
            for (Enumeration<String> e = super.getHeaderNames(); e.hasMoreElements(); ) {
                String name = e.nextElement();
                if (!ours(name)) {
                    names.add(name);
                }
            }
            names.addAll(caller.keySet());
            return Collections.enumeration(names);
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }
            };
        }

        private static boolean ours(String name) {
            return name != null && name.regionMatches(true, 0, "EdiHub", 0, 6);
        }

        @Override
        public String getParameter(String name) {
            return ours(name) ? null : super.getParameter(name);
        }

        @Override
        public String[] getParameterValues(String name) {
            return ours(name) ? null : super.getParameterValues(name);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, String[]> map = new java.util.LinkedHashMap<>(super.getParameterMap());
            map.keySet().removeIf(BufferedRequest::ours);
            return Collections.unmodifiableMap(map);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }

        @Override
        public String getQueryString() {
            String query = super.getQueryString();
            if (query == null) {
                return null;
            }
            List<String> kept = new ArrayList<>();
            for (String pair : query.split("&")) {
                String name = java.net.URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
                if (!ours(name)) {
                    kept.add(pair);
                }
            }
            return kept.isEmpty() ? null : String.join("&", kept);
        }

        @Override
        public java.io.BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            java.nio.charset.Charset charset = encoding == null ? StandardCharsets.UTF_8
                    : java.nio.charset.Charset.forName(encoding);
            return new java.io.BufferedReader(new java.io.InputStreamReader(new ByteArrayInputStream(body), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
