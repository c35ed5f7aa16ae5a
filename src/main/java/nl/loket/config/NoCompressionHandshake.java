package nl.loket.config;

import java.util.List;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

/**
 * Grants no extension, so not the {@code permessage-deflate} every browser asks for: the container would
 * keep a compressor and a decompressor per socket for frames of a few hundred bytes (docs/benchmarks.md,
 * "Idle sockets": it multiplies the memory of an idle customer socket). Refusing it is allowed (RFC 7692);
 * the client then sends plain frames.
 */
final class NoCompressionHandshake extends DefaultHandshakeHandler {

    @Override
    protected List<WebSocketExtension> filterRequestedExtensions(ServerHttpRequest request,
            List<WebSocketExtension> requested, List<WebSocketExtension> supported) {
        return List.of();
    }
}
