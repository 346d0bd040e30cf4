package dev.camelveeam.veeamem.internal;

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

    /** {@code <Entities>}: one member per queryable type; the component queries backup sessions only. */
    public static class Entities<T> {

        @JsonProperty("BackupJobSessions")
        private EmList<T> backupJobSessions;

        public EmList<T> getBackupJobSessions() {
            return backupJobSessions;
        }

        public void setBackupJobSessions(EmList<T> backupJobSessions) {
            this.backupJobSessions = backupJobSessions;
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
