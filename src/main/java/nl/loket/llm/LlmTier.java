package nl.loket.llm;

import dev.langchain4j.agent.tool.ToolSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.Conversations;
import nl.loket.conversation.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Answers a question from the FAQ entries it is given: streams the model's answer as deltas (held
 * back while it may be a link or contact the check would block), checks it (citation or abstain),
 * and returns it as a {@code tier: llm} bot message for the router to append. Anything else (off,
 * breaker open, abstained, blocked, failed) withdraws the streamed text and tells the caller to post
 * the fallback. It stores nothing itself. Call it on a thread that may block (the router's lanes).
 */
@Service
public class LlmTier {

    private static final Logger log = LoggerFactory.getLogger(LlmTier.class);

    private final ModelClient client;
    private final ModelCall call;
    private final Prompts prompts;
    private final GroundedPrompt prompt;
    private final AnswerCheck check;
    private final LlmBreaker breaker;
    private final LlmMetrics metrics;
    private final StatusWatch statusWatch;
    private final Conversations conversations;
    private final LlmProperties properties;
    private final GroundingSources lexical;
    private final SemanticIndex semantic;
    private final AssistCall assist;

    LlmTier(ModelClient client, ModelCall call, Prompts prompts, GroundedPrompt prompt, AnswerCheck check,
            LlmBreaker breaker, LlmMetrics metrics, StatusWatch statusWatch, Conversations conversations,
            LlmProperties properties, GroundingSources lexical, SemanticIndex semantic, AssistCall assist) {
        this.client = client;
        this.call = call;
        this.prompts = prompts;
        this.prompt = prompt;
        this.check = check;
        this.breaker = breaker;
        this.metrics = metrics;
        this.statusWatch = statusWatch;
        this.conversations = conversations;
        this.properties = properties;
        this.lexical = lexical;
        this.semantic = semantic;
        this.assist = assist;
    }

    /** True when a model is configured; the caller can skip retrieval when it is not. */
    public boolean enabled() {
        return client.offReason() == null;
    }

    /** How many FAQ entries to retrieve as sources. */
    public int topK() {
        return properties.topK();
    }

    /**
     * The sources for a question, best first, at most {@code top-k}: the FAQ index's best entries,
     * merged with the entries nearest by embeddings when {@code loket.llm.embeddings-model} is set.
     */
    public List<GroundingSource> sources(String question, String lang) {
        List<GroundingSource> byWords = lexical.find(question, lang, properties.topK());
        if (!semantic.on()) {
            return byWords;
        }
        return SemanticIndex.merge(byWords, semantic.nearest(question, lang, properties.topK()), properties.topK());
    }

    /** How many earlier messages the prompt uses (the caller may read just those from the log). */
    public int historyTurns() {
        return properties.historyTurns();
    }

    public LlmOutcome answer(LlmRequest request) {
        return answer(request, () -> true);
    }

    /**
     * Answers, or offers one of the request's actions when the model calls its tool.
     *
     * @param allowance asked once, just before the model would be called: false skips the call (a spent
     *     budget), and the outcome is {@code budget_spent}
     */
    public LlmOutcome answer(LlmRequest request, BooleanSupplier allowance) {
        if (!enabled()) {
            return new LlmOutcome.NotAnswered("off");
        }
        PromptSet promptSet = prompts.current();
        if (promptSet == null) {
            return new LlmOutcome.NotAnswered("prompts_invalid");
        }
        List<ToolSpecification> tools = ActionTools.of(request.actions());
        if (request.sources().isEmpty() && tools.isEmpty()) {
            return new LlmOutcome.NotAnswered("no_sources");
        }
        if (!breaker.tryAcquire()) {
            metrics.failed("breaker_open");
            return new LlmOutcome.NotAnswered("breaker_open");
        }
        if (!allowance.getAsBoolean()) { // after the breaker: a call it would not let through costs nothing
            breaker.release();
            metrics.skipped("budget");
            return new LlmOutcome.NotAnswered("budget_spent");
        }
        GroundedPrompt.Rendered rendered = prompt.render(promptSet, request);
        var filter = new MarkerFilter();
        var guard = new StreamGuard(request.sources());
        var streamed = new AtomicBoolean();
        long start = System.nanoTime();
        try (StatusWatch.Watch watch = statusWatch.watch(request.conversationId())) {
            ModelCall.Result result = call.run(rendered, tools, token -> {
                String visible = guard.accept(filter.accept(token));
                if (!visible.isEmpty()) {
                    streamed.set(true);
                    conversations.streamDelta(request.conversationId(), request.replyTo(), visible);
                }
            }, watch::stillBot);
            long elapsed = System.nanoTime() - start;
            LlmOutcome outcome = switch (result) {
                case ModelCall.Result.Cancelled c -> {
                    breaker.release();
                    yield new LlmOutcome.Cancelled();
                }
                case ModelCall.Result.Failed f -> {
                    breaker.failed(elapsed, f.kind());
                    metrics.failed(f.kind());
                    log.warn("LLM answer for {} failed: {}", request.conversationId(), f.kind(), f.cause());
                    yield new LlmOutcome.NotAnswered("failed:" + f.kind());
                }
                case ModelCall.Result.Completed done -> {
                    breaker.succeeded(elapsed);
                    String rest = guard.accept(filter.flush()) + guard.flush();
                    if (!rest.isEmpty()) {
                        streamed.set(true);
                        conversations.streamDelta(request.conversationId(), request.replyTo(), rest);
                    }
                    yield done.response().aiMessage() != null && done.response().aiMessage().hasToolExecutionRequests()
                            ? toolCalled(request, tools, done, watch.stillBot())
                            : checked(request, rendered, done, elapsed, watch.stillBot());
                }
            };
            if (!(outcome instanceof LlmOutcome.Answered) && streamed.get()) {
                conversations.discardDeltas(request.conversationId(), request.replyTo());
            }
            return outcome;
        }
    }

    /**
     * A suggested reply for an agent: the same grounded prompt and the same check as an answer, in
     * one non-streaming call bounded by {@code loket.llm.timeouts.assist}. Nothing is streamed or
     * stored. Empty when the tier is off, there are no sources, or the model abstains, fails or is blocked.
     */
    public Optional<LlmDraft> draft(LlmRequest request) {
        PromptSet promptSet = prompts.current();
        if (!enabled() || promptSet == null || request.sources().isEmpty()) {
            return Optional.empty();
        }
        GroundedPrompt.Rendered rendered = prompt.render(promptSet, request);
        return assist.run("draft", rendered.system(), rendered.user()).flatMap(text ->
                switch (check.check(text, request.sources(), rendered.system())) {
                    case AnswerCheck.Verdict.Accepted accepted ->
                        Optional.of(new LlmDraft(accepted.text(), accepted.cited()));
                    case AnswerCheck.Verdict.Abstained a -> Optional.empty();
                    case AnswerCheck.Verdict.Blocked b -> {
                        metrics.blocked(b.reason());
                        yield Optional.empty();
                    }
                });
    }

    /** The model named an action to offer instead of answering; its text, if any, is never shown. */
    private LlmOutcome toolCalled(LlmRequest request, List<ToolSpecification> tools, ModelCall.Result.Completed done,
            boolean stillBot) {
        metrics.usage(done.response());
        return switch (ActionTools.called(done.response().aiMessage().toolExecutionRequests(), tools)) {
            case ActionTools.Called.Offer offer -> {
                metrics.toolCall("offered");
                yield stillBot ? new LlmOutcome.OfferAction(offer.actionId()) : new LlmOutcome.Cancelled();
            }
            case ActionTools.Called.Ignored ignored -> {
                metrics.toolCall(ignored.reason());
                log.info("ignored the model's call of tool '{}' for {}: {}", ignored.name(), request.conversationId(),
                        ignored.reason());
                yield new LlmOutcome.NotAnswered("tool:" + ignored.reason());
            }
        };
    }

    private LlmOutcome checked(LlmRequest request, GroundedPrompt.Rendered rendered, ModelCall.Result.Completed done,
            long elapsed, boolean stillBot) {
        metrics.firstToken(done.firstTokenNanos());
        metrics.usage(done.response());
        return switch (check.check(done.text(), request.sources(), rendered.system())) {
            case AnswerCheck.Verdict.Abstained a -> {
                metrics.abstained();
                yield new LlmOutcome.NotAnswered("abstained");
            }
            case AnswerCheck.Verdict.Blocked b -> {
                metrics.blocked(b.reason());
                log.info("blocked an LLM answer for {}: {}", request.conversationId(), b.reason());
                yield new LlmOutcome.NotAnswered("blocked:" + b.reason());
            }
            case AnswerCheck.Verdict.Accepted accepted -> stillBot ? answered(request, accepted, done, elapsed)
                    : new LlmOutcome.Cancelled();
        };
    }

    private LlmOutcome answered(LlmRequest request, AnswerCheck.Verdict.Accepted accepted,
            ModelCall.Result.Completed done, long elapsed) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("outcome", "llm");
        attributes.put("model", client.modelName());
        attributes.put("latencyMs", Long.toString(elapsed / 1_000_000));
        attributes.put("firstTokenMs", Long.toString(done.firstTokenNanos() / 1_000_000));
        attributes.put("attempts", Integer.toString(done.attempts()));
        attributes.put("offered", String.join(",", request.sources().stream().map(GroundingSource::id).toList()));
        List<Source> sources = accepted.cited().stream().map(s -> new Source(s.id(), s.title())).toList();
        metrics.answered(elapsed);
        return new LlmOutcome.Answered(new ConversationEvent.BotMessage(accepted.text(), "llm", sources, List.of(),
                attributes));
    }
}
