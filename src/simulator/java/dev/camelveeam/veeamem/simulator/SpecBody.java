package dev.camelveeam.veeamem.simulator;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A request body read as one EM spec ({@code CreateObjectInJobSpec}, {@code JobCloneSpec}): XML in EM's namespace, or
 * JSON when the {@code Content-Type} says so. Values are kept as text; the resource checks their meaning.
 * <p>
 * XML follows .NET's XmlSerializer: an element out of the XSD sequence order (or unknown) is ignored, so a required one
 * sent out of order is missing. JSON member names match in any letter case (EM 12 PascalCase and EM 13 camelCase).
 */
final class SpecBody {

    /** One member of a spec in XSD order; a container holds members of its own (none declared: content ignored). */
    record Member(String name, boolean container, List<Member> members) {

        static Member leaf(String name) {
            return new Member(name, false, List.of());
        }

        static Member container(String name, Member... members) {
            return new Member(name, true, List.of(members));
        }
    }

    private static final String EM_NAMESPACE = "http://www.veeam.com/ent/v1.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String path;
    private final Map<String, Object> values = new LinkedHashMap<>();

    private SpecBody(String path) {
        this.path = path;
    }

    /** @throws SimError 400 if the body is empty, not well-formed, or not this spec */
    static SpecBody read(SimRequest request, Member spec) {
        String body = request.body().strip();
        if (body.startsWith("\uFEFF")) {
            body = body.substring(1);
        }
        if (body.isEmpty()) {
            throw new SimError(400, "The request body is empty: expected " + spec.name() + ".");
        }
        String contentType = request.headers().getFirst("Content-Type");
        return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json")
                ? fromJson(body, spec) : fromXml(body, spec);
    }

    /** @throws SimError 400 if the member is missing or blank */
    String requiredText(String name) {
        return text(name).filter(text -> !text.isBlank())
                .orElseThrow(() -> new SimError(400, path + "/" + name + " is required."));
    }

    Optional<String> text(String name) {
        return Optional.ofNullable(values.get(name)).filter(String.class::isInstance).map(String.class::cast);
    }

    Optional<SpecBody> container(String name) {
        return Optional.ofNullable(values.get(name)).filter(SpecBody.class::isInstance).map(SpecBody.class::cast);
    }

    /** @throws SimError 400 if the member is missing */
    SpecBody requiredContainer(String name) {
        return Optional.ofNullable(values.get(name)).filter(SpecBody.class::isInstance).map(SpecBody.class::cast)
                .orElseThrow(() -> new SimError(400, path + "/" + name + " is required."));
    }

    private static SpecBody fromXml(String body, Member spec) {
        Element root;
        try {
            root = xmlParser().parse(new InputSource(new StringReader(body))).getDocumentElement();
        } catch (SAXException | IOException e) {
            throw new SimError(400, "The request body is not well-formed XML: " + e.getMessage());
        }
        if (!spec.name().equals(root.getLocalName()) || !EM_NAMESPACE.equals(root.getNamespaceURI())) {
            throw new SimError(
                    400, "The request body must be a " + spec.name() + " in namespace " + EM_NAMESPACE + ", not "
                         + (root.getNamespaceURI() == null ? "" : "{" + root.getNamespaceURI() + "}") + root.getLocalName()
                         + ".");
        }
        return readXml(root, spec, spec.name());
    }

    private static SpecBody readXml(Element element, Member spec, String path) {
        SpecBody read = new SpecBody(path);
        int next = 0;
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (!(node instanceof Element child) || !EM_NAMESPACE.equals(child.getNamespaceURI())) {
                continue;
            }
            int index = indexOf(spec.members(), child.getLocalName(), next);
            if (index < 0) {
                continue; // unknown or out of sequence order: ignored, as XmlSerializer does
            }
            Member member = spec.members().get(index);
            read.values.put(member.name(),
                    member.container() ? readXml(child, member, path + "/" + member.name()) : child.getTextContent().strip());
            next = index + 1;
        }
        return read;
    }

    private static int indexOf(List<Member> members, String name, int from) {
        for (int i = from; i < members.size(); i++) {
            if (members.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static SpecBody fromJson(String body, Member spec) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new SimError(400, "The request body is not well-formed JSON: " + e.getOriginalMessage());
        }
        return readJson(root, spec, spec.name());
    }

    private static SpecBody readJson(JsonNode object, Member spec, String path) {
        if (!object.isObject()) {
            throw new SimError(400, path + " must be a JSON object.");
        }
        SpecBody read = new SpecBody(path);
        object.properties().forEach(field -> spec.members().stream()
                .filter(member -> member.name().equalsIgnoreCase(field.getKey()) && !field.getValue().isNull())
                .findFirst()
                .ifPresent(member -> read.values.put(member.name(),
                        jsonValue(field.getValue(), member, path + "/" + member.name()))));
        return read;
    }

    private static Object jsonValue(JsonNode value, Member member, String path) {
        if (member.container()) {
            return readJson(value, member, path);
        }
        if (!value.isValueNode()) {
            throw new SimError(400, path + " must be a text, number or boolean.");
        }
        return value.asText();
    }

    /** The JDK's own parser (not whichever is on the classpath), with DTDs refused. */
    private static DocumentBuilder xmlParser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // fatal errors throw; nothing is printed
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML parser cannot be configured", e);
        }
    }
}
