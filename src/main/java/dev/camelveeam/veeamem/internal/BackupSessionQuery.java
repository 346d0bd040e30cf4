package dev.camelveeam.veeamem.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import dev.camelveeam.veeamem.VeeamEmException;
import dev.camelveeam.veeamem.model.BackupJobSession;

/**
 * A query of backup sessions through EM's query service ({@code /query?type=BackupJobSession&format=Entities}):
 * the filter built from conditions, the sort order, and the reading of every page.
 */
public final class BackupSessionQuery {

    private final List<String> conditions = new ArrayList<>();
    private String sortAscending = "CreationTime";

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
     * Reads every page, {@code pageSize} sessions at a time, one page after the other. More than {@code maxPages}
     * pages is an error naming the option, so that a page count EM announces is never followed without limit.
     */
    public CompletableFuture<List<BackupJobSession>> readAll(EmApi api, int pageSize, int maxPages) {
        return readFrom(api, pageSize, maxPages, 1, new ArrayList<>());
    }

    private CompletableFuture<List<BackupJobSession>> readFrom(
            EmApi api, int pageSize, int maxPages, int page, List<BackupJobSession> sessions) {
        return api.getPage(pathAndQuery(pageSize, page), BackupJobSession.class).thenCompose(result -> {
            if (result.getEntities() != null && result.getEntities().getBackupJobSessions() != null) {
                sessions.addAll(result.getEntities().getBackupJobSessions().getItems());
            }
            int pagesCount = result.getPagingInfo() == null ? 1 : result.getPagingInfo().getPagesCount();
            if (page >= pagesCount) {
                return CompletableFuture.completedFuture(sessions);
            }
            if (page >= maxPages) {
                throw new VeeamEmException("EM announced " + pagesCount + " pages of backup sessions, more than the"
                                           + " option maxPages (" + maxPages + ") allows; narrow the query or raise"
                                           + " maxPages or pageSize");
            }
            return readFrom(api, pageSize, maxPages, page + 1, sessions);
        });
    }

    String pathAndQuery(int pageSize, int page) {
        StringBuilder query = new StringBuilder("/query?type=BackupJobSession&format=Entities");
        if (!conditions.isEmpty()) {
            query.append("&filter=").append(URLEncoder.encode(String.join(";", conditions), StandardCharsets.UTF_8));
        }
        return query.append("&sortAsc=").append(sortAscending)
                .append("&pageSize=").append(pageSize)
                .append("&page=").append(page)
                .toString();
    }

    /** A filter string value: in double quotes, with embedded quotes doubled. */
    private static String quoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
