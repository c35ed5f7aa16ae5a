package nl.loket.load;

import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.net.URI;

/** Run settings from {@code -Dloket.*} system properties; the target must be a loopback address. */
final class Settings {

    private Settings() {
    }

    static HttpProtocolBuilder protocol() {
        String target = System.getProperty("loket.target", "ws://127.0.0.1:18080");
        String host = URI.create(target).getHost();
        if (!host.equals("localhost") && !host.startsWith("127.") && !host.equals("[::1]")) {
            throw new IllegalArgumentException("load tests only run against loopback, not " + target);
        }
        return http.wsBaseUrl(target).wsMaxReconnects(0);
    }

    static int integer(String name, int fallback) {
        return Integer.getInteger("loket." + name, fallback);
    }

    static String text(String name, String fallback) {
        return System.getProperty("loket." + name, fallback);
    }
}
