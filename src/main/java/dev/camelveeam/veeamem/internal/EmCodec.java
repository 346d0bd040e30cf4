package dev.camelveeam.veeamem.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.xml.JacksonXmlAnnotationIntrospector;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.dataformat.xml.ser.ToXmlGenerator;
import dev.camelveeam.veeamem.VeeamEmException;
import dev.camelveeam.veeamem.VeeamEmFormat;
import dev.camelveeam.veeamem.model.EmError;
import dev.camelveeam.veeamem.model.EmList;

/**
 * Reads EM's XML and JSON bodies into the model classes. Property names match case-insensitively, so the PascalCase
 * JSON of EM 12 and the camelCase JSON of EM 13 read alike; a leading UTF-8 byte-order mark is skipped.
 */
public final class EmCodec {

    private static final ObjectMapper XML = XmlMapper.builder()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES, true)
            .build();
    private static final ObjectMapper JSON = JsonMapper.builder()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES, true)
            .build();
    /** A property name of the model, safe to print; anything else in a parser's path is not printed. */
    private static final Pattern PROPERTY_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");
    private static final Map<JavaType, ObjectReader> XML_READERS = new ConcurrentHashMap<>();
    private static final Map<JavaType, ObjectReader> JSON_READERS = new ConcurrentHashMap<>();
    private static final ObjectMapper XML_WRITER = XmlMapper.builder()
            .annotationIntrospector(new EmNamespaceIntrospector())
            .configure(ToXmlGenerator.Feature.WRITE_XML_DECLARATION, true)
            .build();

    private EmCodec() {
    }

    /**
     * Reads a document; {@code what} names the request it answers in error messages (its toString() is called only
     * then, so that reading allocates no message).
     */
    public static <T> T read(byte[] body, VeeamEmFormat format, Class<T> type, Object what) {
        return read(body, format, XML.getTypeFactory().constructType(type), what);
    }

    private static <T> T read(byte[] body, VeeamEmFormat format, JavaType type, Object what) {
        try {
            T value = reader(format, type).readValue(body);
            if (value == null) {
                throw new VeeamEmException("EM answered " + what + " with an empty " + format + " body");
            }
            return value;
        } catch (IOException e) {
            throw new VeeamEmException(
                    "EM answered " + what + " with a body that is not a readable " + format + " "
                                       + type.getRawClass().getSimpleName() + " (" + describe(e) + ")");
        }
    }

    /**
     * What went wrong reading a body, without a byte of the body: the parser's messages and locations quote it (an
     * unexpected token, a value that does not fit, the start of the document), and a body may hold secrets, such as the
     * session id in a LogonSession. So the parser's exception is neither quoted nor kept as the cause: only its kind,
     * the line and column, and the path of model properties where it happened.
     */
    static String describe(IOException e) {
        StringBuilder description = new StringBuilder(e.getClass().getSimpleName());
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            description.append(" at ");
            boolean first = true;
            for (JsonMappingException.Reference reference : mapping.getPath()) {
                String field = reference.getFieldName();
                if (field != null && PROPERTY_NAME.matcher(field).matches()) {
                    description.append(first ? "" : ".").append(field);
                } else if (field == null && reference.getIndex() >= 0) {
                    description.append('[').append(reference.getIndex()).append(']');
                } else {
                    description.append(first ? "" : ".").append('?');
                }
                first = false;
            }
        }
        if (e instanceof JsonProcessingException processing && processing.getLocation() != null
                && processing.getLocation().getLineNr() > 0) {
            description.append(" near line ").append(processing.getLocation().getLineNr()).append(", column ")
                    .append(processing.getLocation().getColumnNr());
        }
        return description.append("; the body is not quoted, as it may hold secrets").toString();
    }

    /** Reads a list document ({@code ObjectsInJob}, {@code EntityReferences}, {@code HierarchyItems}...). */
    public static <T> List<T> readList(byte[] body, VeeamEmFormat format, Class<T> itemType, Object what) {
        JavaType listType = XML.getTypeFactory().constructParametricType(EmList.class, itemType);
        EmList<T> list = read(body, format, listType, what);
        return list.getItems();
    }

    /** Reads one page of a query in {@code format=Entities}. */
    public static <T> QueryPage<T> readPage(byte[] body, VeeamEmFormat format, Class<T> entityType, Object what) {
        JavaType pageType = XML.getTypeFactory().constructParametricType(QueryPage.class, entityType);
        return read(body, format, pageType, what);
    }

    /** Writes a request body: XML in EM's namespace, with the declaration EM's samples carry, or JSON. */
    public static byte[] write(Object document, VeeamEmFormat format) {
        try {
            return (format == VeeamEmFormat.json ? JSON : XML_WRITER).writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new VeeamEmException(
                    "Could not write the " + format + " request body "
                                       + document.getClass().getSimpleName() + ": " + e.getOriginalMessage(),
                    e);
        }
    }

    /**
     * The message of EM's {@code Error} body, or null when the body is empty or not an Error. The format is taken from
     * the body itself: EM has been seen answering errors in JSON to XML requests.
     */
    public static String errorMessage(byte[] body) {
        int first = firstSignificantByte(body);
        if (first < 0) {
            return null;
        }
        try {
            EmError error = (body[first] == '<' ? XML : JSON).readValue(body, EmError.class);
            return error == null ? null : error.getMessage();
        } catch (IOException e) {
            return null;
        }
    }

    private static int firstSignificantByte(byte[] body) {
        for (int i = 0; i < body.length; i++) {
            int b = body[i] & 0xFF;
            boolean byteOrderMark = b == 0xEF || b == 0xBB || b == 0xBF;
            if (!byteOrderMark && !Character.isWhitespace(b)) {
                return i;
            }
        }
        return -1;
    }

    private static ObjectMapper mapper(VeeamEmFormat format) {
        return format == VeeamEmFormat.json ? JSON : XML;
    }

    /** Readers are immutable and thread-safe; one per format and type saves building one for every document. */
    private static ObjectReader reader(VeeamEmFormat format, JavaType type) {
        return (format == VeeamEmFormat.json ? JSON_READERS : XML_READERS).computeIfAbsent(type, mapper(format)::readerFor);
    }

    /** Puts every element EM is sent in EM's namespace; Jackson would otherwise write the children unqualified. */
    private static final class EmNamespaceIntrospector extends JacksonXmlAnnotationIntrospector {

        private static final String EM_NAMESPACE = "http://www.veeam.com/ent/v1.0";

        @Override
        public String findNamespace(MapperConfig<?> config, Annotated annotated) {
            String declared = super.findNamespace(config, annotated);
            if (declared != null && !declared.isEmpty() || Boolean.TRUE.equals(isOutputAsAttribute(config, annotated))) {
                return declared;
            }
            return EM_NAMESPACE;
        }
    }
}
