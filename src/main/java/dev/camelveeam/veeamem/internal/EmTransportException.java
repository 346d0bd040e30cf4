package dev.camelveeam.veeamem.internal;

import dev.camelveeam.veeamem.VeeamEmException;

/**
 * A request got no answer from EM. {@link #isRequestSent()} tells whether it may have reached EM: false only when the
 * connection could not even be opened, so that the request provably never left.
 */
public class EmTransportException extends VeeamEmException {

    private final boolean requestSent;

    public EmTransportException(String message, boolean requestSent, Throwable cause) {
        super(message, cause);
        this.requestSent = requestSent;
    }

    public boolean isRequestSent() {
        return requestSent;
    }
}
