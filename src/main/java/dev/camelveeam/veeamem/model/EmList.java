package dev.camelveeam.veeamem.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;

/**
 * An EM list document, read alike whatever EM calls its items: in XML a root element with repeated children
 * ({@code <ObjectsInJob><ObjectInJob/>...}), in JSON an object with one array ({@code {"ObjectInJobs":[...]}}).
 *
 * @param <T> the item type
 */
public class EmList<T> {

    @JacksonXmlElementWrapper(useWrapping = false)
    @JsonAlias({
            "ObjectInJob", "ObjectInJobs", "Ref", "Refs", "Job", "Jobs", "HierarchyItem", "HierarchyItems",
            "BackupJobSession", "BackupJobSessions", "Task", "Tasks", "BackupServer", "BackupServers", "Repository",
            "Repositories", "Backup", "Backups", "RestorePoint", "RestorePoints", "VmRestorePoint", "VmRestorePoints",
            "BackupTaskSession", "BackupTaskSessions", "ReplicaJobSession", "ReplicaJobSessions", "RestoreSession",
            "RestoreSessions" })
    @JsonSetter(nulls = Nulls.AS_EMPTY)
    private List<T> items = new ArrayList<>();

    public List<T> getItems() {
        return items;
    }

    public void setItems(List<T> items) {
        this.items = items;
    }
}
