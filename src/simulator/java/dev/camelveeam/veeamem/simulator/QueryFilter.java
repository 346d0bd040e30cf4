package dev.camelveeam.veeamem.simulator;

import java.util.function.Predicate;

/**
 * EM's query filter, parsed into a predicate. Grammar ({@code ;} binds tighter than {@code ,}, as in FIQL):
 *
 * <pre>
 * or         = and *( "," and )
 * and        = term *( ";" term )
 * term       = "(" or ")" / comparison
 * comparison = name ( "==" / "!=" / ">=" / "<=" / ">" / "<" ) value
 * value      = DQUOTE *( any-but-DQUOTE / 2DQUOTE ) DQUOTE / bare text up to ";" "," ")" or the end (trimmed)
 * </pre>
 *
 * An entity without a value (a running session's {@code EndTime}) satisfies only {@code !=}.
 *
 * @param <T> the queried entity
 */
final class QueryFilter<T> {

    private enum Operator {
        EQ("=="),
        NE("!="),
        GE(">="),
        LE("<="),
        GT(">"),
        LT("<");

        private final String text;

        Operator(String text) {
            this.text = text;
        }

        boolean test(Integer comparison) {
            if (comparison == null) {
                return this == NE;
            }
            return switch (this) {
                case EQ -> comparison == 0;
                case NE -> comparison != 0;
                case GE -> comparison >= 0;
                case LE -> comparison <= 0;
                case GT -> comparison > 0;
                case LT -> comparison < 0;
            };
        }
    }

    private final String text;
    private final QueryType<T> type;
    private int pos;

    private QueryFilter(String text, QueryType<T> type) {
        this.text = text;
        this.type = type;
    }

    /** @throws SimError 400 naming the problem and its position */
    static <T> Predicate<T> parse(String text, QueryType<T> type) {
        QueryFilter<T> parser = new QueryFilter<>(text, type);
        Predicate<T> filter = parser.or();
        parser.skipSpaces();
        if (parser.pos < text.length()) {
            throw parser.error("unexpected '" + text.charAt(parser.pos) + "'");
        }
        return filter;
    }

    private Predicate<T> or() {
        Predicate<T> filter = and();
        while (accept(',')) {
            filter = filter.or(and());
        }
        return filter;
    }

    private Predicate<T> and() {
        Predicate<T> filter = term();
        while (accept(';')) {
            filter = filter.and(term());
        }
        return filter;
    }

    private Predicate<T> term() {
        if (!accept('(')) {
            return comparison();
        }
        Predicate<T> inner = or();
        if (!accept(')')) {
            throw error("expected ')'");
        }
        return inner;
    }

    private Predicate<T> comparison() {
        skipSpaces();
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a property name");
        }
        String name = text.substring(start, pos);
        QueryProperty<T> property = type.property(name).orElseThrow(() -> errorAt(start,
                "unknown property '" + name + "' of " + type.name() + " (known: " + type.propertyNames() + ")"));
        Operator operator = operator(name);
        int valueStart = pos;
        String value = value();
        Comparable<?> literal;
        try {
            literal = property.parse(value);
        } catch (IllegalArgumentException e) {
            throw errorAt(valueStart, "invalid value '" + value + "' for " + property.name() + ": " + e.getMessage());
        }
        return entity -> operator.test(property.compare(entity, literal));
    }

    private Operator operator(String name) {
        skipSpaces();
        for (Operator operator : Operator.values()) {
            if (text.startsWith(operator.text, pos)) {
                pos += operator.text.length();
                return operator;
            }
        }
        throw error("expected one of == != >= <= > < after '" + name + "'");
    }

    private String value() {
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == '"') {
            return quoted();
        }
        int start = pos;
        while (pos < text.length() && ";,)".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        String value = text.substring(start, pos).strip();
        if (value.isEmpty()) {
            throw errorAt(start, "expected a value");
        }
        return value;
    }

    /** A double-quoted value; {@code ""} inside stands for one {@code "}. */
    private String quoted() {
        int start = pos++;
        StringBuilder value = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c != '"') {
                value.append(c);
            } else if (pos < text.length() && text.charAt(pos) == '"') {
                value.append('"');
                pos++;
            } else {
                return value.toString();
            }
        }
        throw errorAt(start, "unterminated quoted value");
    }

    private boolean accept(char expected) {
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == expected) {
            pos++;
            return true;
        }
        return false;
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private SimError error(String problem) {
        return errorAt(pos, problem);
    }

    private SimError errorAt(int position, String problem) {
        return new SimError(400, "Invalid filter [" + text + "]: " + problem + " at position " + (position + 1) + ".");
    }
}
