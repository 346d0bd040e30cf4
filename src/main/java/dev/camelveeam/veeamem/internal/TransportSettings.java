package dev.camelveeam.veeamem.internal;

import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * How to reach an EM server: timeouts, answer size and TLS. Part of what identifies a shared connection, so endpoints
 * with other settings get their own.
 *
 * @param connectTimeoutMillis  how long to wait for a TCP connection and its TLS handshake
 * @param responseTimeoutMillis how long to wait for EM's whole answer once the request is on its way
 * @param maxResponseSize       the largest answer read, in bytes
 * @param sslContextParameters  the trust (and key) material to use; null for the JVM's default trust store
 * @param trustAllCertificates  accept any certificate and host name (labs only)
 */
public record TransportSettings(
        long connectTimeoutMillis, long responseTimeoutMillis, long maxResponseSize,
        SSLContextParameters sslContextParameters, boolean trustAllCertificates) {
}
