package dev.camelveeam.veeamem.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * The body of {@code POST /jobs/{id}?action=clone} for a backup job: the new job's name, folder and repository.
 */
@JacksonXmlRootElement(localName = "JobCloneSpec")
public class JobCloneSpec {

    @JsonProperty("BackupJobCloneInfo")
    private final BackupJobCloneInfo backupJobCloneInfo;

    public JobCloneSpec(String jobName, String folderName, String repositoryUid) {
        this.backupJobCloneInfo = new BackupJobCloneInfo(jobName, folderName, repositoryUid);
    }

    public BackupJobCloneInfo getBackupJobCloneInfo() {
        return backupJobCloneInfo;
    }

    /** The XSD sequence of {@code BackupJobCloneInfoType}. */
    @JsonPropertyOrder({ "JobName", "FolderName", "RepositoryUid" })
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class BackupJobCloneInfo {

        @JsonProperty("JobName")
        private final String jobName;
        @JsonProperty("FolderName")
        private final String folderName;
        @JsonProperty("RepositoryUid")
        private final String repositoryUid;

        BackupJobCloneInfo(String jobName, String folderName, String repositoryUid) {
            this.jobName = jobName;
            this.folderName = folderName;
            this.repositoryUid = repositoryUid;
        }

        public String getJobName() {
            return jobName;
        }

        public String getFolderName() {
            return folderName;
        }

        public String getRepositoryUid() {
            return repositoryUid;
        }
    }
}
