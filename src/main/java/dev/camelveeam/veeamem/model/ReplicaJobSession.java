package dev.camelveeam.veeamem.model;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * One run of a replication job ({@code JobType} Replica): the members of a backup session, with the UID
 * {@code urn:veeam:ReplicaJobSession:<id>}.
 */
@JacksonXmlRootElement(localName = "ReplicaJobSession")
public class ReplicaJobSession extends BackupJobSession {

    @Override
    public String toString() {
        return "ReplicaJobSession[id=" + getId() + ", jobName=" + getJobName() + ", state=" + getState() + ", result="
               + getResult() + ", endTime=" + getEndTimeUtc() + "]";
    }
}
