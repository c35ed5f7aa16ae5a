package nl.loket.privacy;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/**
 * {@code bin/loket-privacy}: answers an access or erasure request with one command, through the running
 * Loket's supervisor API (so it reaches whatever Redis and cluster the service uses, and every request is
 * authenticated and authorised like any other). The account comes from the environment, never the command
 * line: {@code LOKET_URL} (default {@code http://localhost:8080}), {@code LOKET_PRIVACY_USER},
 * {@code LOKET_PRIVACY_PASSWORD}. Exit 0 done, 1 refused or not found, 2 wrong usage.
 *
 * <pre>
 * loket-privacy export &lt;conversation-id&gt; [--text] [--out file]
 * loket-privacy export --customer &lt;customer-id&gt; [--text] [--out file]
 * loket-privacy erase &lt;conversation-id&gt;
 * loket-privacy erase --customer &lt;customer-id&gt;
 * </pre>
 */
public final class PrivacyCommand {

    private static final String USAGE = "usage: loket-privacy export|erase <conversation-id> | --customer <customer-id>"
            + " [--text] [--out file]   (account: LOKET_PRIVACY_USER, LOKET_PRIVACY_PASSWORD; LOKET_URL)";

    private final PrintStream out;
    private final Map<String, String> env;
    private final HttpClient http = HttpClient.newHttpClient();

    public PrivacyCommand(PrintStream out, Map<String, String> env) {
        this.out = out;
        this.env = env;
    }

    public static void main(String[] args) {
        System.exit(new PrivacyCommand(System.out, System.getenv()).run(args));
    }

    public int run(String[] args) {
        String action = args.length > 0 ? args[0] : "";
        String conversation = null;
        String customer = null;
        boolean text = false;
        Path file = null;
        for (int i = 1; i < args.length; i++) {
            boolean valued = i + 1 < args.length;
            switch (args[i]) {
                case "--customer" -> customer = valued ? args[++i] : "";
                case "--text" -> text = true;
                case "--out" -> file = valued ? Path.of(args[++i]) : null;
                default -> conversation = args[i].startsWith("-") || conversation != null ? "" : args[i];
            }
        }
        boolean oneTarget = (conversation == null) != (customer == null);
        if (!(action.equals("export") || action.equals("erase")) || !oneTarget
                || "".equals(conversation) || "".equals(customer) || (action.equals("erase") && (text || file != null))) {
            out.println(USAGE);
            return 2;
        }
        String user = env.getOrDefault("LOKET_PRIVACY_USER", "");
        String password = env.getOrDefault("LOKET_PRIVACY_PASSWORD", "");
        if (user.isEmpty() || password.isEmpty()) {
            out.println("set LOKET_PRIVACY_USER and LOKET_PRIVACY_PASSWORD to a supervisor account");
            return 2;
        }
        String path = "/api/privacy/" + (customer != null ? "customers/" + encode(customer) : "conversations/"
                + encode(conversation)) + (text ? "?format=text" : "");
        var request = HttpRequest.newBuilder(URI.create(env.getOrDefault("LOKET_URL", "http://localhost:8080") + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        request = action.equals("erase") ? request.DELETE() : request.GET();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                out.println(action + " refused (HTTP " + response.statusCode() + "): " + response.body());
                return 1;
            }
            if (file != null) {
                Files.writeString(file, response.body());
                out.println("written to " + file);
            } else {
                out.println(response.body());
            }
            return 0;
        } catch (IOException e) {
            out.println("could not reach Loket: " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
