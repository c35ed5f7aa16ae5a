package nl.loket.llm;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Runs one answer against the model with Loket's own watchdog: a deadline for the first token, for
 * the silence between tokens and for the whole answer. 429 and 5xx are retried with backoff, but
 * only before the first token (after that the customer has seen text). A stream that ends without
 * a finish reason was cut off: it is a failure, not an answer. A call of one of the offered tools is
 * a completed answer too (its pieces keep the stream alive but are never shown).
 */
@Component
class ModelCall {

    sealed interface Result {
        record Completed(String text, ChatResponse response, long firstTokenNanos, int attempts) implements Result {
        }

        /** @param kind auth, rate_limited, server, timeout, first_token_timeout, stalled, total_timeout,
         *     incomplete, too_long, content_filter, malformed, network, error */
        record Failed(String kind, Throwable cause) implements Result {
        }

        record Cancelled() implements Result {
        }
    }

    private static final Duration STATUS_CHECK = Duration.ofMillis(100);

    private final ModelClient client;
    private final LlmProperties properties;

    ModelCall(ModelClient client, LlmProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    Result run(GroundedPrompt.Rendered prompt, List<ToolSpecification> tools, Consumer<String> onToken,
            BooleanSupplier stillBot) {
        long start = System.nanoTime();
        long totalDeadline = start + properties.timeouts().total().toNanos();
        Duration backoff = properties.retry().backoff();
        int attempt = 0;
        while (true) {
            attempt++;
            Attempt result = attempt(prompt, tools, onToken, stillBot, start, totalDeadline, attempt);
            if (!(result.result() instanceof Result.Failed failed) || result.sawToken()
                    || !retryable(failed.kind()) || attempt >= properties.retry().maxAttempts()) {
                return result.result();
            }
            long wait = backoff.toNanos();
            if (System.nanoTime() + wait >= totalDeadline) {
                return result.result();
            }
            if (!sleep(wait, stillBot)) {
                return new Result.Cancelled();
            }
            backoff = Duration.ofNanos((long) (backoff.toNanos() * properties.retry().multiplier()));
        }
    }

    private record Attempt(Result result, boolean sawToken) {
    }

    private Attempt attempt(GroundedPrompt.Rendered prompt, List<ToolSpecification> tools, Consumer<String> onToken,
            BooleanSupplier stillBot, long start, long totalDeadline, int attempt) {
        ModelStream stream = client.start(prompt, tools);
        long firstTokenDeadline = System.nanoTime() + properties.timeouts().firstToken().toNanos();
        long idle = properties.timeouts().idle().toNanos();
        long maxChars = properties.maxOutputTokens() * 8L;
        StringBuilder text = new StringBuilder();
        long toolChars = 0;
        long firstToken = -1;
        long lastToken = 0;
        try {
            while (true) {
                long now = System.nanoTime();
                if (!stillBot.getAsBoolean()) {
                    stream.cancel();
                    return new Attempt(new Result.Cancelled(), firstToken >= 0);
                }
                if (now >= totalDeadline) {
                    return fail(stream, "total_timeout", firstToken >= 0);
                }
                long deadline = firstToken < 0 ? firstTokenDeadline : lastToken + idle;
                if (now >= deadline) {
                    return fail(stream, firstToken < 0 ? "first_token_timeout" : "stalled", firstToken >= 0);
                }
                long wait = Math.min(Math.min(deadline, totalDeadline) - now, STATUS_CHECK.toNanos());
                ModelStream.Signal signal = stream.next(Duration.ofNanos(wait));
                switch (signal) {
                    case null -> {
                    }
                    case ModelStream.Signal.Token token -> {
                        if (token.text() == null || token.text().isEmpty()) {
                            continue;
                        }
                        lastToken = System.nanoTime();
                        if (firstToken < 0) {
                            firstToken = lastToken - start;
                        }
                        text.append(token.text());
                        if (text.length() > maxChars) {
                            return fail(stream, "too_long", true);
                        }
                        onToken.accept(token.text());
                    }
                    case ModelStream.Signal.ToolDelta delta -> {
                        lastToken = System.nanoTime();
                        if (firstToken < 0) {
                            firstToken = lastToken - start;
                        }
                        toolChars += delta.length();
                        if (text.length() + toolChars > maxChars) {
                            return fail(stream, "too_long", true);
                        }
                    }
                    case ModelStream.Signal.Failed failed ->
                        { return new Attempt(new Result.Failed(kindOf(failed.error()), failed.error()), firstToken >= 0); }
                    case ModelStream.Signal.Done done -> {
                        return new Attempt(completed(done.response(), text, firstToken, attempt), firstToken >= 0);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stream.cancel();
            return new Attempt(new Result.Cancelled(), firstToken >= 0);
        }
    }

    private static Result completed(ChatResponse response, StringBuilder text, long firstToken, int attempt) {
        FinishReason reason = response.finishReason();
        if (reason == null) {
            return new Result.Failed("incomplete", null);
        }
        return switch (reason) {
            case STOP -> new Result.Completed(text.isEmpty() && response.aiMessage() != null
                    && response.aiMessage().text() != null ? response.aiMessage().text() : text.toString(),
                    response, firstToken, attempt);
            case TOOL_EXECUTION -> response.aiMessage() != null && response.aiMessage().hasToolExecutionRequests()
                    ? new Result.Completed(text.toString(), response, firstToken, attempt)
                    : new Result.Failed("incomplete", null);
            case LENGTH -> new Result.Failed("too_long", null);
            case CONTENT_FILTER -> new Result.Failed("content_filter", null);
            default -> new Result.Failed("incomplete", null);
        };
    }

    private static Attempt fail(ModelStream stream, String kind, boolean sawToken) {
        stream.cancel();
        return new Attempt(new Result.Failed(kind, null), sawToken);
    }

    private static boolean retryable(String kind) {
        return kind.equals("rate_limited") || kind.equals("server");
    }

    /** Waits out a backoff; false when the conversation left BOT meanwhile. */
    private static boolean sleep(long nanos, BooleanSupplier stillBot) {
        long until = System.nanoTime() + nanos;
        try {
            while (System.nanoTime() < until) {
                if (!stillBot.getAsBoolean()) {
                    return false;
                }
                Thread.sleep(Duration.ofNanos(Math.min(until - System.nanoTime(), STATUS_CHECK.toNanos())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return stillBot.getAsBoolean();
    }

    /** Network faults arrive as raw IOExceptions and HTTP errors as LangChain4j's own types (STACK.md). */
    static String kindOf(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            switch (t) {
                case AuthenticationException e -> {
                    return "auth";
                }
                case RateLimitException e -> {
                    return "rate_limited";
                }
                case InternalServerException e -> {
                    return "server";
                }
                case ContentFilteredException e -> {
                    return "content_filter";
                }
                case TimeoutException e -> {
                    return "timeout";
                }
                case HttpTimeoutException e -> {
                    return "timeout";
                }
                case HttpException e -> {
                    int status = e.statusCode();
                    return status == 429 ? "rate_limited" : status >= 500 ? "server"
                            : status == 401 || status == 403 ? "auth" : "http_" + status;
                }
                default -> {
                    if (t.getClass().getName().contains("Json")) {
                        return "malformed";
                    }
                }
            }
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return t.getMessage() != null && t.getMessage().contains("chunk") ? "malformed" : "network";
            }
        }
        return "error";
    }
}
