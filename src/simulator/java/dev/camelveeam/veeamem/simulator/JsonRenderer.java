package dev.camelveeam.veeamem.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Renders an {@link EmElement} tree the way EM's JSON serializer does: child elements first, then {@code Links}, then
 * the XML attributes; list wrappers per {@link EmElement.JsonShape}; absent members as explicit {@code null}s.
 */
final class JsonRenderer {

    private static final byte[] UTF8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
    private static final String LINKS = "Links";

    /** One JSON member before rendering: a key and either a node or an attribute value. */
    private record Member(String key, EmElement node, Object value) {
    }

    private final JsonFactory factory = new JsonFactory();

    byte[] render(EmElement root, EmSimulator.JsonCasing casing, boolean byteOrderMark) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (byteOrderMark) {
            out.writeBytes(UTF8_BOM);
        }
        try (JsonGenerator generator = factory.createGenerator(out, JsonEncoding.UTF8)) {
            writeValue(generator, root, casing);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render " + root.name() + " as JSON", e);
        }
        return out.toByteArray();
    }

    private void writeValue(JsonGenerator generator, EmElement node, EmSimulator.JsonCasing casing) throws IOException {
        if (node.isAbsent() || node.isJsonNull()) {
            generator.writeNull();
            return;
        }
        switch (node.jsonShape()) {
            case ARRAY -> writeArray(generator, node, casing);
            case WRAPPED_ARRAY -> {
                generator.writeStartObject();
                generator.writeFieldName(casing.key(node.jsonListKey()));
                writeArray(generator, node, casing);
                generator.writeEndObject();
            }
            case OBJECT -> {
                if (node.text() != null) {
                    writeScalar(generator, node.text());
                } else {
                    writeObject(generator, node, casing);
                }
            }
        }
    }

    private void writeArray(JsonGenerator generator, EmElement node, EmSimulator.JsonCasing casing) throws IOException {
        generator.writeStartArray();
        for (EmElement child : node.children()) {
            writeValue(generator, child, casing);
        }
        generator.writeEndArray();
    }

    private void writeObject(JsonGenerator generator, EmElement node, EmSimulator.JsonCasing casing) throws IOException {
        List<Member> members = new ArrayList<>();
        node.children().stream().filter(c -> !LINKS.equals(c.name())).forEach(c -> members.add(new Member(c.name(), c, null)));
        node.children().stream().filter(c -> LINKS.equals(c.name())).forEach(c -> members.add(new Member(c.name(), c, null)));
        node.attributes().forEach(a -> members.add(new Member(a.name(), null, a.value())));
        if (node.isJsonKeysSorted()) {
            members.sort(Comparator.comparing(Member::key));
        } else if (!node.jsonOrder().isEmpty()) {
            members.sort(Comparator.comparingInt(m -> rank(node.jsonOrder(), m.key())));
        }
        generator.writeStartObject();
        for (Member member : members) {
            generator.writeFieldName(casing.key(member.key()));
            if (member.node() != null) {
                writeValue(generator, member.node(), casing);
            } else {
                writeScalar(generator, member.value());
            }
        }
        generator.writeEndObject();
    }

    /**
     * Position in the explicit order; unlisted members keep their default order after the listed ones (stable sort).
     */
    private static int rank(List<String> order, String key) {
        int index = order.indexOf(key);
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    private static void writeScalar(JsonGenerator generator, Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof Boolean b) {
            generator.writeBoolean(b);
        } else if (value instanceof Integer i) {
            generator.writeNumber(i);
        } else if (value instanceof Long l) {
            generator.writeNumber(l);
        } else if (value instanceof Double d) {
            generator.writeNumber(EmElement.formatDouble(d));
        } else {
            generator.writeString(value.toString());
        }
    }
}
