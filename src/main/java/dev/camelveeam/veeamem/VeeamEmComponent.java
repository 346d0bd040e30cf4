package dev.camelveeam.veeamem;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

import dev.camelveeam.veeamem.internal.ApiRoot;
import dev.camelveeam.veeamem.internal.EmConnection;
import dev.camelveeam.veeamem.internal.EmHttpClient;
import dev.camelveeam.veeamem.internal.EmStatistics;
import dev.camelveeam.veeamem.internal.TaskPoller;
import dev.camelveeam.veeamem.internal.TransportSettings;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.CamelContextStoppingEvent;
import org.apache.camel.spi.CamelEvent.RouteStoppingEvent;
import org.apache.camel.spi.EventNotifier;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.SimpleEventNotifierSupport;

/**
 * The {@code veeam-em} component. It owns what its endpoints share: one connection (HTTP pool and logon session) per
 * EM server and user, and the scheduler that polls EM tasks.
 */
@Component("veeam-em")
public class VeeamEmComponent extends HealthCheckComponent {

    @Metadata(label = "advanced")
    private VeeamEmConfiguration configuration = new VeeamEmConfiguration();
    @Metadata(label = "advanced", defaultValue = "4",
              description = "The number of threads that poll EM tasks. Polls are short; waiting between them holds no"
                            + " thread. The rest of a route continues on the thread of the poll that saw its task"
                            + " finish.")
    private int pollerPoolSize = 4;

    private final Map<ConnectionKey, EmConnection> connections = new ConcurrentHashMap<>();
    private final EmStatistics statistics = new EmStatistics();
    private final EventNotifier stopListener = new StopListener();
    private ScheduledExecutorService pollScheduler;
    private TaskPoller taskPoller;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        VeeamEmOperation operation = VeeamEmOperation.fromName(remaining, "the endpoint URI");
        VeeamEmEndpoint endpoint = new VeeamEmEndpoint(uri, this, operation, configuration.copy());
        setProperties(endpoint, parameters);
        validate(endpoint.getConfiguration());
        return endpoint;
    }

    private static void validate(VeeamEmConfiguration config) {
        ApiRoot.parse(config.getBaseUrl());
        if (config.getUsername() == null || config.getUsername().isBlank()) {
            throw new IllegalArgumentException("The option username is required: the EM account to log on with");
        }
        if (config.getPassword() == null || config.getPassword().isEmpty()) {
            throw new IllegalArgumentException("The option password is required: the password of the EM account");
        }
    }

    /** The shared connection to the EM server and user of the given configuration. */
    EmConnection connectionFor(VeeamEmConfiguration config) {
        ApiRoot root = ApiRoot.parse(config.getBaseUrl());
        TransportSettings transport = new TransportSettings(config.getConnectTimeout(), config.getResponseTimeout(),
                config.getSslContextParameters(), config.isTrustAllCertificates());
        return connections.computeIfAbsent(new ConnectionKey(root, config.getUsername(), config.getPassword(), transport),
                key -> new EmConnection(new EmHttpClient(root, transport, getCamelContext()), statistics, key.username(),
                        key.password()));
    }

    TaskPoller getTaskPoller() {
        return taskPoller;
    }

    EmStatistics getStatistics() {
        return statistics;
    }

    /** The connections opened so far, one per EM server and user. */
    Collection<EmConnection> getConnections() {
        return connections.values();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        pollScheduler = getCamelContext().getExecutorServiceManager()
                .newScheduledThreadPool(this, "VeeamEmTaskPoller", pollerPoolSize);
        taskPoller = new TaskPoller(pollScheduler, statistics);
        getCamelContext().getManagementStrategy().addEventNotifier(stopListener);
    }

    @Override
    protected void doStop() throws Exception {
        getCamelContext().getManagementStrategy().removeEventNotifier(stopListener);
        if (taskPoller != null) {
            taskPoller.abort(null, "the veeam-em component is stopping");
        }
        if (pollScheduler != null) {
            getCamelContext().getExecutorServiceManager().shutdown(pollScheduler);
            pollScheduler = null;
        }
        connections.values().forEach(EmConnection::close);
        connections.clear();
        super.doStop();
    }

    public VeeamEmConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * The options every endpoint of this component starts from.
     */
    public void setConfiguration(VeeamEmConfiguration configuration) {
        this.configuration = configuration;
    }

    public int getPollerPoolSize() {
        return pollerPoolSize;
    }

    public void setPollerPoolSize(int pollerPoolSize) {
        this.pollerPoolSize = pollerPoolSize;
    }

    /**
     * A graceful stop waits for in-flight exchanges, and an exchange waiting for a long EM task would hold it until
     * the shutdown timeout: when a route or the CamelContext starts stopping, its waits end at once with an exception
     * that says the task may still finish in EM.
     */
    private final class StopListener extends SimpleEventNotifierSupport {

        @Override
        public boolean isEnabled(CamelEvent event) {
            return event instanceof CamelContextStoppingEvent || event instanceof RouteStoppingEvent;
        }

        @Override
        public void notify(CamelEvent event) {
            if (taskPoller == null) {
                return;
            }
            if (event instanceof RouteStoppingEvent routeStopping) {
                taskPoller.abort(routeStopping.getRoute().getRouteId(), "route " + routeStopping.getRoute().getRouteId()
                                                                         + " is stopping");
            } else {
                taskPoller.abort(null, "the CamelContext is stopping");
            }
        }
    }

    private record ConnectionKey(ApiRoot root, String username, String password, TransportSettings transport) {

        @Override
        public String toString() {
            return "ConnectionKey[" + root + ", " + username + "]";
        }
    }
}
