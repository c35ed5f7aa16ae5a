package nl.loket.llm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.Conversations;
import nl.loket.handover.HandoverPacket;
import nl.loket.handover.HandoverSummarizer;
import nl.loket.handover.HandoverSummary;
import org.springframework.stereotype.Component;

/**
 * The handover summary written by the model from {@code prompts/handover-summary.md}, on the
 * redacted conversation. The packet is built often (every inbox push), so a summary is written once
 * per conversation and content, and a caller waits at most {@link #WAIT}; until it is there, and
 * whenever the model is off or fails, the packet has none (null here: the console puts one together). The model
 * writes from customer text, so its summary passes {@link SummaryCheck} first (a blocked one also
 * means none) and is marked {@link HandoverSummary#ASSISTANT}.
 */
@Component
class LlmSummarizer implements HandoverSummarizer {

    /** How long a packet waits for a summary still being written; the call itself may take longer. */
    static final long WAIT = 3_000;
    private static final int CACHED = 2_000;
    private static final int MAX_CHARS = 800;

    private final AssistCall call;
    private final Prompts prompts;
    private final GroundedPrompt prompt;
    private final Conversations conversations;
    private final LlmMetrics metrics;
    private final Clock clock;
    /** A failed summary is tried again after this long (not on every inbox push). */
    private static final long RETRY_AFTER = 60_000;

    private record Pending(CompletableFuture<Optional<String>> summary, long startedAt) {
        boolean failedLongAgo(long now) {
            return summary.isDone() && summary.getNow(Optional.empty()).isEmpty() && now - startedAt > RETRY_AFTER;
        }
    }

    private final Map<String, Pending> summaries = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Pending> eldest) {
                    return size() > CACHED;
                }
            });

    LlmSummarizer(AssistCall call, Prompts prompts, GroundedPrompt prompt, Conversations conversations,
            LlmMetrics metrics, Clock clock) {
        this.call = call;
        this.prompts = prompts;
        this.prompt = prompt;
        this.conversations = conversations;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public HandoverSummary summarize(HandoverPacket packet) {
        PromptSet set = prompts.current();
        if (!call.on() || set == null) {
            return null;
        }
        String lang = packet.customer() == null || packet.customer().lang() == null ? "nl" : packet.customer().lang();
        String user = PromptTemplate.fill(set.summary(), Map.of("transcript", transcript(packet),
                "reason", GroundedPrompt.escape(packet.reason() == null ? "" : packet.reason()), "lang", lang));
        String key = packet.conversationId() + ":" + sha256(user);
        long now = clock.millis();
        CompletableFuture<Optional<String>> summary = summaries.compute(key, (k, pending) ->
                pending == null || pending.failedLongAgo(now) ? new Pending(CompletableFuture.supplyAsync(
                        () -> call.run("summary", null, user).map(LlmSummarizer::tidy).filter(t -> passes(t, packet)),
                        r -> Thread.ofVirtual().name("llm-summary").start(r)), now) : pending).summary();
        try {
            return summary.get(WAIT, TimeUnit.MILLISECONDS)
                    .map(text -> new HandoverSummary(text, HandoverSummary.ASSISTANT)).orElse(null);
        } catch (TimeoutException e) {
            return null; // still being written: extractive this time, the model's text next time
        } catch (ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * What the customer wrote before the handover and what the bot answered, in order, redacted
     * (also of the packet's customer and details) and escaped like every customer text the model sees.
     */
    String transcript(HandoverPacket packet) {
        HandoverPacket.Customer customer = packet.customer();
        KnownCustomer known = customer == null ? KnownCustomer.of(null, null, null, packet.details())
                : KnownCustomer.of(customer.name(), customer.email(), customer.id(), packet.details());
        Set<Long> attempts = new HashSet<>();
        packet.botAttempts().forEach(a -> attempts.add(a.seq()));
        int customerTurns = packet.customerMessages().size();
        StringBuilder out = new StringBuilder();
        for (ConversationEvent e : conversations.eventsAfter(packet.conversationId(), 0)) {
            if (e.text() == null) {
                continue;
            }
            if (e instanceof ConversationEvent.CustomerMessage m && customerTurns > 0) {
                customerTurns--;
                out.append("<turn author=\"customer\">").append(prompt.customerText(m.text(), known))
                        .append("</turn>\n");
            } else if (e instanceof ConversationEvent.BotMessage m && attempts.contains(m.seq())) {
                out.append("<turn author=\"assistant\"").append(Boolean.FALSE.equals(m.helpful())
                        ? " marked=\"unhelpful\"" : "").append('>').append(prompt.customerText(m.text(), known))
                        .append("</turn>\n");
            }
        }
        return out.toString().strip();
    }

    private boolean passes(String summary, HandoverPacket packet) {
        Optional<String> problem = SummaryCheck.problem(summary, packet);
        problem.ifPresent(metrics::summaryBlocked);
        return problem.isEmpty();
    }

    private static String tidy(String text) {
        String t = text.strip();
        return t.length() <= MAX_CHARS ? t : t.substring(0, MAX_CHARS - 1) + "…";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
