package dev.camelveeam.veeamem.simulator;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The query service: {@code /api/query?type=…[&format=Entities][&filter=…][&sortAsc|sortDesc=…][&pageSize=…&page=…]}.
 */
final class QueryResource {

    private final Map<String, QueryType<?>> types;
    private final QueryDocuments documents;

    QueryResource(List<QueryType<?>> types, QueryDocuments documents) {
        this.types = types.stream().collect(Collectors.toUnmodifiableMap(t -> t.name().toLowerCase(Locale.ROOT), t -> t));
        this.documents = documents;
    }

    void addRoutes(Router router) {
        router.add("GET", "/api/query", Router.Access.SESSION, this::query);
    }

    private SimResponse query(SimRequest request) {
        String typeName = request.queryParam("type");
        if (typeName == null) {
            throw new SimError(400, "Query type is not specified: add type=<type>, one of " + typeNames() + ".");
        }
        QueryType<?> type = types.get(typeName.toLowerCase(Locale.ROOT));
        if (type == null) {
            throw new SimError(400, "Unknown query type [" + typeName + "]: expected one of " + typeNames() + ".");
        }
        return SimResponse.of(200, answer(type, request));
    }

    private <T> EmElement answer(QueryType<T> type, SimRequest request) {
        boolean entities = request.wantsEntities("Entities", "Refs");
        String filterText = request.queryParam("filter");
        Predicate<T> filter = filterText == null || filterText.isBlank() ? item -> true : QueryFilter.parse(filterText, type);
        List<T> matching = type.items().get().stream().filter(filter).sorted(order(type, request)).toList();
        QueryPaging paging = QueryPaging.of(request, matching.size());
        return documents.queryResult(type, paging.slice(matching), entities, paging);
    }

    /**
     * The type's natural order unless {@code sortAsc} or {@code sortDesc} names a property; ties keep the natural
     * order.
     */
    private static <T> Comparator<T> order(QueryType<T> type, SimRequest request) {
        String ascending = request.queryParam("sortAsc");
        String descending = request.queryParam("sortDesc");
        if (ascending != null && descending != null) {
            throw new SimError(400, "Give either sortAsc or sortDesc, not both.");
        }
        if (ascending == null && descending == null) {
            return (a, b) -> 0;
        }
        String name = ascending != null ? ascending : descending;
        Comparator<T> order = type.property(name.strip()).map(QueryProperty::ascending).orElseThrow(() -> new SimError(
                400,
                "Unknown sort property [" + name + "] of " + type.name() + ": expected one of " + type.propertyNames() + "."));
        return ascending != null ? order : order.reversed();
    }

    private String typeNames() {
        return types.values().stream().map(QueryType::name).sorted().collect(Collectors.joining(", "));
    }
}
