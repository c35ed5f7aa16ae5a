package nl.loket.fault;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A WebSocket client written on a plain TCP socket with a tiny receive buffer, so a test decides when
 * (and whether) it reads: the client that stopped reading, which no WebSocket library lets you be.
 */
final class RawWebSocket implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new DataInputStream(socket.getInputStream());
    }

    /** Opens {@code path} on localhost; {@code cookie} (may be null) signs an agent in. */
    static RawWebSocket open(int port, String path, String cookie) throws IOException {
        var socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("localhost", port));
        socket.setSoTimeout(30_000);
        var client = new RawWebSocket(socket);
        client.out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + (cookie == null ? "" : "Cookie: " + cookie + "\r\n") + "\r\n").getBytes(StandardCharsets.US_ASCII));
        String response = client.headers();
        if (!response.startsWith("HTTP/1.1 101")) {
            socket.close();
            throw new IOException("no WebSocket upgrade: " + response.lines().findFirst().orElse(""));
        }
        return client;
    }

    record Frame(int opcode, byte[] payload) {

        boolean isClose() {
            return opcode == 0x8;
        }

        /** The close code of a close frame; 1005 (none given) otherwise. */
        int closeCode() {
            return isClose() && payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
        }

        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    /** The next frame, or null when the server closed the connection. */
    Frame read() throws IOException {
        int first = in.read();
        if (first == -1) {
            return null;
        }
        int second = in.readUnsignedByte();
        long length = second & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        return new Frame(first & 0x0F, payload);
    }

    /** A masked text frame, as a client must send (RFC 6455); a zero mask keeps the payload as is. */
    void sendText(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        out.write(0x81);
        if (payload.length < 126) {
            out.write(0x80 | payload.length);
        } else {
            out.write(0x80 | 126);
            out.write(payload.length >> 8);
            out.write(payload.length & 0xFF);
        }
        out.write(new byte[4]);
        out.write(payload);
        out.flush();
    }

    private String headers() throws IOException {
        var response = new StringBuilder();
        while (!response.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c == -1) {
                break;
            }
            response.append((char) c);
        }
        return response.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
