package nl.loket.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hides the client's {@code Sec-WebSocket-Extensions} from the handshake, so the socket gets no
 * {@code permessage-deflate}, which every browser asks for: the container would keep a compressor and a
 * decompressor per socket for frames of a few hundred bytes (docs/benchmarks.md, "Idle sockets": it
 * doubles the heap of an idle customer socket). Refusing it is allowed (RFC 7692); the client then sends
 * plain frames. A filter, because Tomcat grants its installed extensions whenever Spring's handshake
 * handler selects none.
 */
final class NoCompressionFilter extends OncePerRequestFilter {

    private static final String EXTENSIONS = "Sec-WebSocket-Extensions";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return EXTENSIONS.equalsIgnoreCase(name) ? null : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return EXTENSIONS.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
            }

            @Override
            public Enumeration<String> getHeaderNames() {
                return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                        .filter(n -> !EXTENSIONS.equalsIgnoreCase(n)).toList());
            }
        }, response);
    }
}
