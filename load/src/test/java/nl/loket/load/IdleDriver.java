package nl.loket.load;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Idle customer sockets for load/idle-sockets.sh, one process of several (each process has fewer than
 * 20,000 files). A plain-socket WebSocket client of its own, because the JDK client cannot offer
 * {@code permessage-deflate} ({@code deflate=true} offers it, and the server's grant is counted): each of
 * {@code sockets} sockets says hello, reads one frame (the answer; compressed or not, it is only skipped),
 * answers the server's pings and stays open for {@code idle} seconds. Writes "open granted" to {@code ready}
 * once every socket has been answered or has failed. Loopback only; bounded in time.
 *
 * <pre>java -cp DIR nl.loket.load.IdleDriver url=ws://127.0.0.1:18091/ws/chat sockets=9950 idle=600 deflate=false ready=FILE</pre>
 */
public final class IdleDriver {

    private static final byte[] HELLO = "{\"type\":\"hello\",\"lang\":\"nl\"}".getBytes(StandardCharsets.UTF_8);

    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger granted = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final ConcurrentLinkedQueue<Socket> sockets = new ConcurrentLinkedQueue<>();
    private final Map<Socket, OutputStream> welcomedOut = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Stream.of(args).map(a -> a.split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
        URI url = URI.create(o.get("url"));
        int count = Integer.parseInt(o.getOrDefault("sockets", "1000"));
        new IdleDriver().run(url, count, Integer.parseInt(o.getOrDefault("idle", "600")),
                Boolean.parseBoolean(o.getOrDefault("deflate", "false")), o.getOrDefault("ready", "/dev/null"));
    }

    private void run(URI url, int count, int idleSeconds, boolean deflate, String ready) throws Exception {
        var done = new CountDownLatch(count);
        var connecting = new Semaphore(200); // a connect storm would only measure the server's accept queue
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            // a ping every 20 s from the first answer on keeps a socket whose server does not ping (the echo
            // yardstick) inside Jetty's 30 s idle timeout, also while the others still connect; Tomcat has none
            threads.submit(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(20_000);
                    welcomedOut.values().forEach(out -> {
                        try {
                            send(out, 0x9, new byte[0]);
                        } catch (IOException ignored) {
                            // the socket is gone: the server's file count in the table shows it
                        }
                    });
                }
                return null;
            });
            for (int i = 0; i < count; i++) {
                connecting.acquire();
                threads.submit(() -> hold(url, deflate, connecting, done));
            }
            boolean all = done.await(300, TimeUnit.SECONDS);
            Files.writeString(Path.of(ready), open.get() + " " + granted.get() + "\n");
            System.err.printf("%d sockets open and welcomed, %d with permessage-deflate, %d failed%s; holding them %d s%n",
                    open.get(), granted.get(), failed.get(), all ? "" : " (timed out)", idleSeconds);
            Thread.sleep(idleSeconds * 1000L);
            sockets.forEach(s -> {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing on the way out
                }
            });
            threads.shutdownNow();
        }
    }

    private void hold(URI url, boolean deflate, Semaphore connecting, CountDownLatch done) {
        boolean welcomed = false;
        try (var socket = new Socket(url.getHost(), url.getPort())) {
            sockets.add(socket);
            var out = socket.getOutputStream();
            var in = new DataInputStream(socket.getInputStream());
            byte[] key = new byte[16];
            ThreadLocalRandom.current().nextBytes(key);
            out.write(("GET " + url.getRawPath() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                    + Base64.getEncoder().encodeToString(key)
                    + (deflate ? "\r\nSec-WebSocket-Extensions: permessage-deflate; client_max_window_bits" : "")
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String headers = readHeaders(in);
            if (!headers.startsWith("HTTP/1.1 101")) {
                throw new IOException("no upgrade: " + headers.lines().findFirst().orElse(""));
            }
            boolean compressed = headers.toLowerCase().contains("sec-websocket-extensions: permessage-deflate");
            send(out, 0x1, HELLO);
            while (true) {
                int opcode = in.readUnsignedByte() & 0x0f;
                long length = in.readUnsignedByte() & 0x7f;
                length = length == 126 ? in.readUnsignedShort() : length == 127 ? in.readLong() : length;
                byte[] payload = in.readNBytes((int) length);
                if (opcode == 0x9) {
                    send(out, 0xA, payload);
                } else if (opcode == 0x8) {
                    break;
                } else if (!welcomed) {
                    welcomed = true;
                    welcomedOut.put(socket, out);
                    open.incrementAndGet();
                    if (compressed) {
                        granted.incrementAndGet();
                    }
                    connecting.release();
                    done.countDown();
                }
            }
        } catch (IOException e) {
            // counted below; the socket is gone
        } finally {
            if (!welcomed) {
                failed.incrementAndGet();
                connecting.release();
                done.countDown();
            }
        }
    }

    private static String readHeaders(DataInputStream in) throws IOException {
        var headers = new StringBuilder();
        while (!headers.toString().endsWith("\r\n\r\n")) {
            headers.append((char) in.readUnsignedByte());
        }
        return headers.toString();
    }

    /** One final client frame (masked, as RFC 6455 requires of a client), payload under 126 bytes. */
    private static void send(OutputStream out, int opcode, byte[] payload) throws IOException {
        synchronized (out) { // the reader's pongs and the pinger
            write(out, opcode, payload);
        }
    }

    private static void write(OutputStream out, int opcode, byte[] payload) throws IOException {
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        byte[] frame = new byte[6 + payload.length];
        frame[0] = (byte) (0x80 | opcode);
        frame[1] = (byte) (0x80 | payload.length);
        System.arraycopy(mask, 0, frame, 2, 4);
        for (int i = 0; i < payload.length; i++) {
            frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
        }
        out.write(frame);
        out.flush();
    }
}
