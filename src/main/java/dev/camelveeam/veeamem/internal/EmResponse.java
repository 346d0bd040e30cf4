package dev.camelveeam.veeamem.internal;

/**
 * EM's answer to one request.
 *
 * @param status       the HTTP status code
 * @param sessionToken the value of the {@code X-RestSvcSessionId} header, or null
 * @param body         the body, empty when EM sent none
 */
public record EmResponse(int status, String sessionToken, byte[] body) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    @Override
    public String toString() {
        return "EmResponse[status=" + status + ", bodyLength=" + body.length + "]";
    }
}
