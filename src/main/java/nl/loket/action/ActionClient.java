package nl.loket.action;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends a confirmed action to its system. Where it goes is configuration's alone: the base URL of the
 * action's system, with the file's path below it and every value encoded as one path segment or as a JSON
 * value in the body, so nothing a customer types can change the scheme, host, port or query. Redirects are
 * not followed for the same reason. One circuit breaker per system fails fast while a system is down.
 */
@Component
class ActionClient {

    private static final Logger log = LoggerFactory.getLogger(ActionClient.class);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final int MAX_MESSAGE = 300;

    private final ActionProperties properties;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final Map<String, String> overrides = new ConcurrentHashMap<>();

    ActionClient(ActionProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
    }

    /** Whether the action's system is configured, so the action can be offered. */
    boolean available(ActionDefinition action) {
        return !baseUrl(action.call().system()).isEmpty();
    }

    /** Demo mode only: the demo back-end's address, known once the server listens; configuration still wins. */
    void useIfUnconfigured(String system, String baseUrl) {
        overrides.put(system, baseUrl);
    }

    /**
     * Sends the action once.
     *
     * @param values the answers and {@code customer.*}, in their plain form
     * @param idempotencyKey sent as {@code Idempotency-Key}, the same for every attempt of one confirmation
     */
    ActionResult send(ActionDefinition action, Map<String, String> values, String idempotencyKey) {
        ActionCall call = action.call();
        CircuitBreaker breaker = breakers.computeIfAbsent(call.system(), this::breaker);
        Optional<HttpRequest> request = request(action, values, idempotencyKey);
        if (request.isEmpty() || !breaker.tryAcquirePermission()) {
            return new ActionResult.Failed("unavailable");
        }
        long start = System.nanoTime();
        ActionResult result = exchange(call, request.get());
        long elapsed = System.nanoTime() - start;
        if (result instanceof ActionResult.Failed failed) {
            breaker.onError(elapsed, TimeUnit.NANOSECONDS, new IllegalStateException(failed.kind()));
            log.warn("action {} failed: {}", action.id(), failed.kind());
        } else {
            breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
        }
        return result;
    }

    private ActionResult exchange(ActionCall call, HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            return new ActionResult.Failed("timeout");
        } catch (IOException e) {
            return new ActionResult.Failed("unavailable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ActionResult.Failed("unavailable");
        }
        int status = response.statusCode();
        Optional<JsonNode> body = parse(response.body());
        if (status >= 500) {
            return new ActionResult.Failed("5xx");
        }
        if (status >= 400) {
            return new ActionResult.Refused(status, body.map(b -> read(b, call.messagePointer())).orElse(null));
        }
        if (status < 200 || status >= 300) {
            return new ActionResult.Failed("unexpected");
        }
        if (call.successPointer() != null && !body.map(b -> call.successValue().equals(read(b, call.successPointer())))
                .orElse(false)) {
            return new ActionResult.Failed("unexpected");
        }
        String reference = body.map(b -> read(b, call.referencePointer())).orElse(null);
        if (call.referencePointer() != null && reference == null) {
            return new ActionResult.Failed("unexpected");
        }
        return new ActionResult.Succeeded(reference, body.map(b -> read(b, call.messagePointer())).orElse(null));
    }

    private Optional<HttpRequest> request(ActionDefinition action, Map<String, String> values, String key) {
        ActionCall call = action.call();
        String base = baseUrl(call.system());
        Optional<URI> uri = uri(base, call.path(), values);
        if (uri.isEmpty()) {
            log.error("action {}: system '{}' has no usable base URL (loket.actions.systems.{}.base-url) or a value "
                    + "cannot be a path segment", action.id(), call.system(), call.system());
            return Optional.empty();
        }
        String body = call.body() == null ? "" : json.writeValueAsString(fill(call.body(), values, action));
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri.get()).timeout(call.timeout())
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Idempotency-Key", key)
                .method(call.method(), HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        target(call.system()).headers().forEach((name, value) -> {
            if (!value.isBlank()) {
                builder.header(name, value);
            }
        });
        return Optional.of(builder.build());
    }

    /** The base URL plus the path with every value encoded as one segment; empty when that would leave the base. */
    static Optional<URI> uri(String base, String path, Map<String, String> values) {
        URI root;
        try {
            root = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (root.getHost() == null || root.getRawQuery() != null || root.getRawFragment() != null
                || !("http".equals(root.getScheme()) || "https".equals(root.getScheme()))) {
            return Optional.empty();
        }
        if (!path.startsWith("/") || path.startsWith("//")) { // the files are checked for it; this holds regardless
            return Optional.empty();
        }
        StringBuilder filled = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(path);
        int last = 0;
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null || value.isEmpty() || value.equals(".") || value.equals("..")) {
                return Optional.empty();
            }
            filled.append(path, last, m.start()).append(segment(value));
            last = m.end();
        }
        filled.append(path.substring(last));
        URI uri = URI.create(root + filled.toString());
        boolean same = uri.getScheme().equals(root.getScheme()) && uri.getHost().equals(root.getHost())
                && uri.getPort() == root.getPort() && uri.getRawQuery() == null
                && uri.getRawPath().startsWith((root.getRawPath() == null ? "" : root.getRawPath()) + "/");
        return same ? Optional.of(uri) : Optional.empty();
    }

    /** Percent-encodes everything but the unreserved characters, so a value is one path segment and nothing else. */
    private static String segment(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '~' || c == '.') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    /** The body template with its placeholders filled; a string that is one placeholder of a number field becomes a number. */
    private JsonNode fill(JsonNode template, Map<String, String> values, ActionDefinition action) {
        if (template.isObject()) {
            ObjectNode filled = json.createObjectNode();
            template.properties().forEach(e -> filled.set(e.getKey(), fill(e.getValue(), values, action)));
            return filled;
        }
        if (template.isArray()) {
            ArrayNode filled = json.createArrayNode();
            template.forEach(item -> filled.add(fill(item, values, action)));
            return filled;
        }
        if (!template.isString()) {
            return template;
        }
        String text = template.asString();
        Matcher whole = PLACEHOLDER.matcher(text);
        if (whole.matches() && values.containsKey(whole.group(1)) && numeric(action, whole.group(1))) {
            return json.getNodeFactory().numberNode(new BigDecimal(values.get(whole.group(1))));
        }
        return json.getNodeFactory().stringNode(Texts.fill(text, values));
    }

    private static boolean numeric(ActionDefinition action, String name) {
        return action.fields().stream().anyMatch(f -> f.name().equals(name)
                && (f.type() == FieldType.NUMBER || f.type() == FieldType.AMOUNT));
    }

    private Optional<JsonNode> parse(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readTree(body));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /** A text at the pointer, limited in length; null when the pointer is null or finds no text or number. */
    private static String read(JsonNode body, String pointer) {
        if (pointer == null) {
            return null;
        }
        JsonNode node = body.at(pointer);
        if (!(node.isString() || node.isNumber()) || node.asString().isBlank()) {
            return null;
        }
        String text = node.asString().strip();
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE);
    }

    private ActionProperties.Target target(String system) {
        return properties.systems().getOrDefault(system, new ActionProperties.Target("", Map.of()));
    }

    private String baseUrl(String system) {
        String configured = target(system).baseUrl();
        return configured.isEmpty() ? overrides.getOrDefault(system, "") : configured;
    }

    private CircuitBreaker breaker(String system) {
        return properties.breaker().breaker("action-" + system);
    }
}
