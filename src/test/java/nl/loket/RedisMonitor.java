package nl.loket;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Redis {@code MONITOR} on the test Redis: every command any client sends, and every command a script
 * runs (marked {@code [0 lua]}), as Redis prints them. For tests that count what a message costs in
 * Redis (a count, never a time).
 */
public final class RedisMonitor implements AutoCloseable {

    private final Socket socket;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private RedisMonitor(Socket socket) {
        this.socket = socket;
    }

    public static RedisMonitor start() {
        try {
            var socket = new Socket("127.0.0.1", TestRedis.start());
            socket.getOutputStream().write("MONITOR\r\n".getBytes(StandardCharsets.US_ASCII));
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            if (!"+OK".equals(in.readLine())) {
                throw new IllegalStateException("MONITOR was refused");
            }
            var monitor = new RedisMonitor(socket);
            Thread.ofPlatform().daemon().name("redis-monitor").start(() -> monitor.read(in));
            return monitor;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void read(BufferedReader in) {
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            // closed by close()
        }
    }

    /** How many lines were seen so far: a mark to count from. */
    public int mark() {
        return lines.size();
    }

    /** The lines after {@code mark} that mention {@code text} (a key or an id), as {@code "lua"} or a client's. */
    public List<String> since(int mark, String text) {
        return lines.subList(mark, lines.size()).stream().filter(l -> l.contains(text)).toList();
    }

    /** Sent by a client (a round trip, or one command of a pipeline), not run inside a script. */
    public static boolean fromClient(String line) {
        return !line.contains(" lua] ");
    }

    /** The command's name in lower case: {@code "evalsha"}, {@code "hget"}, ... */
    public static String command(String line) {
        int start = line.indexOf("] \"") + 3;
        return line.substring(start, line.indexOf('"', start)).toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to read
        }
    }
}
