package dev.camelveeam.veeamem;

/**
 * EM answered 403: the account is logged on but its EM role does not allow the operation (job operations need a Portal
 * Administrator, for example).
 */
public class VeeamEmAccessDeniedException extends VeeamEmApiException {

    public VeeamEmAccessDeniedException(String emMessage, String method, String path, String username) {
        super(403, emMessage, method, path,
              method + " " + path + " was refused (403): the EM account '" + username
                                            + "' lacks the EM role for this operation (job operations need Portal Administrator)"
                                            + (emMessage == null ? "" : "; EM said: " + emMessage));
    }
}
