package dev.connecttasks.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/** The HTTP servers of the local runtime: loopback only, and each answer sent without waiting on Nagle. */
final class LoopbackServer {
    static {
        // Without TCP_NODELAY a keep-alive client waits on a delayed ACK for every small answer (about
        // 40 ms on Linux). The JDK's server reads this once, when its first server starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private LoopbackServer() {
    }

    /** Starts a server on 127.0.0.1 ({@code port} 0: a free one) whose handlers run on {@code executor}. */
    static HttpServer start(int port, HttpHandler handler, ExecutorService executor) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        server.createContext("/", handler);
        server.setExecutor(executor);
        server.start();
        return server;
    }

    static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A pool of daemon threads named after what they serve, so that no server keeps the JVM alive. */
    static ExecutorService threads(String name, int size) {
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
        return size > 0 ? Executors.newFixedThreadPool(size, factory) : Executors.newCachedThreadPool(factory);
    }

    /** Writes a status and a body (none when empty). */
    static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
