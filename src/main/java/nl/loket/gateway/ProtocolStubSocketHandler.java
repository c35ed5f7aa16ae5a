package nl.loket.gateway;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.ConversationStatus;
import nl.loket.conversation.Source;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * Benchmarks only: {@code /ws/stub} speaks the customer protocol with the gateway's own frame reader
 * and writers, but does no work behind it: {@code hello} gets a {@code welcome}, each {@code message}
 * an {@code ack}, the customer's event and a fixed FAQ-style answer, with no Redis, routing or
 * matching. It is the protocol's floor on this stack, the yardstick between the bare echo socket and
 * {@code /ws/chat} in docs/benchmarks.md ("Message path"). On only with {@code loket.bench.echo-endpoint=true}.
 */
class ProtocolStubSocketHandler extends TextWebSocketHandler {

    private static final String SEQ = "stub.seq";
    private static final List<Source> SOURCES = List.of(new Source("stub", "Stub"));
    private static final String ANSWER = "Je geeft je meterstand door in de app of op Mijn Omgeving.";

    private final FrameReader reader;
    private final ServerFrames frames;
    private final Clock clock;

    ProtocolStubSocketHandler(FrameReader reader, ServerFrames frames, Clock clock) {
        this.reader = reader;
        this.frames = frames;
        this.clock = clock;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        session.getAttributes().put(SEQ, new AtomicLong());
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
        switch (reader.read(message.getPayload())) {
            case ClientFrame.Hello hello -> session.sendMessage(frames.welcome(UUID.randomUUID().toString(), "stub",
                    ConversationStatus.BOT, hello.lang() == null ? "nl" : hello.lang(), "stub", 0));
            case ClientFrame.Message m -> {
                AtomicLong seq = (AtomicLong) session.getAttributes().get(SEQ);
                long question = seq.incrementAndGet();
                session.sendMessage(frames.ack(m.clientMsgId(), question));
                session.sendMessage(frames.event(
                        new ConversationEvent.CustomerMessage(question, clock.instant(), m.text(), m.clientMsgId())));
                session.sendMessage(frames.event(new ConversationEvent.BotMessage(seq.incrementAndGet(),
                        clock.instant(), ANSWER, "faq", SOURCES, List.of(), null, Map.of())));
            }
            default -> { }
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty("loket.bench.echo-endpoint")
    static class Registration implements WebSocketConfigurer {

        private final ProtocolStubSocketHandler stub;

        Registration(FrameReader reader, ServerFrames frames, Clock clock) {
            this.stub = new ProtocolStubSocketHandler(reader, frames, clock);
        }

        @Override
        public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
            registry.addHandler(stub, "/ws/stub").setAllowedOriginPatterns("*");
        }
    }
}
