package nl.loket.gateway;

import io.github.bucket4j.Bucket;
import java.time.Instant;
import nl.loket.conversation.Subscription;
import org.springframework.web.socket.WebSocketSession;

/** What one customer socket holds: its conversation view, its budgets and a half-read frame. */
final class CustomerSocket {

    final WebSocketSession session;
    /** The client address its budgets are counted under. */
    final String address;
    private final Bucket frames;
    private boolean throttled;
    private final StringBuilder partial = new StringBuilder();
    private int partialBytes;
    private boolean overflow;
    volatile Instant lastSeen;
    volatile String conversationId;
    volatile String lang;
    volatile Subscription subscription;
    /** The conversation whose socket budget this socket holds, to give it back on close. */
    volatile String attachedTo;

    CustomerSocket(WebSocketSession session, String address, Bucket frames, Instant now) {
        this.session = session;
        this.lastSeen = now;
        this.address = address;
        this.frames = frames;
    }

    /**
     * Counts one complete frame, whatever it holds. Refused: the half-read frame is dropped, and only
     * the first refusal of a run is answered, so a flood gets one error, not one for each frame.
     */
    synchronized Admission admit() {
        if (frames.tryConsume(1)) {
            throttled = false;
            return Admission.ADMITTED;
        }
        partial.setLength(0);
        partialBytes = 0;
        overflow = false;
        Admission refused = throttled ? Admission.REFUSED_QUIETLY : Admission.REFUSED;
        throttled = true;
        return refused;
    }

    enum Admission {
        ADMITTED,
        /** the first refusal of a run: answer it with {@code rate_limited} */
        REFUSED,
        REFUSED_QUIETLY
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
