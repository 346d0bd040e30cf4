package dev.camelveeam.veeamem.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 (ephemeral port) in front of a host and port that relays bytes both ways and closes a client
 * connection, and its connection upstream, once no byte has gone either way for the idle timeout: an EM that closes
 * idle keep-alive connections. The client sees end of stream, as from a server's close.
 * <p>
 * Idle means idle on the wire: the proxy does not read HTTP, so a request that waits longer than the timeout for its
 * answer is cut as well; keep the timeout above the slowest answer a test expects to arrive. A client's end of stream
 * is passed on (half-close) and the connection ends when both directions have. Any byte stream works (HTTPS passes
 * through untouched, its host name being the proxy's).
 * <p>
 * Daemon threads: an acceptor, a watchdog and two relays per connection, all ended by {@link #close()}.
 */
public final class IdleClosingProxy implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
    private static final long MIN_CHECK_NANOS = Duration.ofMillis(5).toNanos();
    private static final int BUFFER_SIZE = 16 * 1024;

    private final InetSocketAddress target;
    private final long idleNanos;
    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(daemonThreads("idle-closing-proxy-"));
    private final ScheduledExecutorService watchdog
            = Executors.newSingleThreadScheduledExecutor(daemonThreads("idle-closing-proxy-watchdog-"));
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger closedIdle = new AtomicInteger();
    private final AtomicInteger openNow = new AtomicInteger();
    private volatile boolean closed;

    /**
     * Binds 127.0.0.1 on an ephemeral port and starts relaying to {@code targetHost:targetPort}.
     *
     * @param idleTimeout positive; a connection is closed once this long passes without a byte either way
     */
    public IdleClosingProxy(String targetHost, int targetPort, Duration idleTimeout) throws IOException {
        if (Objects.requireNonNull(idleTimeout, "idleTimeout").isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive: " + idleTimeout);
        }
        target = new InetSocketAddress(Objects.requireNonNull(targetHost, "targetHost"), targetPort);
        idleNanos = idleTimeout.toNanos();
        server = new ServerSocket(0, 0, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptConnections);
        long checkEvery = Math.max(MIN_CHECK_NANOS, idleNanos / 10);
        watchdog.scheduleWithFixedDelay(this::closeIdleConnections, checkEvery, checkEvery, TimeUnit.NANOSECONDS);
    }

    public int getPort() {
        return server.getLocalPort();
    }

    /** {@code http://127.0.0.1:<port>} followed by {@code path}, e.g. {@code getBaseUrl("/api")}. */
    public String getBaseUrl(String path) {
        return "http://127.0.0.1:" + getPort() + path;
    }

    /** Client connections accepted so far. */
    public int connectionsAccepted() {
        return accepted.get();
    }

    /** Connections the proxy has closed for being idle so far (not those that either side ended). */
    public int connectionsClosedIdle() {
        return closedIdle.get();
    }

    /**
     * Client connections open now: accepted and not yet closed, whether by the client, upstream, the idle timeout or
     * {@link #close()}. Counts from the moment of accepting, so a connection is counted before its upstream is open.
     */
    public int openConnections() {
        return openNow.get();
    }

    /** Stops accepting, closes every connection both ways and returns once the proxy's threads have ended. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        watchdog.shutdownNow();
        connections.forEach(Connection::close);
        threads.shutdownNow();
        try {
            threads.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            watchdog.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptConnections() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            accepted.incrementAndGet();
            openNow.incrementAndGet();
            try {
                threads.execute(() -> open(client));
            } catch (RejectedExecutionException e) {
                openNow.decrementAndGet();
                closeQuietly(client);
            }
        }
    }

    /** Connects upstream and relays: upstream to client on this thread, client to upstream on another. */
    private void open(Socket client) {
        Socket upstream = new Socket();
        try {
            upstream.connect(target, (int) CONNECT_TIMEOUT.toMillis());
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
        } catch (IOException e) {
            openNow.decrementAndGet();
            closeQuietly(client);
            closeQuietly(upstream);
            return;
        }
        Connection connection = new Connection(client, upstream);
        connections.add(connection);
        if (closed) {
            connection.close();
            return;
        }
        try {
            threads.execute(() -> connection.relay(client, upstream));
        } catch (RejectedExecutionException e) {
            connection.close();
            return;
        }
        connection.relay(upstream, client);
    }

    private void closeIdleConnections() {
        long now = System.nanoTime();
        for (Connection connection : connections) {
            if (now - connection.lastActivityNanos >= idleNanos) {
                connection.closeIdle();
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing anyway
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A client socket and its upstream socket. */
    private final class Connection {

        private final Socket client;
        private final Socket upstream;
        private final AtomicBoolean open = new AtomicBoolean(true);
        private final AtomicInteger directionsOpen = new AtomicInteger(2);
        private volatile long lastActivityNanos = System.nanoTime();

        Connection(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        /**
         * Copies {@code from} to {@code to} until end of stream, which it passes on, or until either side fails or
         * closes.
         */
        void relay(Socket from, Socket to) {
            byte[] buffer = new byte[BUFFER_SIZE];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    lastActivityNanos = System.nanoTime();
                    out.write(buffer, 0, read);
                }
                to.shutdownOutput();
            } catch (IOException e) {
                close();
                return;
            }
            if (directionsOpen.decrementAndGet() == 0) {
                close();
            }
        }

        /** Counted before the sockets close, so a client that sees end of stream sees the count too. */
        void closeIdle() {
            if (open.compareAndSet(true, false)) {
                closedIdle.incrementAndGet();
                closeSockets();
            }
        }

        void close() {
            if (open.compareAndSet(true, false)) {
                closeSockets();
            }
        }

        /** Uncounted before the sockets close, so a client that sees end of stream sees the count too. */
        private void closeSockets() {
            connections.remove(this);
            openNow.decrementAndGet();
            closeQuietly(client);
            closeQuietly(upstream);
        }
    }
}
