package dev.camelveeam.veeamem;

import java.util.Map;

import dev.camelveeam.veeamem.internal.EmConnection;
import dev.camelveeam.veeamem.internal.Futures;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * One check per connection (EM server and account), whichever endpoints share it: UP when EM accepts the credentials (a
 * session that EM answered in the last minute counts without asking again; otherwise the open session is read, or a
 * logon made), DOWN with EM's reason otherwise, for example a refused logon or an unreachable server. Never shows a
 * secret.
 */
public class VeeamEmConnectionHealthCheck extends AbstractHealthCheck {

    private final EmConnection connection;

    public VeeamEmConnectionHealthCheck(EmConnection connection) {
        super("camel", "producer:veeam-em:" + connection.getRoot().authority() + ":" + connection.getUsername());
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
