package dev.camelveeam.veeamem.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A type {@code /api/query?type=…} serves: its items in their natural order, its properties (names in any letter case),
 * and how one item renders as a {@code Ref} and as an entity inside {@code Entities/<entitiesMember>}.
 *
 * @param <T> the queried entity
 */
record QueryType<T>(String name, String entitiesMember, Supplier<List<T>> items, Map<String, QueryProperty<T>> properties,
        Function<T, EmElement> reference, Function<T, EmElement> entity) {

    @SafeVarargs
    static <T> QueryType<T> of(
            String name, String entitiesMember, Supplier<List<T>> items, Function<T, EmElement> reference,
            Function<T, EmElement> entity, QueryProperty<T>... properties) {
        Map<String, QueryProperty<T>> byName = new LinkedHashMap<>();
        for (QueryProperty<T> property : properties) {
            byName.put(property.name().toLowerCase(Locale.ROOT), property);
        }
        return new QueryType<>(name, entitiesMember, items, Map.copyOf(byName), reference, entity);
    }

    Optional<QueryProperty<T>> property(String propertyName) {
        return Optional.ofNullable(properties.get(propertyName.toLowerCase(Locale.ROOT)));
    }

    String propertyNames() {
        return String.join(", ", properties.values().stream().map(QueryProperty::name).sorted().toList());
    }
}
