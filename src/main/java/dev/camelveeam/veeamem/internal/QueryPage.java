package dev.camelveeam.veeamem.internal;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import dev.camelveeam.veeamem.model.EmList;

/**
 * One page of a {@code QueryResult} in {@code format=Entities}: the entities of the queried type and the paging
 * position.
 *
 * @param <T> the entity type
 */
public class QueryPage<T> {

    @JsonProperty("Entities")
    private Entities<T> entities;
    @JsonProperty("PagingInfo")
    private PagingInfo pagingInfo;

    public Entities<T> getEntities() {
        return entities;
    }

    public void setEntities(Entities<T> entities) {
        this.entities = entities;
    }

    public PagingInfo getPagingInfo() {
        return pagingInfo;
    }

    public void setPagingInfo(PagingInfo pagingInfo) {
        this.pagingInfo = pagingInfo;
    }

    /** {@code <Entities>}: one member per queryable type; the component reads the ones below. */
    public static class Entities<T> {

        @JsonProperty("BackupJobSessions")
        private EmList<T> backupJobSessions;
        @JsonProperty("ReplicaJobSessions")
        private EmList<T> replicaJobSessions;
        @JsonProperty("VmRestorePoints")
        private EmList<T> vmRestorePoints;

        public EmList<T> getBackupJobSessions() {
            return backupJobSessions;
        }

        public void setBackupJobSessions(EmList<T> backupJobSessions) {
            this.backupJobSessions = backupJobSessions;
        }

        public EmList<T> getReplicaJobSessions() {
            return replicaJobSessions;
        }

        public void setReplicaJobSessions(EmList<T> replicaJobSessions) {
            this.replicaJobSessions = replicaJobSessions;
        }

        public EmList<T> getVmRestorePoints() {
            return vmRestorePoints;
        }

        public void setVmRestorePoints(EmList<T> vmRestorePoints) {
            this.vmRestorePoints = vmRestorePoints;
        }

        /** The entities of the page, whichever type they are; empty when there are none. */
        public List<T> items() {
            for (EmList<T> list : Arrays.asList(backupJobSessions, replicaJobSessions, vmRestorePoints)) {
                if (list != null) {
                    return list.getItems();
                }
            }
            return List.of();
        }
    }

    /** Where a page stands: its number, its size and how many pages there are. */
    public static class PagingInfo {

        @JsonProperty("PageNum")
        @JacksonXmlProperty(isAttribute = true, localName = "PageNum")
        private int pageNum;
        @JsonProperty("PageSize")
        @JacksonXmlProperty(isAttribute = true, localName = "PageSize")
        private int pageSize;
        @JsonProperty("PagesCount")
        @JacksonXmlProperty(isAttribute = true, localName = "PagesCount")
        private int pagesCount;

        public int getPageNum() {
            return pageNum;
        }

        public void setPageNum(int pageNum) {
            this.pageNum = pageNum;
        }

        public int getPageSize() {
            return pageSize;
        }

        public void setPageSize(int pageSize) {
            this.pageSize = pageSize;
        }

        public int getPagesCount() {
            return pagesCount;
        }

        public void setPagesCount(int pagesCount) {
            this.pagesCount = pagesCount;
        }
    }
}
