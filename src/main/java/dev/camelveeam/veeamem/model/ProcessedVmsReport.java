package dev.camelveeam.veeamem.model;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * The summary report's processed VMs ({@code GET /reports/summary/processed_vms}): the last seven days, newest first.
 */
@JacksonXmlRootElement(localName = "ProcessedVmsReportFrame")
public class ProcessedVmsReport extends EmResource {

    @JsonProperty("Days")
    @JsonAlias("Day")
    @JsonSetter(nulls = Nulls.AS_EMPTY)
    @JacksonXmlElementWrapper(useWrapping = false)
    private List<Day> days = new ArrayList<>();

    public List<Day> getDays() {
        return days;
    }

    public void setDays(List<Day> days) {
        this.days = days;
    }

    @Override
    public String toString() {
        return "ProcessedVmsReport[days=" + days + "]";
    }

    /** One day: the VMs backed up and replicated that day. */
    public static class Day {

        @JsonProperty("Timestamp")
        @JacksonXmlProperty(isAttribute = true, localName = "Timestamp")
        private String timestamp;
        @JsonProperty("ReplicatedVms")
        @JacksonXmlProperty(isAttribute = true, localName = "ReplicatedVms")
        private Integer replicatedVms;
        @JsonProperty("BackupedVms")
        @JacksonXmlProperty(isAttribute = true, localName = "BackupedVms")
        private Integer backupedVms;

        /** The day's start as EM wrote it (the EM server's midnight, with its offset). */
        public String getTimestamp() {
            return timestamp;
        }

        public void setTimestamp(String timestamp) {
            this.timestamp = timestamp;
        }

        /** The day's start as an instant. */
        public Instant getStart() {
            if (timestamp == null || timestamp.isBlank()) {
                return null;
            }
            try {
                return OffsetDateTime.parse(timestamp).toInstant();
            } catch (RuntimeException e) {
                return Uids.instantOf(timestamp);
            }
        }

        public Integer getReplicatedVms() {
            return replicatedVms;
        }

        public void setReplicatedVms(Integer replicatedVms) {
            this.replicatedVms = replicatedVms;
        }

        /** The VMs backed up that day (EM spells it Backuped). */
        public Integer getBackupedVms() {
            return backupedVms;
        }

        public void setBackupedVms(Integer backupedVms) {
            this.backupedVms = backupedVms;
        }

        @Override
        public String toString() {
            return "Day[" + timestamp + ", backupedVms=" + backupedVms + ", replicatedVms=" + replicatedVms + "]";
        }
    }
}
