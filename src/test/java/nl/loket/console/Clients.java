package nl.loket.console;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/** Customers and agents as the tests drive them: over real sockets, an agent signed in with a real form post. */
public final class Clients {

    private Clients() {
    }

    public static final class Customer extends Frames {
        public String conversationId;
        public String token;

        public Customer(Node node, String lang, Map<String, Object> customer, String conversationId, String token,
                long lastSeq) {
            super(node.ws("/ws/chat"), null);
            if (conversationId == null) {
                if (customer == null) {
                    send("type", "hello", "lang", lang, "page", "/facturen");
                } else {
                    send("type", "hello", "lang", lang, "page", "/facturen", "customer", customer);
                }
            } else {
                send("type", "hello", "conversationId", conversationId, "token", token, "lastSeq", lastSeq);
            }
            JsonNode welcome = await("welcome");
            this.conversationId = welcome.path("conversationId").asString();
            this.token = conversationId == null ? welcome.path("token").asString() : token;
        }

        public static Customer start(Node node, String lang) {
            return new Customer(node, lang, null, null, null, 0);
        }

        public Customer resume(Node node, long lastSeq) {
            close();
            return new Customer(node, null, null, conversationId, token, lastSeq);
        }

        public long say(String text) {
            String id = UUID.randomUUID().toString();
            send("type", "message", "clientMsgId", id, "text", text);
            return await("ack for " + text, f -> "ack".equals(f.path("type").asString())
                    && id.equals(f.path("clientMsgId").asString())).path("seq").asLong();
        }

        public JsonNode event(String description, java.util.function.Predicate<JsonNode> match) {
            return await(description, f -> "event".equals(f.path("type").asString()) && match.test(f));
        }

        public JsonNode status(String status) {
            return event("status " + status, f -> "status".equals(f.path("kind").asString())
                    && status.equals(f.path("status").asString()));
        }

        public JsonNode bot() {
            return event("a bot message", f -> "bot".equals(f.path("author").asString()));
        }

        /** Asks for a person in the customer's language and answers the detail question, up to QUEUED. */
        public void queueUp() {
            say("I want to talk to a real person, ik wil een medewerker");
            bot();
            say("12345678");
            status("queued");
        }
    }

    public static final class Agent extends Frames {

        public final String name;

        private Agent(Node node, String name, String cookie) {
            super(node.ws("/ws/agent"), cookie);
            this.name = name;
            await("welcome");
        }

        public static Agent signIn(Node node, String name, String password) {
            return new Agent(node, name, sessionCookie(node, name, password));
        }

        public JsonNode inboxWith(String conversationId) {
            return await("inbox with " + conversationId, f -> "inbox".equals(f.path("type").asString())
                    && f.path("waiting").valueStream().anyMatch(c -> conversationId.equals(
                            c.path("conversationId").asString())));
        }

        /**
         * Waits until an inbox says the chat is gone: a delta that removes it, or a whole inbox without
         * it (older frames forgotten first, so they cannot count).
         */
        public void inboxLosesChatAfter(String conversationId, Runnable action) {
            inboxWith(conversationId);
            forget();
            action.run();
            await("inbox without " + conversationId, f -> "inbox".equals(f.path("type").asString())
                    && (f.path("delta").asBoolean()
                            ? f.path("removed").valueStream().anyMatch(id -> conversationId.equals(id.asString()))
                            : f.path("waiting").valueStream().noneMatch(c -> conversationId.equals(
                                    c.path("conversationId").asString()))));
        }

        public JsonNode event(String conversationId, String description, java.util.function.Predicate<JsonNode> match) {
            return await(description, f -> "event".equals(f.path("type").asString())
                    && conversationId.equals(f.path("conversationId").asString()) && match.test(f));
        }

        public JsonNode error(String code) {
            return await("error " + code, f -> "error".equals(f.path("type").asString())
                    && code.equals(f.path("code").asString()));
        }
    }

    /** Signs in through the real form (CSRF token included) and returns the session cookie. */
    public static String sessionCookie(Node node, String name, String password) {
        return sessionCookie(node.http(), name, password);
    }

    public static String sessionCookie(String baseUrl, String name, String password) {
        try {
            var cookies = new CookieManager();
            var http = HttpClient.newBuilder().cookieHandler(cookies).build();
            JsonNode csrf = Frames.JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(baseUrl
                    + "/console/csrf")).build(), HttpResponse.BodyHandlers.ofString()).body());
            String form = Map.of("username", name, "password", password,
                    csrf.path("parameterName").asString(), csrf.path("token").asString()).entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            var response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/console/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            String location = response.headers().firstValue("Location").orElse("");
            if (response.statusCode() != 302 || location.contains("error")) {
                throw new AssertionError("sign-in of " + name + " failed: " + response.statusCode() + " " + location);
            }
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                    .map(HttpCookie::toString).findFirst().orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
