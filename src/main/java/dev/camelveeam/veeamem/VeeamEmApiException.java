package dev.camelveeam.veeamem;

/**
 * EM answered a request with an error status (4xx or 5xx), usually with an {@code Error} body.
 */
public class VeeamEmApiException extends VeeamEmException {

    private final int statusCode;
    private final String emMessage;
    private final String method;
    private final String path;

    public VeeamEmApiException(int statusCode, String emMessage, String method, String path) {
        this(statusCode, emMessage, method, path, method + " " + path + " failed: EM answered " + statusCode
                                                  + (emMessage == null ? " with no error message" : ": " + emMessage));
    }

    protected VeeamEmApiException(int statusCode, String emMessage, String method, String path, String message) {
        super(message);
        this.statusCode = statusCode;
        this.emMessage = emMessage;
        this.method = method;
        this.path = path;
    }

    public int getStatusCode() {
        return statusCode;
    }

    /** The {@code Message} of EM's {@code Error} body, or null when EM sent none. */
    public String getEmMessage() {
        return emMessage;
    }

    public String getMethod() {
        return method;
    }

    /** The request path below the API root, for example /jobs/{id}/includes/{id}. */
    public String getPath() {
        return path;
    }
}
