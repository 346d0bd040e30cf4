package dev.camelveeam.veeamem;

import org.apache.camel.RuntimeCamelException;

/**
 * Base of the exceptions the {@code veeam-em} component raises. Messages never contain the password or the session
 * token.
 */
public class VeeamEmException extends RuntimeCamelException {

    public VeeamEmException(String message) {
        super(message);
    }

    public VeeamEmException(String message, Throwable cause) {
        super(message, cause);
    }
}
