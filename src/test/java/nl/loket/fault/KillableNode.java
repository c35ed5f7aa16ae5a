package nl.loket.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import nl.loket.LoketApplication;
import nl.loket.TestClock;

/**
 * A Loket node in a JVM of its own, started from the test classpath, that a test can kill with
 * SIGKILL: no shutdown hook, no graceful end of what it was doing, exactly as a crashed machine.
 * Its clock is a {@link TestClock} at the moment it is given (a child cannot share this JVM's clock).
 */
final class KillableNode implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(120);

    final String name;
    final int port;
    private final Process process;
    private final Path output;

    private KillableNode(String name, int port, Process process, Path output) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.output = output;
    }

    static KillableNode start(String name, Instant clockAt, List<String> properties) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+EnableDynamicAgentLoading",
                "--enable-native-access=ALL-UNNAMED",
                "-D" + TestClock.NOW_PROPERTY + "=" + clockAt.atOffset(ZoneOffset.UTC),
                "-cp", System.getProperty("java.class.path"), LoketApplication.class.getName(),
                "--server.port=" + port, "--spring.application.name=" + name));
        properties.forEach(p -> command.add("--" + p));
        try {
            Path output = Files.createDirectories(Path.of("target", "fault-nodes")).resolve(name + "-" + port + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                    .start();
            var node = new KillableNode(name, port, process, output);
            node.awaitHealthy();
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitHealthy() {
        var http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + output);
            }
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause();
        }
        process.destroyForcibly();
        throw new IllegalStateException(name + " did not become healthy within " + STARTUP + "; see " + output);
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL, and wait until the process is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        kill();
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
