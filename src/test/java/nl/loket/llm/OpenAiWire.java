package nl.loket.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.List;

/** OpenAI's exact chat-completions streaming wire format, for WireMock stubs (also the widget's browser tests). */
public final class OpenAiWire {

    private OpenAiWire() {
    }

    static String chunk(String content, String finishReason) {
        String delta = content == null ? "{}" : "{\"content\":" + json(content) + "}";
        return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
                + (finishReason == null ? "null" : "\"" + finishReason + "\"") + "}]}\n\n";
    }

    static String role() {
        return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},"
                + "\"finish_reason\":null}]}\n\n";
    }

    static String usage(int prompt, int completion) {
        return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                + "\"model\":\"gpt-4o-mini\",\"choices\":[],\"usage\":{\"prompt_tokens\":" + prompt
                + ",\"completion_tokens\":" + completion + ",\"total_tokens\":" + (prompt + completion) + "}}\n\n";
    }

    /** A whole, well-formed stream: role, one chunk per token, stop, usage, [DONE]. */
    public static String stream(List<String> tokens) {
        return stream(tokens, "stop", true);
    }

    static String stream(List<String> tokens, String finishReason, boolean done) {
        StringBuilder body = new StringBuilder(role());
        tokens.forEach(t -> body.append(chunk(t, null)));
        if (finishReason != null) {
            body.append(chunk(null, finishReason));
        }
        if (done) {
            body.append(usage(120, tokens.size())).append("data: [DONE]\n\n");
        }
        return body.toString();
    }

    public static ResponseDefinitionBuilder sse(String body) {
        return okForContentType("text/event-stream", body);
    }

    static ResponseDefinitionBuilder error(int status, String type) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"stubbed " + status + "\",\"type\":\"" + type + "\"}}");
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
