package dev.camelveeam.veeamem;

import dev.camelveeam.veeamem.internal.EmCodec;
import dev.camelveeam.veeamem.internal.EmConnection;
import dev.camelveeam.veeamem.internal.EmConnection.SessionResponse;
import dev.camelveeam.veeamem.internal.EmRequest;
import dev.camelveeam.veeamem.internal.EmResponse;
import dev.camelveeam.veeamem.internal.PollSettings;
import dev.camelveeam.veeamem.model.Task;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
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
    private static final int ACCEPTED = 202;

    private EmConnection connection;

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
        connection = getEndpoint().getComponent().connectionFor(getEndpoint().getConfiguration());
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        VeeamEmConfiguration config = getEndpoint().getConfiguration();
        try {
            ExchangeParameters parameters = new ExchangeParameters(exchange.getMessage(), config);
            VeeamEmOperation operation = parameters.operation(getEndpoint().getOperation());
            EmRequest request = requestFor(operation, parameters);
            SessionResponse answer = connection.execute(request, config.getFormat());
            EmResponse response = answer.response();
            if (response.status() != ACCEPTED) {
                throw new VeeamEmApiException(
                        response.status(), EmCodec.errorMessage(response.body()), request.method(), request.pathAndQuery());
            }
            Task accepted = EmCodec.read(response.body(), config.getFormat(), Task.class, request.toString());
            LOG.debug("{} accepted by EM as task {}", request, accepted.getTaskId());
            PollSettings settings
                    = new PollSettings(config.getPollInitialDelay(), config.getPollMaxDelay(), config.getTaskTimeout());
            getEndpoint().getComponent().getTaskPoller()
                    .awaitFinished(connection, answer.session(), accepted, config.getFormat(), settings)
                    .whenComplete((task, error) -> {
                        try {
                            if (error != null) {
                                exchange.setException(error);
                            } else {
                                complete(exchange.getMessage(), task, config);
                            }
                        } catch (RuntimeException e) {
                            exchange.setException(e);
                        } finally {
                            callback.done(false);
                        }
                    });
            return false;
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
    }

    private static EmRequest requestFor(VeeamEmOperation operation, ExchangeParameters parameters) {
        switch (operation) {
            case removeInclude:
                return EmRequest.delete("/jobs/" + parameters.jobIdSegment() + "/includes/" + parameters.includeIdSegment());
            default:
                throw new IllegalArgumentException("Unsupported veeam-em operation: " + operation);
        }
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
