package dev.camelveeam.veeamem.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The page of a query answer: {@code pageSize} (default 100, as every captured EM answer shows) and {@code page} (from
 * 1), and the paths that repeat the query for another page.
 */
record QueryPaging(int pageNum, int pageSize, int pagesCount, Map<String, String> query) {

    static final int DEFAULT_PAGE_SIZE = 100;

    /** @throws SimError 400 if {@code pageSize} or {@code page} is not a positive number */
    static QueryPaging of(SimRequest request, int total) {
        int pageSize = positive(request, "pageSize", DEFAULT_PAGE_SIZE);
        int page = positive(request, "page", 1);
        int pagesCount = Math.max(1, (total + pageSize - 1) / pageSize);
        return new QueryPaging(page, pageSize, pagesCount, request.query());
    }

    <T> List<T> slice(List<T> all) {
        long from = (long) (pageNum - 1) * pageSize;
        return from >= all.size() ? List.of() : all.subList((int) from, (int) Math.min(all.size(), from + pageSize));
    }

    /**
     * {@code /query?…} with the request's parameters in their order, {@code pageSize} and {@code page} set in place (or
     * appended when the request had none), values encoded as EM does.
     */
    String pathOf(int page) {
        List<String> params = new ArrayList<>();
        boolean sizeSeen = false;
        boolean pageSeen = false;
        for (Map.Entry<String, String> param : query.entrySet()) {
            String value = param.getValue();
            if (param.getKey().equalsIgnoreCase("pageSize")) {
                value = String.valueOf(pageSize);
                sizeSeen = true;
            } else if (param.getKey().equalsIgnoreCase("page")) {
                value = String.valueOf(page);
                pageSeen = true;
            }
            params.add(EmLinks.encode(param.getKey()) + "=" + EmLinks.encode(value));
        }
        if (!sizeSeen) {
            params.add("pageSize=" + pageSize);
        }
        if (!pageSeen) {
            params.add("page=" + page);
        }
        return "/query?" + String.join("&", params);
    }

    private static int positive(SimRequest request, String name, int defaultValue) {
        String text = request.queryParam(name);
        if (text == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new SimError(400, "Invalid " + name + " [" + text + "]: expected a positive whole number.");
    }
}
