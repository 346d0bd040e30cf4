package dev.camelveeam.veeamem.internal;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.util.Identifiable;
import org.apache.hc.core5.util.Timeout;

/**
 * An HttpClient connection that never logs what it sends or receives. HttpClient's own connection writes every
 * header (and with the wire logger every byte) at DEBUG, which would put EM's session token into the logs of anyone
 * who turns DEBUG on.
 */
final class QuietClientConnection extends DefaultBHttpClientConnection
        implements ManagedHttpClientConnection, Identifiable {

    static final HttpConnectionFactory<ManagedHttpClientConnection> FACTORY = socket -> {
        QuietClientConnection connection = new QuietClientConnection();
        if (socket != null) {
            connection.bind(socket);
        }
        return connection;
    };

    private static final AtomicLong COUNTER = new AtomicLong();

    private final String id = "veeam-em-http-" + COUNTER.getAndIncrement();
    private Timeout socketTimeout;

    private QuietClientConnection() {
        super(Http1Config.DEFAULT);
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public void bind(Socket socket) throws IOException {
        super.bind(new SocketHolder(socket));
        socketTimeout = Timeout.ofMilliseconds(socket.getSoTimeout());
    }

    @Override
    public Socket getSocket() {
        SocketHolder holder = getSocketHolder();
        return holder == null ? null : holder.getSocket();
    }

    @Override
    public SSLSession getSSLSession() {
        return getSocket() instanceof SSLSocket ssl ? ssl.getSession() : null;
    }

    @Override
    public void setSocketTimeout(Timeout timeout) {
        super.setSocketTimeout(timeout);
        socketTimeout = timeout;
    }

    /** An idle pooled connection waits without a read timeout; the timeout comes back when it is leased again. */
    @Override
    public void passivate() {
        super.setSocketTimeout(Timeout.ZERO_MILLISECONDS);
    }

    @Override
    public void activate() {
        super.setSocketTimeout(socketTimeout);
    }
}
