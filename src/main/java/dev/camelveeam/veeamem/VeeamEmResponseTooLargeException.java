package dev.camelveeam.veeamem;

/**
 * EM's answer was larger than the option {@code maxResponseSize} allows, so it was not read. EM received the request
 * and answered it: a request that changes something may have been carried out.
 */
public class VeeamEmResponseTooLargeException extends VeeamEmException {

    private final int statusCode;

    public VeeamEmResponseTooLargeException(String message, int statusCode, Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
    }

    /** The status EM answered with. */
    public int getStatusCode() {
        return statusCode;
    }
}
