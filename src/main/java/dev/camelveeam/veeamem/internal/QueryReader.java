package dev.camelveeam.veeamem.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

import dev.camelveeam.veeamem.VeeamEmException;

/**
 * Reads every page of a query in {@code format=Entities}, one page after the other. More than {@code maxPages} pages is
 * an error naming the option, so that a page count EM announces is never followed without limit.
 */
public final class QueryReader {

    private QueryReader() {
    }

    /**
     * @param pathForPage the request of a page, from its number (1 first)
     * @param what        what is read, for the error message, such as "backup sessions"
     */
    public static <T> CompletableFuture<List<T>> readAll(
            EmApi api, IntFunction<String> pathForPage, Class<T> entityType, int maxPages, String what) {
        return readFrom(api, pathForPage, entityType, maxPages, what, 1, new ArrayList<>());
    }

    private static <T> CompletableFuture<List<T>> readFrom(
            EmApi api, IntFunction<String> pathForPage, Class<T> entityType, int maxPages, String what, int page,
            List<T> items) {
        return api.getPage(pathForPage.apply(page), entityType).thenCompose(result -> {
            if (result.getEntities() != null) {
                items.addAll(result.getEntities().items());
            }
            int pagesCount = result.getPagingInfo() == null ? 1 : result.getPagingInfo().getPagesCount();
            if (page >= pagesCount) {
                return CompletableFuture.completedFuture(items);
            }
            if (page >= maxPages) {
                throw new VeeamEmException(
                        "EM announced " + pagesCount + " pages of " + what + ", more than the"
                                           + " option maxPages (" + maxPages + ") allows; narrow the query or raise"
                                           + " maxPages or pageSize");
            }
            return readFrom(api, pathForPage, entityType, maxPages, what, page + 1, items);
        });
    }

    /** A filter string value: in double quotes, with embedded quotes doubled. */
    public static String quoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
