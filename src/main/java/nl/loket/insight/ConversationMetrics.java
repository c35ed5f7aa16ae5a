package nl.loket.insight;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.loket.conversation.Author;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.ConversationStatus;
import nl.loket.conversation.Conversations;
import nl.loket.conversation.EventKind;
import nl.loket.conversation.EventStored;
import nl.loket.conversation.StatusChanged;
import nl.loket.handover.Handover;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The journey's metrics, each counted once, on the node that stored the event. Tags are closed sets
 * (tier, outcome, queue, reason, who handled the chat): never an id, a text or a name.
 */
@Component
class ConversationMetrics {

    /** Customer messages waiting for the bot's answer, per conversation; a bound so that no leak can grow. */
    private static final int MAX_WAITING = 50_000;
    private static final Duration[] ANSWER_BUCKETS = {Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
        Duration.ofSeconds(10), Duration.ofSeconds(30)};
    private static final Duration[] WAIT_BUCKETS = {Duration.ofSeconds(10), Duration.ofSeconds(30),
        Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10),
        Duration.ofMinutes(30), Duration.ofHours(1)};

    private final MeterRegistry meters;
    private final Conversations conversations;
    private final Handover handover;
    private final Map<String, Instant> unanswered = new ConcurrentHashMap<>();

    ConversationMetrics(MeterRegistry meters, Conversations conversations, Handover handover) {
        this.meters = meters;
        this.conversations = conversations;
        this.handover = handover;
        handover.queueNames().forEach(this::queueGauges);
    }

    @EventListener
    void stored(EventStored stored) {
        ConversationEvent event = stored.event();
        if (event.kind() != EventKind.MESSAGE) {
            return;
        }
        if (event.author() == Author.CUSTOMER) {
            if (unanswered.size() < MAX_WAITING) {
                unanswered.putIfAbsent(stored.conversationId(), event.at());
            }
        } else if (event.author() == Author.BOT && ConversationEvent.attribute(event, "outcome") != null) { // not a dialogue's question
            Answer answer = Answer.of(ConversationEvent.attribute(event, "outcome"));
            Counter.builder("loket.answers")
                    .description("Bot answers by tier (faq, llm, none) and outcome (answered, clarified, passed_on:"
                            + " no confident answer, a person is offered)")
                    .tag("tier", answer.tier()).tag("outcome", answer.outcome()).register(meters).increment();
            String llm = ConversationEvent.attribute(event, "llm");
            if (answer.tier().equals("llm") || llm != null) {
                Counter.builder("loket.llm.outcomes")
                        .description("Questions the LLM tier got: answered, abstained, blocked (by the answer"
                                + " check), failed, or not_asked (tier off, no sources, breaker open)")
                        .tag("outcome", llmOutcome(llm)).register(meters).increment();
            }
            Instant asked = unanswered.remove(stored.conversationId());
            if (asked != null) {
                Timer.builder("loket.answer.time")
                        .description("Time from a customer's message to the bot's answer, by tier")
                        .serviceLevelObjectives(ANSWER_BUCKETS).tag("tier", answer.tier()).register(meters)
                        .record(Duration.between(asked, event.at()));
            }
        }
    }

    @EventListener
    void statusChanged(StatusChanged change) {
        unanswered.remove(change.conversationId()); // out of BOT, or closed: the bot answers nothing more
        ConversationStatus to = change.to();
        if (to == ConversationStatus.QUEUED) {
            queueGauges(ConversationEvent.attribute(change.event(), "queue"));
        }
        if (change.from() == ConversationStatus.QUEUED || to == ConversationStatus.CLOSED) {
            List<ConversationEvent> log = conversations.eventsAfter(change.conversationId(), 0);
            if (change.from() == ConversationStatus.QUEUED) {
                waited(change, log);
            }
            if (to == ConversationStatus.CLOSED) {
                Counter.builder("loket.conversations.closed")
                        .description("Conversations closed, by who handled them (bot: resolved without a person;"
                                + " queue: waited for one who never came; person) and by who closed them")
                        .tag("handled", Handled.by(log)).tag("by", closedBy(ConversationEvent.attribute(change.event(), "reason")))
                        .register(meters).increment();
            }
        }
    }

    /** Queue wait (taken or left) and, when an agent took it, the customer's time to a human. */
    private void waited(StatusChanged change, List<ConversationEvent> log) {
        Instant queued = log.stream().filter(e -> Handled.statusOf(e) == ConversationStatus.QUEUED)
                .reduce((first, second) -> second).map(ConversationEvent::at).orElse(null);
        String queue = log.stream().filter(e -> e.kind() == EventKind.STATUS && ConversationEvent.attribute(e, "queue") != null)
                .reduce((first, second) -> second).map(e -> ConversationEvent.attribute(e, "queue")).orElse("unknown");
        Instant now = change.event().at();
        boolean taken = change.to() == ConversationStatus.AGENT;
        if (queued != null) {
            Timer.builder("loket.queue.wait")
                    .description("Time a chat waited in a queue, until an agent took it (taken) or it left the queue")
                    .serviceLevelObjectives(WAIT_BUCKETS).tag("queue", queue).tag("outcome", taken ? "taken" : "left")
                    .register(meters).record(Duration.between(queued, now));
        }
        if (taken) {
            log.stream().filter(e -> e.author() == Author.CUSTOMER && e.kind() == EventKind.MESSAGE).findFirst()
                    .ifPresent(first -> Timer.builder("loket.time.to.human")
                            .description("Time from the customer's first message to an agent joining (bot and queue)")
                            .serviceLevelObjectives(WAIT_BUCKETS).tag("queue", queue).register(meters)
                            .record(Duration.between(first.at(), now)));
        }
    }

    private void queueGauges(String queue) {
        if (queue == null) {
            return;
        }
        Gauge.builder("loket.queue.length", handover, h -> h.waitingCount(queue))
                .description("Chats waiting in a queue now (all nodes: read from Redis)").tag("queue", queue)
                .register(meters);
        Gauge.builder("loket.agents.online", handover, h -> h.agentsOnline(queue))
                .description("Agents online for a queue now (all nodes)").tag("queue", queue).register(meters);
    }

    private static String closedBy(String reason) {
        if (reason == null) {
            return "other";
        }
        return switch (reason) {
            case "customer_closed" -> "customer";
            case "agent_closed" -> "agent";
            default -> reason.startsWith("idle") ? "idle" : "other";
        };
    }

    private static String llmOutcome(String notAnswered) {
        if (notAnswered == null) {
            return "answered";
        }
        String kind = notAnswered.contains(":") ? notAnswered.substring(0, notAnswered.indexOf(':')) : notAnswered;
        return switch (kind) {
            case "abstained", "blocked", "failed" -> kind;
            default -> "not_asked";
        };
    }

    /** How the router's {@code outcome} attribute reads as tier and outcome. */
    private record Answer(String tier, String outcome) {
        static Answer of(String outcome) {
            return switch (outcome) {
                case "faq" -> new Answer("faq", "answered");
                case "faq_clarify" -> new Answer("faq", "clarified");
                case "llm" -> new Answer("llm", "answered");
                default -> new Answer("none", "passed_on");
            };
        }
    }
}
