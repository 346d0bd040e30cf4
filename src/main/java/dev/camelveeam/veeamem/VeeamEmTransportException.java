package dev.camelveeam.veeamem;

/**
 * A request got no answer from EM: the connection could not be opened, the TLS handshake failed, or the connection
 * broke or timed out before the answer. {@link #isRequestSent()} tells whether it may have reached EM: false only when
 * the connection could not even be opened, so that the request provably never left.
 */
public class VeeamEmTransportException extends VeeamEmException {

    private final boolean requestSent;

    public VeeamEmTransportException(String message, boolean requestSent, Throwable cause) {
        super(message, cause);
        this.requestSent = requestSent;
    }

    public boolean isRequestSent() {
        return requestSent;
    }
}
