package umimegu.chat.discord.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Discord's gateway on plain ws://127.0.0.1: the WebSocket handshake and frames (RFC 6455, just
 * what a client needs), HELLO, heartbeat ACKs, and numbered dispatches to the connection that
 * was admitted after its IDENTIFY. What clients say (IDENTIFY, heartbeats, anything else) goes
 * to {@code onPacket}.
 */
final class Gateway implements AutoCloseable {
    private static final String WS_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final Pattern KEY = Pattern.compile("(?im)^Sec-WebSocket-Key:\\s*(\\S+)\\s*$");
    static final int HEARTBEAT_INTERVAL_MS = 41_250;

    private final ObjectMapper json = new ObjectMapper();
    private final ServerSocket server;
    private final BiConsumer<Socket, JsonNode> onPacket;
    private final AtomicInteger sequence = new AtomicInteger();
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    /** The identified connection of each shard (one, shard 0, unless the bot shards). */
    private final java.util.Map<Integer, Socket> sessions = new java.util.concurrent.ConcurrentHashMap<>();

    /** {@code onPacket} gets each packet with the connection it came on; see {@link #admit}. */
    Gateway(BiConsumer<Socket, JsonNode> onPacket) throws IOException {
        this.onPacket = onPacket;
        this.server = Loopback.listen("stand-in-gateway", this::serve);
    }

    String url() {
        return "ws://127.0.0.1:" + server.getLocalPort();
    }

    /** The first line of each WebSocket upgrade request (path with Javacord's query). */
    List<String> requestLines() {
        return requestLines;
    }

    private void serve(Socket socket) {
        try {
            String head = ConnectProxy.readHead(socket.getInputStream());
            requestLines.add(head.split("\r\n", 2)[0]);
            Matcher key = KEY.matcher(head);
            if (!key.find()) {
                socket.close();
                return;
            }
            String accept = Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-1")
                            .digest((key.group(1) + WS_GUID).getBytes(StandardCharsets.US_ASCII)));
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                            + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            send(
                    socket,
                    1,
                    json.createObjectNode()
                            .put("op", 10)
                            .set("d", json.createObjectNode().put("heartbeat_interval", HEARTBEAT_INTERVAL_MS))
                            .toString()
                            .getBytes(StandardCharsets.UTF_8));
            readFrames(socket);
        } catch (Exception e) {
            // the client went away
        } finally {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private void readFrames(Socket socket) throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        java.io.ByteArrayOutputStream message = new java.io.ByteArrayOutputStream();
        while (true) {
            int b0 = in.readUnsignedByte();
            int b1 = in.readUnsignedByte();
            boolean fin = (b0 & 0x80) != 0;
            int opcode = b0 & 0x0F;
            long length = b1 & 0x7F;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] mask = new byte[4];
            if ((b1 & 0x80) != 0) {
                in.readFully(mask);
            }
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i % 4];
            }
            switch (opcode) {
                case 0, 1, 2 -> {
                    message.write(payload);
                    if (fin) {
                        handle(socket, message.toString(StandardCharsets.UTF_8));
                        message.reset();
                    }
                }
                case 8 -> { // close: answer it and end the session
                    send(socket, 8, payload.length >= 2 ? new byte[] {payload[0], payload[1]} : new byte[0]);
                    return;
                }
                case 9 -> send(socket, 10, payload);
                default -> {} // pong
            }
        }
    }

    private void handle(Socket socket, String text) throws IOException {
        JsonNode packet = json.readTree(text);
        if (packet.path("op").asInt() == 1) {
            send(socket, 1, "{\"op\":11}".getBytes(StandardCharsets.UTF_8));
        }
        onPacket.accept(socket, packet);
    }

    /** Makes an identified connection the one that a shard's events go to. */
    void admit(int shard, Socket socket) {
        sessions.put(shard, socket);
    }

    /** Sends a DISPATCH event with the next sequence number to shard 0's connection. */
    void dispatch(String type, JsonNode data) {
        dispatch(0, type, data);
    }

    /** Sends a DISPATCH event with the next sequence number to a shard's connection. */
    void dispatch(int shard, String type, JsonNode data) {
        ObjectNode packet = json.createObjectNode().put("op", 0).put("t", type).put("s", sequence.incrementAndGet());
        packet.set("d", data);
        Socket socket = sessions.get(shard);
        if (socket == null) {
            throw new IllegalStateException("no gateway session: the bot has not connected");
        }
        try {
            send(socket, 1, packet.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("gateway session lost: " + e.getMessage(), e);
        }
    }

    /** Sends a packet with no data (e.g. op 7, RECONNECT) to the admitted connection. */
    void sendOp(int op) throws IOException {
        Socket socket = sessions.get(0);
        if (socket == null) {
            throw new IllegalStateException("no gateway session: the bot has not connected");
        }
        send(socket, 1, ("{\"op\":" + op + ",\"d\":null}").getBytes(StandardCharsets.UTF_8));
    }

    /** Closes a connection with a close code, as Discord does on a bad token (4004). */
    void close(Socket socket, int code) throws IOException {
        send(socket, 8, new byte[] {(byte) (code >> 8), (byte) code});
        socket.close();
    }

    private static void send(Socket socket, int opcode, byte[] payload) throws IOException {
        synchronized (socket) {
            OutputStream out = socket.getOutputStream();
            out.write(0x80 | opcode);
            if (payload.length < 126) {
                out.write(payload.length);
            } else if (payload.length < 65536) {
                out.write(126);
                out.write(payload.length >> 8);
                out.write(payload.length);
            } else {
                out.write(127);
                for (int shift = 56; shift >= 0; shift -= 8) {
                    out.write((int) ((long) payload.length >> shift));
                }
            }
            out.write(payload);
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sessions.values()) {
            socket.close();
        }
    }
}
