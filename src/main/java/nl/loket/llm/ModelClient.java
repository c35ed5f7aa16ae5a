package nl.loket.llm;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The OpenAI-compatible streaming model, or nothing when the tier is not configured. */
@Component
class ModelClient {

    private static final Logger log = LoggerFactory.getLogger(ModelClient.class);

    private final StreamingChatModel model;
    /** For calls an agent waits for as a whole (summary, suggested reply): no stream, no retries. */
    private final ChatModel blocking;
    private final String offReason;
    private final String modelName;

    ModelClient(LlmProperties properties) {
        this.offReason = properties.offReason();
        this.modelName = properties.model();
        if (offReason != null) {
            this.model = null;
            this.blocking = null;
            log.info("LLM tier is off: {}. Loket answers with the FAQ and hands over to people.", offReason);
            return;
        }
        this.model = OpenAiStreamingChatModel.builder()
                .baseUrl(properties.baseUrl().trim())
                .apiKey(properties.apiKeyOrPlaceholder())
                .modelName(properties.model())
                .maxTokens(properties.maxOutputTokens())
                // Bounds only the wait for response headers, and is set past Loket's own watchdog (which
                // bounds the stream too) so the watchdog decides and reports the timeout.
                .timeout(properties.timeouts().firstToken().multipliedBy(2))
                .build();
        this.blocking = OpenAiChatModel.builder()
                .baseUrl(properties.baseUrl().trim())
                .apiKey(properties.apiKeyOrPlaceholder())
                .modelName(properties.model())
                .maxTokens(properties.maxOutputTokens())
                .timeout(properties.timeouts().assist())
                .maxRetries(0)
                .build();
        log.info("LLM tier is on: model {} at {}", properties.model(), properties.baseUrl());
    }

    /** Why the tier is off, or null when it is on. */
    String offReason() {
        return offReason;
    }

    String modelName() {
        return modelName;
    }

    /** One blocking, non-streaming call; throws what LangChain4j throws. */
    String complete(String system, String user) {
        List<ChatMessage> messages = system == null ? List.of(UserMessage.from(user))
                : List.of(SystemMessage.from(system), UserMessage.from(user));
        var request = ChatRequest.builder().messages(messages).build();
        return blocking.chat(request).aiMessage().text();
    }

    /** Starts a streaming call that may call one of {@code tools}; its signals arrive on the returned stream. */
    ModelStream start(GroundedPrompt.Rendered prompt, List<ToolSpecification> tools) {
        var stream = new ModelStream();
        var builder = ChatRequest.builder()
                .messages(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user()));
        if (!tools.isEmpty()) {
            builder.toolSpecifications(tools);
        }
        var request = builder.build();
        // chat() may do blocking work before it returns; keep it off the thread that keeps the deadlines.
        Thread.ofVirtual().name("llm-call").start(() -> {
            try {
                model.chat(request, stream);
            } catch (RuntimeException e) {
                stream.onError(e);
            }
        });
        return stream;
    }
}
