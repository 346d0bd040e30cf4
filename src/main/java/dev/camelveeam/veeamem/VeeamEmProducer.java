package dev.camelveeam.veeamem;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

import dev.camelveeam.veeamem.EmOperations.AlreadyDone;
import dev.camelveeam.veeamem.EmOperations.Answer;
import dev.camelveeam.veeamem.EmOperations.Call;
import dev.camelveeam.veeamem.EmOperations.Followed;
import dev.camelveeam.veeamem.EmOperations.Outcome;
import dev.camelveeam.veeamem.EmOperations.Started;
import dev.camelveeam.veeamem.internal.EmApi;
import dev.camelveeam.veeamem.internal.EmStatistics;
import dev.camelveeam.veeamem.internal.Futures;
import dev.camelveeam.veeamem.internal.PendingChange;
import dev.camelveeam.veeamem.internal.PollSettings;
import dev.camelveeam.veeamem.internal.TaskPoller;
import dev.camelveeam.veeamem.model.BackupJobSession;
import dev.camelveeam.veeamem.model.RestoreSession;
import dev.camelveeam.veeamem.model.Task;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Message;
import org.apache.camel.spi.CamelLogger;
import org.apache.camel.spi.UnitOfWork;
import org.apache.camel.support.DefaultAsyncProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Performs one EM operation per exchange without holding the calling thread: {@code process} checks the inputs, hands
 * the requests to the asynchronous transport and returns. When EM's answer (and, for a task, the poll that sees it
 * Finished) arrives, the exchange continues on the route-work executor, never on an I/O or poll thread. A transacted
 * exchange must stay on its thread, so it waits there instead.
 */
public class VeeamEmProducer extends DefaultAsyncProducer {

    /**
     * The exchange property that holds the change an exchange asked EM for when the exchange failed, so that a
     * redelivery settles it instead of sending it again.
     */
    public static final String PENDING_CHANGE = "CamelVeeamEmPendingChange";

    private static final Logger LOG = LoggerFactory.getLogger(VeeamEmProducer.class);

    private final VeeamEmOperation operation;
    private EmApi api;
    private EmOperations operations;
    private EmStatistics statistics;
    private TaskPoller taskPoller;
    private PollSettings pollSettings;
    private Executor routeWork;

    public VeeamEmProducer(VeeamEmEndpoint endpoint, VeeamEmOperation operation) {
        super(endpoint);
        this.operation = operation;
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
        operations = new EmOperations(api, component.getResourcePoller());
        statistics = component.getStatistics();
        taskPoller = component.getTaskPoller();
        pollSettings = new PollSettings(
                config.getPollInitialDelay(), config.getPollMaxDelay(), config.getTaskTimeout(),
                config.getPollRetries(), config.isCancelTaskOnTimeout(),
                config.getPollStrategy() == VeeamEmPollStrategy.adaptive
                        ? component.runTimeEstimates(api.getConnection())
                        : null);
        routeWork = config.getExecutorService() != null ? config.getExecutorService() : component.getRouteWorkExecutor();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        statistics.operation();
        CompletableFuture<Object> result = send(exchange);
        if (result.isDone() || exchange.isTransacted()) {
            complete(exchange, result);
            callback.done(true);
            return true;
        }
        result.whenComplete((value, failure) -> continueOnRouteWork(exchange, callback, result));
        return false;
    }

    /** Checks the inputs and starts the operation; bad input makes a failed future without any request. */
    private CompletableFuture<Object> send(Exchange exchange) {
        try {
            VeeamEmConfiguration config = getEndpoint().getConfiguration();
            ExchangeParameters parameters = new ExchangeParameters(exchange.getMessage(), config);
            VeeamEmOperation actual = parameters.operation(operation);
            Call call = operations.prepare(actual, parameters, config);
            if (!call.isChange()) {
                return call.send(null).thenCompose(outcome -> awaitTask(outcome, exchange, actual));
            }
            Supplier<CompletableFuture<Object>> change = () -> sendChange(call, exchange, actual);
            return config.isIdempotent()
                    ? api.getConnection().getChangeGate().inTurn(call.newPendingChange().key(), change)
                    : change.get();
        } catch (Throwable e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Sends a change, or, when the exchange comes again with the same change pending (Camel redelivered it), settles
     * that one: follows the task EM made for it, or sends it again only when EM provably did not accept it.
     */
    private CompletableFuture<Object> sendChange(Call call, Exchange exchange, VeeamEmOperation actual) {
        PendingChange pending = exchange.getProperty(PENDING_CHANGE, PendingChange.class);
        CompletableFuture<Outcome> outcome;
        if (pending != null && pending.key().equals(call.newPendingChange().key())) {
            LOG.debug("Settling {} of a redelivered exchange before sending anything", pending);
            outcome = operations.settle(call, pending);
        } else {
            pending = call.newPendingChange();
            outcome = call.send(pending);
        }
        PendingChange change = pending;
        return outcome.thenCompose(started -> awaitTask(started, exchange, actual))
                .thenCompose(result -> call.afterTask(result, routeId(exchange)))
                .whenComplete((result, failure) -> {
                    if (failure == null) {
                        exchange.removeProperty(PENDING_CHANGE);
                        return;
                    }
                    // kept on the exchange only once it failed: a property map per waiting exchange costs heap
                    exchange.setProperty(PENDING_CHANGE, change);
                    if (change.uncheckable() != null) {
                        exchange.getExchangeExtension().setRedeliveryExhausted(true);
                    }
                });
    }

    /** Waits for the task EM started, if any; the operation names the run times the adaptive strategy learns. */
    private CompletableFuture<Object> awaitTask(Outcome outcome, Exchange exchange, VeeamEmOperation actual) {
        if (outcome instanceof Started started) {
            LOG.debug("EM accepted the operation as task {}", started.task().lastSeen().getTaskId());
            CompletableFuture<? extends Object> finished
                    = taskPoller.awaitFinished(routeId(exchange), started.task(), pollSettings, actual.name());
            @SuppressWarnings("unchecked") // a future of a Task is a future of its supertype: it is only read
            CompletableFuture<Object> asObject = (CompletableFuture<Object>) finished;
            return asObject;
        }
        return CompletableFuture.completedFuture(outcome);
    }

    /** Hands the rest of the route to the route-work executor; on this thread only when that one no longer runs. */
    private void continueOnRouteWork(Exchange exchange, AsyncCallback callback, CompletableFuture<Object> result) {
        Runnable rest = () -> {
            complete(exchange, result);
            try {
                callback.done(false);
            } catch (Throwable e) {
                LOG.error("The route of exchange {} failed after veeam-em: {}", exchange.getExchangeId(), e, e);
            }
        };
        try {
            routeWork.execute(rest);
        } catch (RejectedExecutionException stopped) {
            rest.run();
        }
    }

    /** Sets the body and headers from the result, or the exception; waits only for a transacted exchange. */
    private void complete(Exchange exchange, CompletableFuture<Object> result) {
        try {
            Object value = Futures.await(result);
            Message message = exchange.getMessage();
            if (value instanceof Task task) {
                complete(message, task);
            } else if (value instanceof Followed followed) {
                complete(message, followed.task());
                message.setBody(followed.body());
                if (followed.body() instanceof RestoreSession session) {
                    message.setHeader(VeeamEmConstants.RESTORE_SESSION_ID, session.getId());
                } else if (followed.body() instanceof BackupJobSession session) {
                    message.setHeader(VeeamEmConstants.BACKUP_SESSION_ID, session.getId());
                }
            } else if (value instanceof AlreadyDone) {
                LOG.debug("{}: EM is already as the operation would make it; no change requested", operation);
                message.setHeader(VeeamEmConstants.ALREADY_DONE, true);
                message.setBody(null);
            } else {
                message.setBody(((Answer) value).body());
            }
        } catch (Throwable e) {
            exchange.setException(Futures.unwrap(e));
        }
        if (exchange.getException() != null) {
            statistics.failure();
        }
    }

    private void complete(Message message, Task task) {
        message.setHeader(VeeamEmConstants.TASK_ID, task.getTaskId());
        message.setHeader(VeeamEmConstants.TASK_STATE, task.getState());
        if (task.isFailed()) {
            VeeamEmConfiguration config = getEndpoint().getConfiguration();
            CamelLogger.log(LOG, failedTaskLevel(config), "EM task " + task.getTaskId() + " (" + task.getOperation()
                                                          + ") failed: " + task.getResult().getMessage());
            if (config.isFailOnTaskError()) {
                throw new VeeamEmTaskFailedException(task);
            }
        }
        message.setBody(task);
    }

    /** The option's level; by default DEBUG when the exception goes to the route, WARN when the task is the body. */
    private static LoggingLevel failedTaskLevel(VeeamEmConfiguration config) {
        if (config.getTaskFailedLoggingLevel() != null) {
            return config.getTaskFailedLoggingLevel();
        }
        return config.isFailOnTaskError() ? LoggingLevel.DEBUG : LoggingLevel.WARN;
    }

    /** The route the exchange is in at this producer, so that stopping that route ends the wait. */
    private static String routeId(Exchange exchange) {
        UnitOfWork unitOfWork = exchange.getUnitOfWork();
        return unitOfWork == null || unitOfWork.getRoute() == null ? null : unitOfWork.getRoute().getRouteId();
    }
}
