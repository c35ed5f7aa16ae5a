package nl.loket.llm;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The actions a request may offer, as the model's tools, and what the model's tool calls mean. Each tool
 * is an action's id and its editors' description, without parameters: the model can only name an action
 * to offer; the form then asks the customer, and nothing it is told goes back to the model. A call is
 * only honoured for a tool this request offered, with arguments that are a JSON object (whose content is
 * ignored).
 */
final class ActionTools {

    /** What OpenAI accepts as a function name. */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the model's tool calls came to. */
    sealed interface Called {
        record Offer(String actionId) implements Called {
        }

        /** @param reason {@code unknown} (a tool this request did not offer) or {@code malformed} (its arguments) */
        record Ignored(String reason, String name) implements Called {
        }
    }

    private ActionTools() {
    }

    static List<ToolSpecification> of(Map<String, String> actions) {
        return actions.entrySet().stream().filter(a -> NAME.matcher(a.getKey()).matches())
                .map(a -> ToolSpecification.builder().name(a.getKey()).description(a.getValue())
                        .parameters(JsonObjectSchema.builder().additionalProperties(false).build()).build())
                .toList();
    }

    /** The first call of an offered tool with well-formed arguments; else why the first call was ignored. */
    static Called called(List<ToolExecutionRequest> calls, List<ToolSpecification> offered) {
        Called first = null;
        for (ToolExecutionRequest call : calls) {
            Called called = offered.stream().noneMatch(t -> t.name().equals(call.name()))
                    ? new Called.Ignored("unknown", String.valueOf(call.name()))
                    : wellFormed(call.arguments()) ? new Called.Offer(call.name())
                    : new Called.Ignored("malformed", call.name());
            if (called instanceof Called.Offer) {
                return called;
            }
            first = first == null ? called : first;
        }
        return first == null ? new Called.Ignored("unknown", "") : first;
    }

    /** Empty (some servers send nothing for no parameters) or one JSON object. */
    private static boolean wellFormed(String arguments) {
        if (arguments == null || arguments.isBlank()) {
            return true;
        }
        try {
            JsonNode node = JSON.readTree(arguments);
            return node != null && node.isObject();
        } catch (JacksonException e) {
            return false;
        }
    }
}
