package dev.camelveeam.veeamem;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import dev.camelveeam.veeamem.internal.ApiRoot;
import dev.camelveeam.veeamem.internal.EmConnection;
import dev.camelveeam.veeamem.internal.EmHttpClient;
import dev.camelveeam.veeamem.internal.EmScheduler;
import dev.camelveeam.veeamem.internal.EmStatistics;
import dev.camelveeam.veeamem.internal.ExecutorEmScheduler;
import dev.camelveeam.veeamem.internal.ResourcePoller;
import dev.camelveeam.veeamem.internal.RouteWorkPool;
import dev.camelveeam.veeamem.internal.RunTimeEstimates;
import dev.camelveeam.veeamem.internal.TaskPoller;
import dev.camelveeam.veeamem.internal.TransportSettings;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.CamelContextStoppingEvent;
import org.apache.camel.spi.CamelEvent.RouteStoppingEvent;
import org.apache.camel.spi.EventNotifier;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.SimpleEventNotifierSupport;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.util.concurrent.CamelThreadFactory;

/**
 * The {@code veeam-em} component. It owns what its endpoints share: one connection (asynchronous HTTP client with its
 * I/O thread, and logon session) per EM server and user, the one scheduler thread that times polls and answer
 * deadlines, and the executor on which exchanges continue once EM has answered.
 */
@Component("veeam-em")
@ManagedResource(description = "Veeam Backup Enterprise Manager component")
public class VeeamEmComponent extends HealthCheckComponent implements SSLContextParametersAware {

    /** The id of a thread-pool profile that, when the CamelContext has one, shapes the route-work executor. */
    public static final String ROUTE_WORK_PROFILE = "veeamEmRouteWork";
    private static final String ROUTE_WORK_THREADS = "VeeamEmRouteWork";

    @Metadata(label = "advanced")
    private VeeamEmConfiguration configuration = new VeeamEmConfiguration();
    @Metadata(label = "security", defaultValue = "false")
    private boolean useGlobalSslContextParameters;

    private final Map<ConnectionKey, EmConnection> connections = new ConcurrentHashMap<>();
    private final EmStatistics statistics = new EmStatistics();
    /** What the adaptive poll strategy learnt, per connection; gone with the connections when the component stops. */
    private final Map<EmConnection, RunTimeEstimates> runTimeEstimates = new ConcurrentHashMap<>();
    private final Map<VeeamEmConnectionHealthCheck, WritableHealthCheckRepository> healthChecks
            = new ConcurrentHashMap<>();
    private final EventNotifier stopListener = new StopListener();
    private ScheduledExecutorService schedulerThread;
    private ExecutorService routeWork;
    private EmScheduler scheduler;
    private TaskPoller taskPoller;
    private volatile ResourcePoller resourcePoller;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (!VeeamEmEndpoint.CONSUMER.equalsIgnoreCase(remaining)) {
            VeeamEmOperation.fromName(remaining, "the endpoint URI");
        }
        VeeamEmEndpoint endpoint = new VeeamEmEndpoint(uri, this, remaining, configuration.copy());
        setProperties(endpoint, parameters);
        endpoint.getConfiguration().validate();
        return endpoint;
    }

    /** The shared connection to the EM server and user of the given configuration. */
    EmConnection connectionFor(VeeamEmConfiguration config) {
        ApiRoot root = ApiRoot.parse(config.getBaseUrl());
        // an endpoint's own sslContextParameters win; else, when useGlobalSslContextParameters, the CamelContext's
        SSLContextParameters ssl = config.getSslContextParameters() != null
                ? config.getSslContextParameters() : retrieveGlobalSslContextParameters();
        TransportSettings transport = new TransportSettings(
                config.getConnectTimeout(), config.getResponseTimeout(),
                config.getMaxResponseSize(), ssl, config.isTrustAllCertificates());
        return connections.computeIfAbsent(new ConnectionKey(root, config.getUsername(), config.getPassword(), transport),
                key -> {
                    EmConnection connection = new EmConnection(
                            new EmHttpClient(root, transport, scheduler, ioThreads(), getCamelContext()),
                            statistics, key.username(), key.password(), transport.responseTimeoutMillis());
                    addHealthCheck(connection);
                    return connection;
                });
    }

    /** One health check per connection, in the producers' repository when health checks are on. */
    private void addHealthCheck(EmConnection connection) {
        WritableHealthCheckRepository repository = HealthCheckHelper.getHealthCheckRepository(
                getCamelContext(), "producers", WritableHealthCheckRepository.class);
        if (repository != null) {
            VeeamEmConnectionHealthCheck check = new VeeamEmConnectionHealthCheck(connection);
            check.setEnabled(isHealthCheckProducerEnabled());
            repository.addHealthCheck(check);
            healthChecks.put(check, repository);
        }
    }

    private CamelThreadFactory ioThreads() {
        return new CamelThreadFactory(
                getCamelContext().getExecutorServiceManager().getThreadNamePattern(), "VeeamEmIO",
                true);
    }

    /** The run times the adaptive poll strategy learnt on the connection. */
    RunTimeEstimates runTimeEstimates(EmConnection connection) {
        return runTimeEstimates.computeIfAbsent(connection, c -> new RunTimeEstimates());
    }

    /** The learnt run times of the connection, or null when none were learnt there. */
    RunTimeEstimates findRunTimeEstimates(EmConnection connection) {
        return runTimeEstimates.get(connection);
    }

    TaskPoller getTaskPoller() {
        return taskPoller;
    }

    ResourcePoller getResourcePoller() {
        return resourcePoller;
    }

    ExecutorService getRouteWorkExecutor() {
        return routeWork;
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
        ExecutorServiceManager executors = getCamelContext().getExecutorServiceManager();
        schedulerThread = executors.newScheduledThreadPool(this, "VeeamEmScheduler", schedulerProfile(executors));
        scheduler = new ExecutorEmScheduler(schedulerThread);
        routeWork = newRouteWorkExecutor(executors);
        taskPoller = new TaskPoller(scheduler, statistics);
        resourcePoller = new ResourcePoller(scheduler, statistics);
        getCamelContext().getManagementStrategy().addEventNotifier(stopListener);
    }

    /**
     * One thread with an unbounded queue: every task in flight has a poll or a deadline waiting there, so the default
     * profile's bound (1,000) would refuse polls under load.
     */
    private static ThreadPoolProfile schedulerProfile(ExecutorServiceManager executors) {
        ThreadPoolProfile profile = executors.getDefaultThreadPoolProfile().clone();
        profile.setId("veeamEmScheduler");
        profile.setDefaultProfile(false);
        profile.setPoolSize(1);
        profile.setMaxPoolSize(1);
        profile.setMaxQueueSize(-1);
        return profile;
    }

    /**
     * The CamelContext's {@value #ROUTE_WORK_PROFILE} profile if it has one; else a pool that starts threads as route
     * work needs them, up to the default profile's maximum pool size, then queues (without bound: each exchange queues
     * there once at most, and a full queue must never run route work on an I/O thread).
     */
    private ExecutorService newRouteWorkExecutor(ExecutorServiceManager executors) {
        ThreadPoolProfile own = executors.getThreadPoolProfile(ROUTE_WORK_PROFILE);
        if (own != null) {
            return executors.newThreadPool(this, ROUTE_WORK_THREADS, own);
        }
        ThreadPoolProfile defaults = executors.getDefaultThreadPoolProfile();
        return new RouteWorkPool(
                defaults.getMaxPoolSize(), defaults.getTimeUnit().toMillis(defaults.getKeepAliveTime()),
                new CamelThreadFactory(executors.getThreadNamePattern(), ROUTE_WORK_THREADS, true));
    }

    @Override
    protected void doStop() throws Exception {
        getCamelContext().getManagementStrategy().removeEventNotifier(stopListener);
        stopSending("the veeam-em component is stopping");
        connections.values().forEach(EmConnection::close);
        connections.clear();
        runTimeEstimates.clear();
        healthChecks.forEach((check, repository) -> repository.removeHealthCheck(check));
        healthChecks.clear();
        ExecutorServiceManager executors = getCamelContext().getExecutorServiceManager();
        if (schedulerThread != null) {
            executors.shutdownNow(schedulerThread);
            schedulerThread = null;
        }
        if (routeWork instanceof RouteWorkPool own) {
            own.shutdown();
        } else if (routeWork != null) {
            executors.shutdown(routeWork);
        }
        routeWork = null;
        super.doStop();
    }

    /** No new request goes to EM from now on, and the exchanges waiting for tasks end at once. */
    private void stopSending(String reason) {
        connections.values().forEach(connection -> connection.stopSending(reason));
        if (taskPoller != null) {
            taskPoller.abort(null, reason);
        }
        if (resourcePoller != null) {
            resourcePoller.abort(null, reason);
        }
    }

    @ManagedAttribute(description = "The EM tasks being waited for")
    public int getTasksInFlight() {
        return taskPoller == null ? 0 : taskPoller.inFlightCount();
    }

    @ManagedAttribute(description = "Producer exchanges since the component started")
    public long getOperations() {
        return statistics.snapshot().get("operations");
    }

    @ManagedAttribute(description = "Producer exchanges that ended with an exception")
    public long getFailures() {
        return statistics.snapshot().get("failures");
    }

    @ManagedAttribute(description = "Polls of EM tasks")
    public long getPolls() {
        return statistics.snapshot().get("polls");
    }

    @ManagedAttribute(description = "Logons to EM")
    public long getLogons() {
        return statistics.snapshot().get("logons");
    }

    @ManagedAttribute(description = "Connections (EM server and account) opened")
    public int getConnectionCount() {
        return connections.size();
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

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    /**
     * Enable usage of global SSL context parameters: endpoints without sslContextParameters of their own use the
     * CamelContext's SSL context parameters (in Camel Main, the camel.ssl options).
     */
    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    /**
     * A graceful stop waits for in-flight exchanges, and an exchange waiting for a long EM task would hold it until the
     * shutdown timeout: when a route starts stopping its waits end at once with an exception that says the task may
     * still finish in EM; when the CamelContext starts stopping, every wait ends and no new request is sent.
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
                String routeId = routeStopping.getRoute().getRouteId();
                taskPoller.abort(routeId, "route " + routeId + " is stopping");
                resourcePoller.abort(routeId, "route " + routeId + " is stopping");
            } else {
                stopSending("the CamelContext is stopping");
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
