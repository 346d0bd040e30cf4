package dev.camelveeam.veeamem;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits one exchange per backup session that finished (state Stopped) since the previous poll, in the order of their
 * end times. A session counts as emitted only after its exchange completed without an exception; the position
 * ({@link SessionCursor}) is then saved at once. The position is read from the state repository each time the consumer
 * starts or resumes (under {@code master:}, each time this replica becomes the leader), never from an earlier copy, so
 * a new leader resumes exactly where the previous one stopped.
 */
public class VeeamEmBackupSessionConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(VeeamEmBackupSessionConsumer.class);

    private volatile SessionCursor cursor;
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
        new BackupSessionQuery().sessionType(config.getSessionType()); // refuses an unknown one before any request
        api = new EmApi(getEndpoint().getComponent().connectionFor(config), config.getFormat());
        ServiceHelper.startService(config.getStateRepository());
        cursor = null;
        loadPosition();
        super.doStart();
    }

    @Override
    protected void doResume() throws Exception {
        loadPosition();
        super.doResume();
    }

    /**
     * Reads the position from the state repository, now (never an earlier copy). Without a repository, a consumer that
     * resumes keeps its position in memory, and one that starts begins as on a first start. A repository without a
     * position for this key is a first start too, said in a WARN, and that first position is saved at once, so that the
     * next leader resumes from it even if this one emits nothing.
     */
    private void loadPosition() {
        VeeamEmConfiguration config = config();
        Duration lookback = Duration.ofMillis(config.getLookback());
        int maxSessions = config.getLookbackMaxSessions();
        StateRepository<String, String> repository = config.getStateRepository();
        if (repository == null) {
            if (cursor == null) {
                cursor = firstStart(config, lookback, maxSessions);
            }
            return;
        }
        String key = stateKey();
        String saved = repository.getState(key);
        if (saved != null) {
            cursor = SessionCursor.fromState(saved, lookback, maxSessions);
            LOG.debug("backupSessions consumer resumes from its saved position ({})", cursor);
            return;
        }
        cursor = firstStart(config, lookback, maxSessions);
        LOG.warn("The stateRepository has no position for the backupSessions consumer under the key '{}': taken for a"
                 + " first start, the consumer emits the sessions that ended at or after {} (now minus initialLookback"
                 + " {} ms) and saves that position now. If this consumer ran before (its position was lost, or"
                 + " baseUrl, username, jobName or sessionResult changed), sessions that ended before then are not"
                 + " emitted.",
                key, cursor.since(), config.getInitialLookback());
        saveState();
    }

    private static SessionCursor firstStart(VeeamEmConfiguration config, Duration lookback, int maxSessions) {
        return SessionCursor.startingAt(Instant.now().minusMillis(config.getInitialLookback()), lookback, maxSessions);
    }

    @Override
    protected int poll() throws Exception {
        VeeamEmConfiguration config = config();
        List<BackupJobSession> finished = Futures.await(new BackupSessionQuery()
                .sessionType(config.getSessionType())
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
            if (!isRunAllowed() || isSuspendingOrSuspended()) {
                // stopping (under master:, leadership lost): emit nothing more, another leader may start now
                break;
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

    /**
     * One position per EM server, user, filter and session type, so that consumers watching other sessions do not share
     * one.
     */
    private String stateKey() {
        VeeamEmConfiguration config = config();
        String results = config.getSessionResult() == null
                ? ""
                : Arrays.stream(config.getSessionResult().split(",")).map(String::trim).sorted()
                        .collect(Collectors.joining(","));
        String key = String.join("|", "veeam-em:backupSessions", api.getConnection().getRoot().toString(),
                config.getUsername(), Objects.toString(config.getJobName(), ""), results);
        // replica sessions have a position of their own; the key of backup sessions stays as it always was
        boolean replica = BackupSessionQuery.REPLICA.equalsIgnoreCase(Objects.toString(config.getSessionType(), "").trim());
        return replica ? key + "|" + BackupSessionQuery.REPLICA : key;
    }
}
