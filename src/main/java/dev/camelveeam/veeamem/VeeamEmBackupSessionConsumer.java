package dev.camelveeam.veeamem;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.Comparator;
import java.util.List;

import dev.camelveeam.veeamem.internal.BackupSessionQuery;
import dev.camelveeam.veeamem.internal.EmApi;
import dev.camelveeam.veeamem.internal.Futures;
import dev.camelveeam.veeamem.internal.SessionCursor;
import dev.camelveeam.veeamem.model.BackupJobSession;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Emits one exchange per backup session that finished (state Stopped) since the previous poll, in the order of their
 * end times, each exactly once while the consumer runs and at least once across restarts: a session counts as
 * emitted only after its exchange completed without an exception, and the position is saved after each one.
 */
public class VeeamEmBackupSessionConsumer extends ScheduledPollConsumer {

    private SessionCursor cursor;
    private EmApi api;

    public VeeamEmBackupSessionConsumer(VeeamEmEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public VeeamEmEndpoint getEndpoint() {
        return (VeeamEmEndpoint) super.getEndpoint();
    }

    private VeeamEmConfiguration config() {
        return getEndpoint().getConfiguration();
    }

    @Override
    protected void doStart() throws Exception {
        VeeamEmConfiguration config = config();
        getEndpoint().warnIfTrustingAllCertificates();
        api = new EmApi(getEndpoint().getComponent().connectionFor(config), config.getFormat());
        ServiceHelper.startService(config.getStateRepository());
        Duration lookback = Duration.ofMillis(config.getLookback());
        String saved = config.getStateRepository() == null ? null : config.getStateRepository().getState(stateKey());
        cursor = saved != null
                ? SessionCursor.fromState(saved, lookback)
                : SessionCursor.startingAt(Instant.now().minusMillis(config.getInitialLookback()), lookback);
        super.doStart();
    }

    @Override
    protected int poll() throws Exception {
        VeeamEmConfiguration config = config();
        List<BackupJobSession> finished = Futures.await(new BackupSessionQuery()
                .stopped()
                .jobName(config.getJobName())
                .results(config.getSessionResult())
                .condition("EndTime", ">=", cursor.since())
                .sortAscending("EndTime")
                .readAll(api, config.getPageSize(), config.getMaxPages()));
        finished.sort(Comparator.comparing(BackupJobSession::getEndTime).thenComparing(BackupJobSession::getId));
        int emitted = 0;
        for (BackupJobSession session : finished) {
            if (cursor.isEmitted(session)) {
                continue;
            }
            if (!emit(session)) {
                break;
            }
            emitted++;
        }
        return emitted;
    }

    /** Emits the session; false when its exchange failed, so that it and the later ones come again next poll. */
    private boolean emit(BackupJobSession session) throws Exception {
        Exchange exchange = createExchange(true);
        try {
            exchange.getMessage().setBody(session);
            exchange.getMessage().setHeader(VeeamEmConstants.BACKUP_SESSION_ID, session.getId());
            exchange.getMessage().setHeader(VeeamEmConstants.JOB_NAME, session.getJobName());
            getProcessor().process(exchange);
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Error processing backup session " + session.getId(), exchange,
                        exchange.getException());
                return false;
            }
            cursor.markEmitted(session);
            saveState();
            return true;
        } finally {
            releaseExchange(exchange, false);
        }
    }

    private void saveState() {
        StateRepository<String, String> repository = config().getStateRepository();
        if (repository != null) {
            repository.setState(stateKey(), cursor.toState());
        }
    }

    /** One position per EM server, user and filter, so that consumers watching other sessions do not share one. */
    private String stateKey() {
        VeeamEmConfiguration config = config();
        String results = config.getSessionResult() == null ? ""
                : Arrays.stream(config.getSessionResult().split(",")).map(String::trim).sorted()
                        .collect(Collectors.joining(","));
        return String.join("|", "veeam-em:backupSessions", api.getConnection().getRoot().toString(),
                config.getUsername(), Objects.toString(config.getJobName(), ""), results);
    }
}
