package dev.camelveeam.veeamem;

import java.util.Map;

import dev.camelveeam.veeamem.internal.EmConnection;
import dev.camelveeam.veeamem.internal.Futures;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * UP when EM accepts the producer's credentials (an open session is still valid, or a logon succeeds); DOWN with
 * EM's reason otherwise, for example a refused logon or an unreachable server. Never shows a secret.
 */
public class VeeamEmProducerHealthCheck extends AbstractHealthCheck {

    private final EmConnection connection;

    public VeeamEmProducerHealthCheck(String routeOrEndpointId, EmConnection connection) {
        super("camel", "producer:veeam-em-" + routeOrEndpointId);
        this.connection = connection;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("baseUrl", connection.getRoot().toString());
        try {
            Futures.await(connection.verify());
            builder.up();
        } catch (VeeamEmLogonException e) {
            builder.detail(SERVICE_STATUS_CODE, e.getStatusCode()).message(e.getMessage()).down();
        } catch (RuntimeException e) {
            builder.message(e.getMessage()).error(e).down();
        }
    }
}
