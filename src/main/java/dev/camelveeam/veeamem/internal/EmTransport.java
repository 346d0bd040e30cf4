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

    /** The secrets of this transport and their stand-ins. */
    Secrets getSecrets();

    @Override
    void close();
}
