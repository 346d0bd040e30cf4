package dev.camelveeam.veeamem.simulator;

import java.io.ByteArrayOutputStream;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Renders an {@link EmElement} tree as an EM XML document. */
final class XmlRenderer {

    private static final String EM_NAMESPACE = "http://www.veeam.com/ent/v1.0";

    // the JDK's own StAX writer, not whichever implementation (Woodstox) happens to be on the user's classpath
    private final XMLOutputFactory factory = XMLOutputFactory.newDefaultFactory();

    byte[] render(EmElement root) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter writer = factory.createXMLStreamWriter(out, "utf-8");
            writer.writeStartDocument("utf-8", "1.0");
            writeElement(writer, root, true);
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot render " + root.name() + " as XML", e);
        }
        return out.toByteArray();
    }

    private void writeElement(XMLStreamWriter writer, EmElement element, boolean root) throws XMLStreamException {
        boolean empty = element.text() == null && element.children().stream().allMatch(EmElement::isAbsent);
        if (empty) {
            writer.writeEmptyElement(element.name());
        } else {
            writer.writeStartElement(element.name());
        }
        for (EmElement.Attribute attribute : element.attributes()) {
            if (attribute.writtenToXml()) {
                writer.writeAttribute(attribute.name(), String.valueOf(attribute.value()));
            }
        }
        if (root) {
            writer.writeDefaultNamespace(EM_NAMESPACE);
            writer.writeNamespace("xsd", "http://www.w3.org/2001/XMLSchema");
            writer.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
        }
        if (empty) {
            return;
        }
        if (element.text() != null) {
            writer.writeCharacters(
                    element.text() instanceof Double d ? EmElement.formatDouble(d) : String.valueOf(element.text()));
        }
        writeChildren(writer, element);
        writer.writeEndElement();
    }

    private void writeChildren(XMLStreamWriter writer, EmElement element) throws XMLStreamException {
        for (EmElement child : element.children()) {
            if (child.isAbsent()) {
                continue;
            }
            if (child.isXmlInline()) {
                writeChildren(writer, child);
            } else {
                writeElement(writer, child, false);
            }
        }
    }
}
