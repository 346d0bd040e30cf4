package dev.camelveeam.veeamem.model;

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
 * The summary report's repositories ({@code GET /reports/summary/repository}): one entry per repository (EM calls them
 * {@code Period}), sizes in bytes, -1 when unknown.
 */
@JacksonXmlRootElement(localName = "RepositoryReportFrame")
public class RepositoryReport extends EmResource {

    @JsonProperty("Periods")
    @JsonAlias("Period")
    @JsonSetter(nulls = Nulls.AS_EMPTY)
    @JacksonXmlElementWrapper(useWrapping = false)
    private List<Period> periods = new ArrayList<>();
    @JsonProperty("CapacityPlanningReportLink")
    @JacksonXmlProperty(isAttribute = true, localName = "CapacityPlanningReportLink")
    private String capacityPlanningReportLink;

    /** One entry per repository. */
    public List<Period> getPeriods() {
        return periods;
    }

    public void setPeriods(List<Period> periods) {
        this.periods = periods;
    }

    public String getCapacityPlanningReportLink() {
        return capacityPlanningReportLink;
    }

    public void setCapacityPlanningReportLink(String capacityPlanningReportLink) {
        this.capacityPlanningReportLink = capacityPlanningReportLink;
    }

    @Override
    public String toString() {
        return "RepositoryReport[periods=" + periods + "]";
    }

    /** One repository: its capacity, free space and backups' size, in bytes. */
    public static class Period {

        @JsonProperty("Name")
        private String name;
        @JsonProperty("Capacity")
        private Long capacity;
        @JsonProperty("FreeSpace")
        private Long freeSpace;
        @JsonProperty("BackupSize")
        private Long backupSize;

        /** The repository's name. */
        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public Long getCapacity() {
            return capacity;
        }

        public void setCapacity(Long capacity) {
            this.capacity = capacity;
        }

        public Long getFreeSpace() {
            return freeSpace;
        }

        public void setFreeSpace(Long freeSpace) {
            this.freeSpace = freeSpace;
        }

        public Long getBackupSize() {
            return backupSize;
        }

        public void setBackupSize(Long backupSize) {
            this.backupSize = backupSize;
        }

        @Override
        public String toString() {
            return "Period[" + name + ", capacity=" + capacity + ", freeSpace=" + freeSpace + ", backupSize=" + backupSize
                   + "]";
        }
    }
}
