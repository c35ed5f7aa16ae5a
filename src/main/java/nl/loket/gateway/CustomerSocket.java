package nl.loket.gateway;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.time.Instant;
import nl.loket.conversation.Subscription;
import org.springframework.web.socket.WebSocketSession;

/** What one customer socket holds: its conversation view, its rate budget and a half-read frame. */
final class CustomerSocket {

    final WebSocketSession session;
    final Bucket frames;
    private final StringBuilder partial = new StringBuilder();
    private int partialBytes;
    private boolean overflow;
    volatile Instant lastSeen;
    volatile String conversationId;
    volatile String lang;
    volatile Subscription subscription;

    CustomerSocket(WebSocketSession session, int framesPerSecond, Instant now) {
        this.session = session;
        this.lastSeen = now;
        this.frames = Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(framesPerSecond).refillGreedy(framesPerSecond, Duration.ofSeconds(1))
                        .build())
                .build();
    }

    /**
     * Adds a piece of a frame; returns the whole frame when it is complete, or null. A frame over
     * {@code maxBytes} (UTF-8) is dropped piece by piece and reported as {@link BadFrame} once
     * complete, so an oversized frame never costs more memory than the limit and the socket stays open.
     */
    synchronized String append(String piece, boolean last, int maxBytes) {
        if (!overflow) {
            partial.append(piece);
            partialBytes += utf8Length(piece);
            if (partialBytes > maxBytes) {
                overflow = true;
                partial.setLength(0);
            }
        }
        if (!last) {
            return null;
        }
        boolean tooLarge = overflow;
        overflow = false;
        String frame = partial.toString();
        partial.setLength(0);
        partialBytes = 0;
        if (tooLarge) {
            throw new BadFrame(ErrorCode.TOO_LARGE, "frame is larger than " + maxBytes + " bytes");
        }
        return frame;
    }

    private static int utf8Length(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    boolean saidHello() {
        return conversationId != null;
    }
}
