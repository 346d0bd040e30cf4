package dev.camelveeam.veeamem;

/**
 * A request that changes something on EM went out, but the connection failed before EM's answer came back: EM may or
 * may not have carried it out. The component does not send it again; check EM (for example list the job's includes) or
 * let the route's error handler decide.
 */
public class VeeamEmOutcomeUnknownException extends VeeamEmException {

    private final String method;
    private final String path;

    public VeeamEmOutcomeUnknownException(String method, String path, Throwable cause) {
        super(method + " " + path + " was sent to EM but no answer came back (" + cause.getMessage()
              + "): it may or may not have been carried out, so it was not sent again", cause);
        this.method = method;
        this.path = path;
    }

    /** The change was sent, its answer was lost, and what EM did with it cannot be found out (the reason says why). */
    public VeeamEmOutcomeUnknownException(String method, String path, String reason) {
        super(method + " " + path + " was sent to EM but its answer was lost, and " + reason);
        this.method = method;
        this.path = path;
    }

    public String getMethod() {
        return method;
    }

    public String getPath() {
        return path;
    }
}
