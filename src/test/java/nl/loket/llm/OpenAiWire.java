package nl.loket.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.List;

/** OpenAI's exact wire formats (streamed and plain chat completions, embeddings), for WireMock stubs
 * (also the widget's browser tests). */
public final class OpenAiWire {

    private OpenAiWire() {
    }

    public static String chunk(String content, String finishReason) {
        return delta(content == null ? "{}" : "{\"content\":" + json(content) + "}", finishReason);
    }

    public static String role() {
        return delta("{\"role\":\"assistant\",\"content\":\"\"}", null);
    }

    public static String usage(int prompt, int completion) {
        return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                + "\"model\":\"gpt-4o-mini\",\"choices\":[],\"usage\":{\"prompt_tokens\":" + prompt
                + ",\"completion_tokens\":" + completion + ",\"total_tokens\":" + (prompt + completion) + "}}\n\n";
    }

    /** A whole, well-formed stream: role, one chunk per token, stop, usage, [DONE]. */
    public static String stream(List<String> tokens) {
        return stream(tokens, "stop", true);
    }

    public static String stream(List<String> tokens, String finishReason, boolean done) {
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

    /**
     * A streamed tool call as OpenAI sends it: the role with the call's id, type and name and empty
     * arguments, then the arguments in pieces ({@code tool_calls[0].function.arguments}), then
     * {@code finish_reason: tool_calls}, usage and [DONE]. {@code text}, when not null, streams first.
     */
    public static String toolCall(String text, String name, List<String> argumentPieces) {
        StringBuilder body = new StringBuilder(role());
        if (text != null) {
            body.append(chunk(text, null));
        }
        body.append(delta("{\"tool_calls\":[{\"index\":0,\"id\":\"call_7\",\"type\":\"function\","
                + "\"function\":{\"name\":" + json(name) + ",\"arguments\":\"\"}}]}", null));
        argumentPieces.forEach(piece -> body.append(delta("{\"tool_calls\":[{\"index\":0,\"function\":"
                + "{\"arguments\":" + json(piece) + "}}]}", null)));
        return body.append(delta("{}", "tool_calls")).append(usage(150, 12)).append("data: [DONE]\n\n").toString();
    }

    private static String delta(String delta, String finishReason) {
        return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,"
                + "\"finish_reason\":" + (finishReason == null ? "null" : "\"" + finishReason + "\"") + "}]}\n\n";
    }

    public static ResponseDefinitionBuilder sse(String body) {
        return okForContentType("text/event-stream", body);
    }

    public static ResponseDefinitionBuilder error(int status, String type) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"stubbed " + status + "\",\"type\":\"" + type + "\"}}");
    }

    /** A non-streaming chat completion ({@code "stream": false}), as the summary and draft calls get it. */
    public static ResponseDefinitionBuilder completion(String content) {
        return okForContentType("application/json", "{\"id\":\"chatcmpl-2\",\"object\":\"chat.completion\","
                + "\"created\":1700000000,\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"message\":"
                + "{\"role\":\"assistant\",\"content\":" + json(content) + "},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":80,\"completion_tokens\":20,\"total_tokens\":100}}");
    }

    /** An {@code /embeddings} response: one vector per input, in input order. */
    public static String embeddings(List<float[]> vectors) {
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < vectors.size(); i++) {
            StringBuilder v = new StringBuilder();
            for (float f : vectors.get(i)) {
                v.append(v.isEmpty() ? "" : ",").append(f);
            }
            data.append(i == 0 ? "" : ",").append("{\"object\":\"embedding\",\"index\":").append(i)
                    .append(",\"embedding\":[").append(v).append("]}");
        }
        return "{\"object\":\"list\",\"data\":[" + data + "],\"model\":\"text-embedding-3-small\","
                + "\"usage\":{\"prompt_tokens\":" + (8 * vectors.size()) + ",\"total_tokens\":"
                + (8 * vectors.size()) + "}}";
    }

    public static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
