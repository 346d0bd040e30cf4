package dev.camelveeam.veeamem;

import java.util.concurrent.CompletableFuture;

import dev.camelveeam.veeamem.EmOperations.AlreadyDone;
import dev.camelveeam.veeamem.EmOperations.Answer;
import dev.camelveeam.veeamem.EmOperations.Outcome;
import dev.camelveeam.veeamem.EmOperations.Started;
import dev.camelveeam.veeamem.internal.EmApi;
import dev.camelveeam.veeamem.internal.EmApi.AcceptedTask;
import dev.camelveeam.veeamem.internal.EmStatistics;
import dev.camelveeam.veeamem.internal.PollSettings;
import dev.camelveeam.veeamem.model.Task;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.spi.UnitOfWork;
import org.apache.camel.support.DefaultAsyncProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Performs one EM operation per exchange. The request goes out on the calling thread; when EM answers
 * {@code 202 Accepted} with a task, the exchange continues asynchronously once a scheduled poll sees the task
 * Finished, and the final Task becomes the body.
 */
public class VeeamEmProducer extends DefaultAsyncProducer {

    private static final Logger LOG = LoggerFactory.getLogger(VeeamEmProducer.class);

    private EmApi api;
    private EmOperations operations;
    private EmStatistics statistics;
    private VeeamEmProducerHealthCheck healthCheck;
    private WritableHealthCheckRepository healthCheckRepository;

    public VeeamEmProducer(VeeamEmEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public VeeamEmEndpoint getEndpoint() {
        return (VeeamEmEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        VeeamEmConfiguration config = getEndpoint().getConfiguration();
        VeeamEmComponent component = getEndpoint().getComponent();
        getEndpoint().warnIfTrustingAllCertificates();
        api = new EmApi(component.connectionFor(config), config.getFormat());
        operations = new EmOperations(api);
        statistics = component.getStatistics();
        healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(
                getEndpoint().getCamelContext(), "producers", WritableHealthCheckRepository.class);
        if (healthCheckRepository != null) {
            healthCheck = new VeeamEmProducerHealthCheck(getEndpoint().getId(), api.getConnection());
            healthCheck.setEnabled(component.isHealthCheckProducerEnabled());
            healthCheckRepository.addHealthCheck(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheckRepository != null && healthCheck != null) {
            healthCheckRepository.removeHealthCheck(healthCheck);
        }
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback original) {
        VeeamEmConfiguration config = getEndpoint().getConfiguration();
        statistics.operation();
        AsyncCallback callback = doneSync -> {
            if (exchange.getException() != null) {
                statistics.failure();
            }
            original.done(doneSync);
        };
        try {
            ExchangeParameters parameters = new ExchangeParameters(exchange.getMessage(), config);
            VeeamEmOperation operation = parameters.operation(getEndpoint().getOperation());
            Outcome outcome = operations.perform(operation, parameters, config);
            if (outcome instanceof Started started) {
                return awaitTask(started.accepted(), exchange, callback, config);
            }
            if (outcome instanceof AlreadyDone) {
                LOG.debug("{}: EM is already as the operation would make it; no change requested", operation);
                exchange.getMessage().setHeader(VeeamEmConstants.ALREADY_DONE, true);
                exchange.getMessage().setBody(null);
            } else {
                exchange.getMessage().setBody(((Answer) outcome).body());
            }
        } catch (Exception e) {
            exchange.setException(e);
        }
        callback.done(true);
        return true;
    }

    /**
     * Waits for the task; true when it finished on this thread (a first poll without delay saw it Finished), false
     * when the exchange goes on later, from the poll that sees it Finished.
     */
    private boolean awaitTask(
            AcceptedTask accepted, Exchange exchange, AsyncCallback callback, VeeamEmConfiguration config) {
        LOG.debug("EM accepted the operation as task {}", accepted.task().getTaskId());
        PollSettings settings = new PollSettings(config.getPollInitialDelay(), config.getPollMaxDelay(),
                config.getTaskTimeout(), config.getPollRetries(), config.isCancelTaskOnTimeout());
        CompletableFuture<Task> finished = getEndpoint().getComponent().getTaskPoller()
                .awaitFinished(routeId(exchange), api, accepted.session(), accepted.task(), settings);
        if (finished.isDone()) {
            finished.whenComplete((task, error) -> complete(exchange, task, error, config));
            callback.done(true);
            return true;
        }
        finished.whenComplete((task, error) -> {
            complete(exchange, task, error, config);
            callback.done(false);
        });
        return false;
    }

    private static void complete(Exchange exchange, Task task, Throwable error, VeeamEmConfiguration config) {
        try {
            if (error != null) {
                exchange.setException(error);
            } else {
                complete(exchange.getMessage(), task, config);
            }
        } catch (RuntimeException e) {
            exchange.setException(e);
        }
    }

    /** The route the exchange is in at this producer, so that stopping that route ends the wait. */
    private static String routeId(Exchange exchange) {
        UnitOfWork unitOfWork = exchange.getUnitOfWork();
        return unitOfWork == null || unitOfWork.getRoute() == null ? null : unitOfWork.getRoute().getRouteId();
    }

    private static void complete(Message message, Task task, VeeamEmConfiguration config) {
        message.setHeader(VeeamEmConstants.TASK_ID, task.getTaskId());
        message.setHeader(VeeamEmConstants.TASK_STATE, task.getState());
        if (task.isFailed()) {
            LOG.warn("EM task {} ({}) failed: {}", task.getTaskId(), task.getOperation(), task.getResult().getMessage());
            if (config.isFailOnTaskError()) {
                throw new VeeamEmTaskFailedException(task);
            }
        }
        message.setBody(task);
    }
}
