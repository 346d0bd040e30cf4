package dev.camelveeam.veeamem.simulator;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;

/**
 * One filterable, sortable property of a query type. Values and filter literals both become comparable keys: text in
 * lower case (EM compares it in any letter case), instants, booleans ({@code false < true}) and enum declaration
 * indexes.
 *
 * @param <T> the queried entity
 */
final class QueryProperty<T> {

    private final String name;
    private final Function<T, Comparable<?>> key;
    private final Function<String, Comparable<?>> literal;

    private QueryProperty(String name, Function<T, Comparable<?>> key, Function<String, Comparable<?>> literal) {
        this.name = name;
        this.key = key;
        this.literal = literal;
    }

    static <T> QueryProperty<T> text(String name, Function<T, String> getter) {
        return new QueryProperty<>(name, entity -> lowerCase(getter.apply(entity)), QueryProperty::lowerCase);
    }

    static <T> QueryProperty<T> number(String name, Function<T, Long> getter) {
        return new QueryProperty<>(name, getter::apply, text -> {
            try {
                return Long.parseLong(text.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a whole number");
            }
        });
    }

    static <T> QueryProperty<T> time(String name, Function<T, Instant> getter) {
        return new QueryProperty<>(name, getter::apply, text -> {
            try {
                return EmTime.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("expected an ISO-8601 UTC datetime such as 2025-08-15T06:00:00Z");
            }
        });
    }

    static <T> QueryProperty<T> bool(String name, Function<T, Boolean> getter) {
        return new QueryProperty<>(name, getter::apply, text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
        });
    }

    static <T, E extends Enum<E>> QueryProperty<T> enumeration(String name, Class<E> type, Function<T, E> getter) {
        return new QueryProperty<>(
                name, entity -> getter.apply(entity).ordinal(), text -> Arrays.stream(type.getEnumConstants())
                        .filter(constant -> constant.name().equalsIgnoreCase(text))
                        .findFirst()
                        .map(Enum::ordinal)
                        .orElseThrow(() -> new IllegalArgumentException(
                                "expected one of " + Arrays.toString(type.getEnumConstants()))));
    }

    String name() {
        return name;
    }

    /**
     * @throws IllegalArgumentException with the reason if the literal is no value of this property
     */
    Comparable<?> parse(String text) {
        return literal.apply(text);
    }

    /** @return the entity's value compared to the parsed literal, or {@code null} if the entity has no value */
    Integer compare(T entity, Comparable<?> parsedLiteral) {
        Comparable<?> value = key.apply(entity);
        return value == null ? null : compareKeys(value, parsedLiteral);
    }

    /** Entities without value first. */
    Comparator<T> ascending() {
        return Comparator.comparing(key, Comparator.nullsFirst(QueryProperty::compareKeys));
    }

    @SuppressWarnings({ "unchecked", "rawtypes" }) // a property's keys are all of one Comparable type
    private static int compareKeys(Comparable a, Comparable b) {
        return a.compareTo(b);
    }

    private static String lowerCase(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }
}
