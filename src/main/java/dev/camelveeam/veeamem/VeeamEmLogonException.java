package dev.camelveeam.veeamem;

/**
 * EM refused to open a logon session, for example because the username or password is wrong.
 */
public class VeeamEmLogonException extends VeeamEmException {

    private final int statusCode;

    public VeeamEmLogonException(String message, int statusCode) {
        super(message);
        this.statusCode = statusCode;
    }

    public VeeamEmLogonException(String message, int statusCode, Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
    }

    /** The status EM answered the logon with; 0 when EM gave no answer. */
    public int getStatusCode() {
        return statusCode;
    }
}
