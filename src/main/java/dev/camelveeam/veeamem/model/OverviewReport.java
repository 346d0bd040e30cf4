package dev.camelveeam.veeamem.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * The summary report's overview ({@code GET /reports/summary/overview}): servers, jobs and the VMs' latest states.
 */
@JacksonXmlRootElement(localName = "OverviewReportFrame")
public class OverviewReport extends EmResource {

    @JsonProperty("BackupServers")
    private Integer backupServers;
    @JsonProperty("ProxyServers")
    private Integer proxyServers;
    @JsonProperty("RepositoryServers")
    private Integer repositoryServers;
    @JsonProperty("RunningJobs")
    private Integer runningJobs;
    @JsonProperty("ScheduledJobs")
    private Integer scheduledJobs;
    @JsonProperty("SuccessfulVmLastestStates")
    private Integer successfulVmLastestStates;
    @JsonProperty("WarningVmLastestStates")
    private Integer warningVmLastestStates;
    @JsonProperty("FailedVmLastestStates")
    private Integer failedVmLastestStates;

    public Integer getBackupServers() {
        return backupServers;
    }

    public void setBackupServers(Integer backupServers) {
        this.backupServers = backupServers;
    }

    public Integer getProxyServers() {
        return proxyServers;
    }

    public void setProxyServers(Integer proxyServers) {
        this.proxyServers = proxyServers;
    }

    public Integer getRepositoryServers() {
        return repositoryServers;
    }

    public void setRepositoryServers(Integer repositoryServers) {
        this.repositoryServers = repositoryServers;
    }

    public Integer getRunningJobs() {
        return runningJobs;
    }

    public void setRunningJobs(Integer runningJobs) {
        this.runningJobs = runningJobs;
    }

    public Integer getScheduledJobs() {
        return scheduledJobs;
    }

    public void setScheduledJobs(Integer scheduledJobs) {
        this.scheduledJobs = scheduledJobs;
    }

    /** VMs whose latest backup succeeded (EM spells it Lastest). */
    public Integer getSuccessfulVmLastestStates() {
        return successfulVmLastestStates;
    }

    public void setSuccessfulVmLastestStates(Integer successfulVmLastestStates) {
        this.successfulVmLastestStates = successfulVmLastestStates;
    }

    public Integer getWarningVmLastestStates() {
        return warningVmLastestStates;
    }

    public void setWarningVmLastestStates(Integer warningVmLastestStates) {
        this.warningVmLastestStates = warningVmLastestStates;
    }

    public Integer getFailedVmLastestStates() {
        return failedVmLastestStates;
    }

    public void setFailedVmLastestStates(Integer failedVmLastestStates) {
        this.failedVmLastestStates = failedVmLastestStates;
    }

    @Override
    public String toString() {
        return "OverviewReport[" + "backupServers=" + backupServers + ", " + "runningJobs=" + runningJobs + ", "
               + "scheduledJobs=" + scheduledJobs + ", " + "failedVmLastestStates=" + failedVmLastestStates + "]";
    }
}
