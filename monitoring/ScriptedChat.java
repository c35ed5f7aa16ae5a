// One scripted customer conversation over /ws/chat for bin/monitoring-check (java ScriptedChat.java <port>):
// an FAQ answer marked unhelpful, a question with no answer, the customer asks for a person, closes the chat
// and gives a CSAT score. Plain JDK (java.net.http), no JSON library: it only looks for a few fields.
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class ScriptedChat {

    static final LinkedBlockingQueue<String> FRAMES = new LinkedBlockingQueue<>();

    public static void main(String[] args) throws Exception {
        String port = args[0];
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Origin", "http://127.0.0.1:" + port)
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/chat"), new WebSocket.Listener() {
                    final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            FRAMES.add(partial.toString());
                            partial.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }
                }).get(30, TimeUnit.SECONDS);
        send(socket, "{\"type\":\"hello\",\"lang\":\"nl\",\"page\":\"/facturen\"}");
        await("welcome", f -> f.contains("\"conversationId\""));
        String answer = say(socket, "m1", "Hoe geef ik mijn meterstand door?");
        send(socket, "{\"type\":\"feedback\",\"seq\":" + field(answer, "seq") + ",\"helpful\":false}");
        say(socket, "m2", "Kan ik met bitcoin betalen?");
        send(socket, "{\"type\":\"message\",\"clientMsgId\":\"m3\",\"text\":\"Ik wil een medewerker spreken\"}");
        await("an answer to the request for a person", f -> f.contains("\"event\"") && !f.contains("\"customer\""));
        send(socket, "{\"type\":\"close\"}");
        await("closed", f -> f.contains("\"closed\""));
        send(socket, "{\"type\":\"csat\",\"score\":4}");
        await("csat_saved", f -> f.contains("csat_saved"));
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
        System.out.println("scripted conversation done");
    }

    static String say(WebSocket socket, String id, String text) throws Exception {
        send(socket, "{\"type\":\"message\",\"clientMsgId\":\"" + id + "\",\"text\":\"" + text + "\"}");
        return await("the bot's answer to " + text, f -> f.contains("\"author\":\"bot\"") && f.contains("\"text\""));
    }

    static void send(WebSocket socket, String frame) throws Exception {
        socket.sendText(frame, true).get(10, TimeUnit.SECONDS);
    }

    static String await(String what, Predicate<String> match) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            String frame = FRAMES.poll(1, TimeUnit.SECONDS);
            if (frame != null && match.test(frame)) {
                return frame;
            }
        }
        throw new IllegalStateException("no " + what + " within 60 s");
    }

    static String field(String frame, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(frame);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + frame);
        }
        return m.group(1);
    }
}
