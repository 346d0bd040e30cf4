package dev.camelveeam.veeamem.internal;

import java.util.concurrent.CompletableFuture;

import dev.camelveeam.veeamem.VeeamEmFormat;
import dev.camelveeam.veeamem.VeeamEmTransportException;

/**
 * Sends requests to one EM server without waiting: the future completes with EM's answer, or exceptionally with a
 * {@link VeeamEmTransportException} (no answer, telling whether the request may have reached EM) or another
 * {@link dev.camelveeam.veeamem.VeeamEmException}. It always completes, at the latest when the transport's deadlines
 * pass.
 */
public interface EmTransport extends AutoCloseable {

    ApiRoot getRoot();

    /**
     * Sends the request with the given authorization header ({@code Authorization} for logon,
     * {@code X-RestSvcSessionId} afterwards); its value may be a stand-in of {@link Secrets}.
     */
    CompletableFuture<EmResponse> send(EmRequest request, VeeamEmFormat format, String authHeader, String authValue);

    /**
     * Whether a request that could not connect is worth sending once more. Not when the failure shows that it would
     * fail the same way, such as a server that does not answer the TLS handshake at all (a plain-HTTP port).
     */
    default boolean worthConnectingAgain(VeeamEmTransportException notSent) {
        return true;
    }

    /** The secrets of this transport and their stand-ins. */
    Secrets getSecrets();

    @Override
    void close();
}
