package dev.camelveeam.veeamem;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drive Veeam Backup Enterprise Manager through its REST API: manage jobs and their VMs, start jobs, and be told of
 * finished backup sessions. Operations that start an EM task return the final task, waited for without holding a
 * thread.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "veeam-em", title = "Veeam Backup Enterprise Manager",
             syntax = "veeam-em:operation", category = { Category.CLOUD, Category.MANAGEMENT },
             headersClass = VeeamEmConstants.class)
public class VeeamEmEndpoint extends ScheduledPollEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(VeeamEmEndpoint.class);
    private static final long DEFAULT_POLL_DELAY = 60_000;

    /** The name in the URI of the consumer, {@code from("veeam-em:backupSessions")}. */
    public static final String CONSUMER = "backupSessions";

    @UriPath(label = "common", description = "The operation to perform (to), or backupSessions for the consumer (from)",
             enums = "listIncludes,getInclude,addInclude,removeInclude,listJobs,getJob,startJob,stopJob,retryJob,"
                     + "toggleScheduleEnabled,cloneJob,getTask,cancelTask,listHierarchyRoots,lookup,listBackupSessions,"
                     + "getBackupSession,listTaskSessions,stopBackupSession,listBackupServers,listRepositories,"
                     + "getRepository,getReport,listBackups,listRestorePoints,listVmRestorePoints,getVmRestorePoint,"
                     + "restoreVm,quickBackup,backupSessions")
    @Metadata(required = true)
    private String operation;
    @UriParam
    private VeeamEmConfiguration configuration;
    /**
     * Only for the component's metadata (veeam-em.json, the component page, the DSL builders): the consumer's poll
     * delay defaults to {@value #DEFAULT_POLL_DELAY} ms, not Camel's 500 ms. The value itself lives in
     * ScheduledPollEndpoint (getDelay/setDelay), set in the constructor.
     */
    @UriParam(label = "consumer,scheduler", defaultValue = "" + DEFAULT_POLL_DELAY, javaType = "java.time.Duration",
              description = "Milliseconds before the next poll.")
    @SuppressWarnings("unused")
    private long delay = DEFAULT_POLL_DELAY;

    public VeeamEmEndpoint(String uri, VeeamEmComponent component, String operation, VeeamEmConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
        // EM is polled once a minute unless the delay option says otherwise; Camel's scheduler default is 500 ms
        setDelay(DEFAULT_POLL_DELAY);
    }

    @Override
    public VeeamEmComponent getComponent() {
        return (VeeamEmComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        if (isConsumer()) {
            throw new IllegalArgumentException(
                    "veeam-em:backupSessions is a consumer (from); in to() use veeam-em:listBackupSessions");
        }
        return new VeeamEmProducer(this, VeeamEmOperation.fromName(operation, "the endpoint URI"));
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (!isConsumer()) {
            throw new IllegalArgumentException(
                    "veeam-em:" + operation + " is an operation for to(); the consumer is veeam-em:backupSessions");
        }
        VeeamEmBackupSessionConsumer consumer = new VeeamEmBackupSessionConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    private boolean isConsumer() {
        return CONSUMER.equalsIgnoreCase(operation);
    }

    /** Logs the insecure choice each time an endpoint starts using it, so that it cannot go unnoticed in production. */
    void warnIfTrustingAllCertificates() {
        if (configuration.isTrustAllCertificates()) {
            LOG.warn("{} trusts ALL certificates and host names of EM (trustAllCertificates=true): for labs only,"
                     + " use sslContextParameters with EM's certificate instead",
                    this);
        }
    }

    public String getOperation() {
        return operation;
    }

    /**
     * The operation to perform (to), or backupSessions for the consumer (from).
     */
    public void setOperation(String operation) {
        this.operation = operation;
    }

    public VeeamEmConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * The endpoint's options.
     */
    public void setConfiguration(VeeamEmConfiguration configuration) {
        this.configuration = configuration;
    }
}
