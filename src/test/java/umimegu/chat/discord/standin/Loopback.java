package umimegu.chat.discord.standin;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.Consumer;

/** A server socket on 127.0.0.1 that hands each connection to its own daemon thread. */
final class Loopback {
    private Loopback() {}

    static ServerSocket listen(String name, Consumer<Socket> perConnection) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon(name, () -> {
            while (!server.isClosed()) {
                try {
                    Socket connection = server.accept();
                    daemon(name + "-connection", () -> perConnection.accept(connection));
                } catch (IOException e) {
                    return; // closed
                }
            }
        });
        return server;
    }

    static void daemon(String name, Runnable work) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.start();
    }
}
