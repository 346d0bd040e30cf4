package dev.camelveeam.veeamem.simulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/** Creates the simulator's JDK server on the loopback address: plain HTTP, or HTTPS with a key from a key store. */
final class HttpServers {

    private HttpServers() {
    }

    /**
     * A server-side TLS context presenting the key store's private key and certificate chain.
     *
     * @throws IllegalArgumentException if the key store holds no private key or the password does not open it
     */
    static SSLContext tlsContext(KeyStore keyStore, char[] keyPassword) {
        try {
            if (Collections.list(keyStore.aliases()).stream().noneMatch(alias -> isKeyEntry(keyStore, alias))) {
                throw new IllegalArgumentException("The key store holds no private key entry");
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore, keyPassword);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot serve TLS with this key store: " + e.getMessage(), e);
        }
    }

    /** @param tls {@code null} for plain HTTP */
    static HttpServer create(int port, int backlog, SSLContext tls) throws IOException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        if (tls == null) {
            return HttpServer.create(address, backlog);
        }
        HttpsServer server = HttpsServer.create(address, backlog);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        return server;
    }

    private static boolean isKeyEntry(KeyStore keyStore, String alias) {
        try {
            return keyStore.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot read the key store: " + e.getMessage(), e);
        }
    }
}
