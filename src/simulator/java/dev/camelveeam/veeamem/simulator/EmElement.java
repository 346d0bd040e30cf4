package dev.camelveeam.veeamem.simulator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Format-neutral EM document node: one XML element with ordered attributes, ordered children or a typed text value.
 * Each resource is described once as an {@code EmElement} tree and rendered to XML or JSON by generic rules.
 * <p>
 * An <em>absent</em> node (or an attribute with a {@code null} value) stands for an optional member that EM does not
 * send: XML omits it, EM 12 JSON writes it as an explicit {@code null}. An {@link #emptyWhenNull} node without value is
 * a required element without content: XML writes it empty, JSON {@code null}.
 */
final class EmElement {

    /** How a node maps to JSON. */
    enum JsonShape {
        /** children and attributes become keys of an object (a text-only node becomes a scalar) */
        OBJECT,
        /** the node becomes a bare array of its children ({@code "Links":[…]}) */
        ARRAY,
        /** the node becomes an object whose single key {@link #jsonListKey()} holds the array of children */
        WRAPPED_ARRAY
    }

    record Attribute(String name, Object value, Object xmlDefault) {
        /** .NET's XmlSerializer leaves out attributes that equal their declared default; JSON keeps them. */
        boolean writtenToXml() {
            return value != null && !value.equals(xmlDefault);
        }
    }

    private final String name;
    private final Object text;
    private final boolean absent;
    private boolean jsonNull;
    private final List<Attribute> attributes = new ArrayList<>();
    private final List<EmElement> children = new ArrayList<>();
    private JsonShape jsonShape = JsonShape.OBJECT;
    private String jsonListKey;
    private boolean jsonKeysSorted;
    private List<String> jsonOrder = List.of();
    private boolean xmlInline;

    private EmElement(String name, Object text, boolean absent) {
        this.name = Objects.requireNonNull(name);
        this.text = text;
        this.absent = absent;
    }

    static EmElement of(String name) {
        return new EmElement(name, null, false);
    }

    /** A double as .NET writes it: no trailing zeros, no exponent ({@code 2}, {@code 1.5}). */
    static String formatDouble(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** A leaf with a String, Boolean, Integer, Long or Double value; a {@code null} value makes it absent. */
    static EmElement leaf(String name, Object value) {
        return new EmElement(name, value, value == null);
    }

    static EmElement absent(String name) {
        return new EmElement(name, null, true);
    }

    /** A leaf the XSD requires: with a {@code null} value XML writes it empty and JSON as {@code null}. */
    static EmElement emptyWhenNull(String name, Object value) {
        EmElement element = new EmElement(name, value, false);
        element.jsonNull = value == null;
        return element;
    }

    EmElement attr(String attributeName, Object value) {
        return attr(attributeName, value, null);
    }

    EmElement attr(String attributeName, Object value, Object xmlDefault) {
        attributes.add(new Attribute(attributeName, value, xmlDefault));
        return this;
    }

    EmElement child(EmElement child) {
        children.add(child);
        return this;
    }

    EmElement children(Collection<EmElement> more) {
        children.addAll(more);
        return this;
    }

    EmElement jsonArray() {
        jsonShape = JsonShape.ARRAY;
        return this;
    }

    EmElement jsonWrappedArray(String key) {
        jsonShape = JsonShape.WRAPPED_ARRAY;
        jsonListKey = key;
        return this;
    }

    /** EM serialises some documents (Error) with keys in ordinal order instead of children-then-attributes. */
    EmElement jsonKeysSorted() {
        jsonKeysSorted = true;
        return this;
    }

    /**
     * JSON members named here come first, in this order; the others follow in the default order. .NET writes a derived
     * class's members before its base class's, so an entity's own elements precede {@code Name}, {@code UID}
     * (EntityType) and then {@code Links}, {@code Href}, {@code Type} (ResourceType).
     */
    EmElement jsonOrder(List<String> keys) {
        jsonOrder = List.copyOf(keys);
        return this;
    }

    /**
     * In XML this node's children stand directly in the parent, without an element of its own; JSON keeps it as a
     * member (a report's {@code Period}/{@code Day} elements, JSON {@code "Periods":[…]}/{@code "Days":[…]}).
     */
    EmElement xmlInline() {
        xmlInline = true;
        return this;
    }

    boolean isXmlInline() {
        return xmlInline;
    }

    String name() {
        return name;
    }

    Object text() {
        return text;
    }

    boolean isAbsent() {
        return absent;
    }

    List<Attribute> attributes() {
        return attributes;
    }

    List<EmElement> children() {
        return children;
    }

    JsonShape jsonShape() {
        return jsonShape;
    }

    String jsonListKey() {
        return jsonListKey;
    }

    boolean isJsonKeysSorted() {
        return jsonKeysSorted;
    }

    boolean isJsonNull() {
        return jsonNull;
    }

    List<String> jsonOrder() {
        return jsonOrder;
    }
}
