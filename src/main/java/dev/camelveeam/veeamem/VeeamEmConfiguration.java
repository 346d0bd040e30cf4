package dev.camelveeam.veeamem;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Options of the {@code veeam-em} component. The component holds one instance whose values every endpoint starts from;
 * each endpoint works on its own copy so that its URI parameters override the component's.
 */
@UriParams
public class VeeamEmConfiguration implements Cloneable {

    @UriParam(label = "common")
    @Metadata(required = true)
    private String baseUrl;
    @UriParam(label = "security", secret = true)
    @Metadata(required = true)
    private String username;
    @UriParam(label = "security", secret = true)
    @Metadata(required = true)
    private String password;
    @UriParam(label = "common", defaultValue = "xml", enums = "xml,json")
    private VeeamEmFormat format = VeeamEmFormat.xml;
    @UriParam(label = "producer")
    private String jobId;
    @UriParam(label = "producer")
    private String includeId;
    @UriParam(label = "producer", defaultValue = "200", javaType = "java.time.Duration")
    private long pollInitialDelay = 200;
    @UriParam(label = "producer", defaultValue = "5000", javaType = "java.time.Duration")
    private long pollMaxDelay = 5000;
    @UriParam(label = "producer", defaultValue = "600000", javaType = "java.time.Duration")
    private long taskTimeout = 600_000;
    @UriParam(label = "producer", defaultValue = "true")
    private boolean failOnTaskError = true;

    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * The URL of the EM REST API, for example https://em.example.com:9398/api. The trailing /api may be left out.
     */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getUsername() {
        return username;
    }

    /**
     * The EM account to log on with (a Portal Administrator for job operations), for example DOMAIN\svc-camel.
     */
    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    /**
     * The password of the EM account.
     */
    public void setPassword(String password) {
        this.password = password;
    }

    public VeeamEmFormat getFormat() {
        return format;
    }

    /**
     * The representation to exchange with EM: xml (EM's default) or json.
     */
    public void setFormat(VeeamEmFormat format) {
        this.format = format;
    }

    public String getJobId() {
        return jobId;
    }

    /**
     * The id of the job: a GUID or urn:veeam:Job:GUID. The header CamelVeeamEmJobId overrides it.
     */
    public void setJobId(String jobId) {
        this.jobId = jobId;
    }

    public String getIncludeId() {
        return includeId;
    }

    /**
     * The id of the object in the job (the ObjectInJobId of the include). The header CamelVeeamEmIncludeId overrides
     * it.
     */
    public void setIncludeId(String includeId) {
        this.includeId = includeId;
    }

    public long getPollInitialDelay() {
        return pollInitialDelay;
    }

    /**
     * How long to wait before the first poll of a task that EM accepted; later polls wait twice as long as the one
     * before, up to pollMaxDelay.
     */
    public void setPollInitialDelay(long pollInitialDelay) {
        this.pollInitialDelay = pollInitialDelay;
    }

    public long getPollMaxDelay() {
        return pollMaxDelay;
    }

    /**
     * The longest wait between two polls of a task (the cap of the back-off).
     */
    public void setPollMaxDelay(long pollMaxDelay) {
        this.pollMaxDelay = pollMaxDelay;
    }

    public long getTaskTimeout() {
        return taskTimeout;
    }

    /**
     * How long to wait for a task to reach the Finished state before the exchange fails with a timeout that names
     * the task and its last state.
     */
    public void setTaskTimeout(long taskTimeout) {
        this.taskTimeout = taskTimeout;
    }

    public boolean isFailOnTaskError() {
        return failOnTaskError;
    }

    /**
     * Whether a task that finished with Success=false fails the exchange (VeeamEmTaskFailedException). When false,
     * the failed task becomes the message body.
     */
    public void setFailOnTaskError(boolean failOnTaskError) {
        this.failOnTaskError = failOnTaskError;
    }

    public VeeamEmConfiguration copy() {
        try {
            return (VeeamEmConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
