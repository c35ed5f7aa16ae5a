// The scripted conversation of bin/monitoring-check (java -cp target/test-classes:<wiremock-standalone.jar>
// ScriptedChat.java <loket port> <wiremock port>): stubs the model on the WireMock standalone in OpenAI's streamed
// wire format (the tests' OpenAiWire), then over /ws/chat an FAQ answer marked unhelpful, a question the model
// declines, an LLM answer, a payment arrangement on the demo back-end (the demo's signed customer), a handover that the agent anna takes over
// /ws/agent (queue wait, time to a human), closed by the customer with a CSAT score; then a second customer the
// bot helps alone (resolved without a person), with a score too. Plain JDK for the sockets,
// no JSON library: it only looks for a few fields.
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.client.WireMock;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.loket.llm.OpenAiWire;

public class ScriptedChat {

    static String base;

    public static void main(String[] args) throws Exception {
        base = "http://127.0.0.1:" + args[0];
        WireMock model = new WireMock("127.0.0.1", Integer.parseInt(args[1]));
        model.register(post(urlEqualTo("/v1/chat/completions")).willReturn(OpenAiWire.sse(OpenAiWire.stream(
                List.of("Je geeft", " je stand door", " in de app [1]", ".")))));
        model.register(post(urlEqualTo("/v1/chat/completions")).withRequestBody(containing("bitcoin")).atPriority(1)
                .willReturn(OpenAiWire.sse(OpenAiWire.stream(List.of("NO_ANSWER")))));

        Socket agent = new Socket("/ws/agent", sessionCookie("anna", "demo"));
        agent.await("the agent's welcome", f -> f.contains("\"type\":\"welcome\""));
        Socket customer = new Socket("/ws/chat", null);
        // signed in (the demo's signed customer): an action needs to know who the customer is
        String signed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                + "/demo-only/signed-customer")).build(), HttpResponse.BodyHandlers.ofString()).body();
        customer.send("{\"type\":\"hello\",\"lang\":\"nl\",\"page\":\"/facturen\",\"customer\":" + signed + "}");
        String id = string(customer.await("welcome", f -> f.contains("\"conversationId\"")), "conversationId");
        String answer = customer.say("Hoe geef ik mijn meterstand door?", "\"tier\":\"faq\"");
        customer.send("{\"type\":\"feedback\",\"seq\":" + number(answer, "seq") + ",\"helpful\":false}");
        // the LLM's answer first: the model gets the conversation so far, and "bitcoin" in it would decline
        customer.say("Mag mijn kat op de meterkast slapen?", "\"tier\":\"llm\"");
        customer.say("Kan ik met bitcoin betalen?", "");
        customer.say("Ik wil een betalingsregeling aanvragen", "betalingsregeling");
        customer.say("Ja, graag", "maanden");
        customer.say("6", "Klopt dat?");
        customer.send(message("Ja, versturen"));
        customer.await("the action's result", f -> f.contains("\"kind\":\"action\""));
        customer.say("Ik wil een medewerker spreken", "klantnummer");
        customer.send(message("12345678"));
        customer.await("queued", f -> f.contains("\"status\":\"queued\""));
        agent.await("the inbox with the chat", f -> f.contains("\"type\":\"inbox\"") && f.contains(id));
        agent.send("{\"type\":\"accept\",\"conversationId\":\"" + id + "\"}");
        agent.await("accepted", f -> f.contains("\"type\":\"accepted\""));
        customer.await("the agent", f -> f.contains("\"status\":\"agent\""));
        agent.send("{\"type\":\"message\",\"conversationId\":\"" + id + "\",\"text\":\"Goedenavond, ik help je.\"}");
        customer.await("the agent's message", f -> f.contains("\"author\":\"agent\""));
        customer.send("{\"type\":\"close\"}");
        customer.await("closed", f -> f.contains("\"status\":\"closed\""));
        customer.send("{\"type\":\"csat\",\"score\":4}");
        customer.await("csat_saved", f -> f.contains("csat_saved"));
        customer.close();
        agent.close();

        Socket alone = new Socket("/ws/chat", null); // the bot alone: resolved without a person
        alone.send("{\"type\":\"hello\",\"lang\":\"nl\",\"page\":\"/\"}");
        alone.await("welcome", f -> f.contains("\"conversationId\""));
        alone.say("Hoe geef ik mijn meterstand door?", "\"tier\":\"faq\"");
        alone.send("{\"type\":\"close\"}");
        alone.await("closed", f -> f.contains("\"status\":\"closed\""));
        alone.send("{\"type\":\"csat\",\"score\":5}");
        alone.await("csat_saved", f -> f.contains("csat_saved"));
        alone.close();
        System.out.println("scripted conversation done");
    }

    static int messages;

    static String message(String text) {
        return "{\"type\":\"message\",\"clientMsgId\":\"m" + ++messages + "\",\"text\":\"" + text + "\"}";
    }

    /** The demo agent's session: the console's sign-in form with its CSRF token, as a browser sends it. */
    static String sessionCookie(String name, String password) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
        String csrf = http.send(HttpRequest.newBuilder(URI.create(base + "/console/csrf")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String form = "username=" + name + "&password=" + password + "&" + string(csrf, "parameterName") + "="
                + URLEncoder.encode(string(csrf, "token"), StandardCharsets.UTF_8);
        http.send(HttpRequest.newBuilder(URI.create(base + "/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(Object::toString).findFirst().orElseThrow(() -> new IllegalStateException("no session for " + name));
    }

    /** One WebSocket and the frames it received, in order. */
    static final class Socket implements WebSocket.Listener {

        final LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
        final StringBuilder partial = new StringBuilder();
        final WebSocket socket;

        Socket(String path, String cookie) throws Exception {
            WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().header("Origin", base);
            if (cookie != null) {
                builder.header("Cookie", cookie);
            }
            socket = builder.buildAsync(URI.create(base.replace("http:", "ws:") + path), this).get(30, TimeUnit.SECONDS);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(partial.toString());
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        /** Sends a customer message and waits for the bot's answer, which must contain {@code expected}. */
        String say(String text, String expected) throws Exception {
            send(message(text));
            String answer = await("the bot's answer to " + text, f -> f.contains("\"author\":\"bot\""));
            if (!answer.contains(expected)) {
                throw new IllegalStateException("the answer to " + text + " has no " + expected + ": " + answer);
            }
            return answer;
        }

        void send(String frame) throws Exception {
            socket.sendText(frame, true).get(10, TimeUnit.SECONDS);
        }

        String await(String what, Predicate<String> match) throws InterruptedException {
            long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < until) {
                String frame = frames.poll(1, TimeUnit.SECONDS);
                if (frame != null && match.test(frame)) {
                    return frame;
                }
            }
            throw new IllegalStateException("no " + what + " within 90 s");
        }

        void close() throws Exception {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
        }
    }

    static String number(String frame, String name) {
        return find(frame, "\"" + name + "\":(\\d+)", name);
    }

    static String string(String frame, String name) {
        return find(frame, "\"" + name + "\":\"([^\"]*)\"", name);
    }

    static String find(String frame, String regex, String name) {
        Matcher m = Pattern.compile(regex).matcher(frame);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + frame);
        }
        return m.group(1);
    }
}
