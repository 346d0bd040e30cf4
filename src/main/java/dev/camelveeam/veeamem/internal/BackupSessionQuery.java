package dev.camelveeam.veeamem.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import dev.camelveeam.veeamem.model.BackupJobSession;
import dev.camelveeam.veeamem.model.ReplicaJobSession;

/**
 * A query of backup (or replica) sessions through EM's query service
 * ({@code /query?type=BackupJobSession&format=Entities}, or {@code type=ReplicaJobSession}): the filter built from
 * conditions, the sort order, and the reading of every page.
 */
public final class BackupSessionQuery {

    public static final String BACKUP = "BackupJobSession";
    public static final String REPLICA = "ReplicaJobSession";

    private final List<String> conditions = new ArrayList<>();
    private String sortAscending = "CreationTime";
    private boolean replica;
    private Class<? extends BackupJobSession> entityType = BackupJobSession.class;

    /**
     * Which sessions to query: {@code BackupJobSession} (the default) or {@code ReplicaJobSession}, in any letter case;
     * null keeps the default.
     */
    public BackupSessionQuery sessionType(String sessionType) {
        if (sessionType == null || sessionType.isBlank() || sessionType.trim().equalsIgnoreCase(BACKUP)) {
            replica = false;
            entityType = BackupJobSession.class;
        } else if (sessionType.trim().equalsIgnoreCase(REPLICA)) {
            replica = true;
            entityType = ReplicaJobSession.class;
        } else {
            throw new IllegalArgumentException(
                    "The sessionType '" + Echo.quote(sessionType) + "' is not valid: expected "
                                               + BACKUP + " or " + REPLICA);
        }
        return this;
    }

    public BackupSessionQuery jobName(String jobName) {
        if (jobName != null && !jobName.isBlank()) {
            conditions.add("JobName==" + quoted(jobName));
        }
        return this;
    }

    /** Sessions whose result is one of the comma-separated values. */
    public BackupSessionQuery results(String commaSeparated) {
        if (commaSeparated != null && !commaSeparated.isBlank()) {
            String anyOf = Arrays.stream(commaSeparated.split(","))
                    .map(String::trim).filter(result -> !result.isEmpty())
                    .map(result -> "Result==" + quoted(result))
                    .collect(Collectors.joining(","));
            conditions.add("(" + anyOf + ")");
        }
        return this;
    }

    public BackupSessionQuery condition(String property, String operator, Instant instant) {
        if (instant != null) {
            conditions.add(property + operator + quoted(instant.toString()));
        }
        return this;
    }

    public BackupSessionQuery stopped() {
        conditions.add("State==\"Stopped\"");
        return this;
    }

    public BackupSessionQuery sortAscending(String property) {
        this.sortAscending = property;
        return this;
    }

    /**
     * Reads every page, {@code pageSize} sessions at a time, one page after the other. More than {@code maxPages} pages
     * is an error naming the option, so that a page count EM announces is never followed without limit.
     */
    public CompletableFuture<List<BackupJobSession>> readAll(EmApi api, int pageSize, int maxPages) {
        return QueryReader.readAll(api, page -> pathAndQuery(pageSize, page), entityType, maxPages,
                replica ? "replica sessions" : "backup sessions")
                .thenApply(sessions -> new ArrayList<BackupJobSession>(sessions));
    }

    String pathAndQuery(int pageSize, int page) {
        StringBuilder query = new StringBuilder("/query?type=").append(replica ? REPLICA : BACKUP).append("&format=Entities");
        if (!conditions.isEmpty()) {
            query.append("&filter=").append(URLEncoder.encode(String.join(";", conditions), StandardCharsets.UTF_8));
        }
        return query.append("&sortAsc=").append(sortAscending)
                .append("&pageSize=").append(pageSize)
                .append("&page=").append(page)
                .toString();
    }

    /** A filter string value: in double quotes, with embedded quotes doubled. */
    static String quoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
