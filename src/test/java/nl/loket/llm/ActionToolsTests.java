package nl.loket.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActionToolsTests {

    private static final List<ToolSpecification> TOOLS = ActionTools.of(Map.of("meterstand-doorgeven",
            "Submit the reading of a meter."));

    private static ToolExecutionRequest call(String name, String arguments) {
        return ToolExecutionRequest.builder().id("call_1").name(name).arguments(arguments).build();
    }

    @Test
    void eachActionIsAToolWithoutParametersUnderItsIdInTheEditorsOrder() {
        Map<String, String> actions = new LinkedHashMap<>();
        actions.put("verhuizing-doorgeven", "Register a move.");
        actions.put("a".repeat(65), "too long a name for OpenAI");
        actions.put("meterstand-doorgeven", "Submit the reading of a meter.");

        List<ToolSpecification> tools = ActionTools.of(actions);

        assertThat(tools).extracting(ToolSpecification::name).containsExactly("verhuizing-doorgeven",
                "meterstand-doorgeven");
        assertThat(tools.getFirst().description()).isEqualTo("Register a move.");
        assertThat(tools.getFirst().parameters().properties()).isEmpty();
    }

    @Test
    void aCallOfAnOfferedToolWithAnObjectOrNothingOffersItsAction() {
        assertThat(ActionTools.called(List.of(call("meterstand-doorgeven", "{}")), TOOLS))
                .isEqualTo(new ActionTools.Called.Offer("meterstand-doorgeven"));
        assertThat(ActionTools.called(List.of(call("meterstand-doorgeven", "")), TOOLS))
                .isEqualTo(new ActionTools.Called.Offer("meterstand-doorgeven"));
        assertThat(ActionTools.called(List.of(call("meterstand-doorgeven", "{\"ean\": \"871\"}")), TOOLS))
                .as("what it passes is ignored, never used").isEqualTo(new ActionTools.Called.Offer("meterstand-doorgeven"));
    }

    @Test
    void anUnknownToolOrBrokenArgumentsAreIgnored() {
        assertThat(ActionTools.called(List.of(call("refund", "{}")), TOOLS))
                .isEqualTo(new ActionTools.Called.Ignored("unknown", "refund"));
        assertThat(ActionTools.called(List.of(call("meterstand-doorgeven", "{\"ean\": \"87")), TOOLS))
                .isEqualTo(new ActionTools.Called.Ignored("malformed", "meterstand-doorgeven"));
        assertThat(ActionTools.called(List.of(call("meterstand-doorgeven", "[1]")), TOOLS))
                .isEqualTo(new ActionTools.Called.Ignored("malformed", "meterstand-doorgeven"));
    }

    @Test
    void theFirstGoodCallCountsAndOtherwiseTheFirstReason() {
        assertThat(ActionTools.called(List.of(call("refund", "{}"), call("meterstand-doorgeven", "{}")), TOOLS))
                .isEqualTo(new ActionTools.Called.Offer("meterstand-doorgeven"));
        assertThat(ActionTools.called(List.of(call("meterstand-doorgeven", "x"), call("refund", "{}")), TOOLS))
                .isEqualTo(new ActionTools.Called.Ignored("malformed", "meterstand-doorgeven"));
    }
}
