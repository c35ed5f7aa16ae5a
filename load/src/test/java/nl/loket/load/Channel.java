package nl.loket.load;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.ws;

import io.gatling.javaapi.core.ChainBuilder;
import java.time.Duration;
import java.util.UUID;

/**
 * The two sockets under test, driven with the same frames: Loket's customer channel {@code /ws/chat}
 * and the bare echo handler {@code /ws/echo} (on only with {@code loket.bench.echo-endpoint=true}).
 * On the echo socket every frame comes back unchanged; on the chat socket {@code hello} is answered
 * by {@code welcome}, and {@code message} by an {@code ack}, the customer's own event and the bot's reply.
 */
enum Channel {
    CHAT("/ws/chat"),
    ECHO("/ws/echo"),
    /** The echo socket without permessage-deflate: shows what compression costs per socket. */
    ECHO_PLAIN("/ws/echo-plain");

    static final String HELLO = "{\"type\":\"hello\",\"lang\":\"en\"}";
    // a different question each time: the same one twice in a conversation is a handover trigger
    // (repeated question), which answers with a notice instead of the bot message the check waits for
    static final String MESSAGE =
            "{\"type\":\"message\",\"clientMsgId\":\"#{clientMsgId}\",\"text\":\"Where is my parcel number #{n}?\"}";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String path;

    Channel(String path) {
        this.path = path;
    }

    static Channel named(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }

    String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Opens the socket; reported as "{label} connect". */
    ChainBuilder connect(String label) {
        return exec(ws(label + " connect").connect(path));
    }

    /** hello, then wait for welcome (chat) or the echo (echo); reported as "{label} welcome". */
    ChainBuilder hello(String label) {
        var answer = ws.checkTextMessage(label + " welcome")
                .check(jsonPath("$.type").is(this == CHAT ? "welcome" : "hello"));
        return exec(ws(label + " hello").sendText(HELLO).await(TIMEOUT).on(answer));
    }

    /**
     * One customer message. Chat: waits for the ack (reported as "{label} ack") and then for the
     * bot's reply event (reported as "{label} reply", timed from the send, so it is the whole round
     * trip); the customer's own event in between is skipped. Echo: waits for the frame to come back
     * (reported as "{label} reply").
     */
    ChainBuilder message(String label) {
        var send = ws(label + " message").sendText(MESSAGE).await(TIMEOUT);
        var reply = ws.checkTextMessage(label + " reply");
        var chain = this == CHAT
                ? send.on(ws.checkTextMessage(label + " ack").matching(jsonPath("$.type").is("ack"))
                                .check(jsonPath("$.clientMsgId").isEL("#{clientMsgId}")),
                        reply.matching(jsonPath("$.author").is("bot")).check(jsonPath("$.type").is("event")))
                : send.on(reply.check(jsonPath("$.clientMsgId").isEL("#{clientMsgId}")));
        return exec(session -> session.set("clientMsgId", UUID.randomUUID().toString())
                .set("n", session.contains("n") ? session.getInt("n") + 1 : 1)).exec(chain);
    }

    ChainBuilder close(String label) {
        return exec(ws(label + " close").close());
    }
}
