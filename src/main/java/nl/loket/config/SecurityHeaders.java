package nl.loket.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A strict Content-Security-Policy on the demo page: it proves the widget works on sites that
 * forbid inline scripts and styles. Only the demo's own pages get it; the agent console and the
 * API set their own headers.
 */
@Component
class SecurityHeaders extends OncePerRequestFilter {

    static final String POLICY = "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; "
            + "style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'";

    private static final Set<String> DEMO_PAGES = Set.of("/", "/index.html");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !DEMO_PAGES.contains(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        chain.doFilter(request, response);
    }
}
