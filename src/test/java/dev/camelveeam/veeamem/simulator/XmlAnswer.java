package dev.camelveeam.veeamem.simulator;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/** Reads values out of an EM XML answer by element name (namespace-blind), for assertions. */
final class XmlAnswer {

    private final Document document;

    private XmlAnswer(Document document) {
        this.document = document;
    }

    static XmlAnswer of(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // fatal errors throw; nothing is printed
            return new XmlAnswer(builder.parse(new InputSource(new StringReader(xml))));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AssertionError("Not XML: " + xml, e);
        }
    }

    String rootName() {
        return document.getDocumentElement().getLocalName();
    }

    /** The text of every element with this local name, in document order. */
    List<String> texts(String element) {
        return elements(element).stream().map(Element::getTextContent).toList();
    }

    /** The attribute of every element with this local name, in document order. */
    List<String> attributes(String element, String attribute) {
        return elements(element).stream().map(e -> e.getAttribute(attribute)).toList();
    }

    /** The names of the element children of the first element with this local name. */
    List<String> childNames(String element) {
        List<String> names = new ArrayList<>();
        NodeList children = elements(element).get(0).getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child) {
                names.add(child.getLocalName());
            }
        }
        return names;
    }

    private List<Element> elements(String localName) {
        NodeList nodes = document.getElementsByTagNameNS("*", localName);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }
}
