package io.flowgate.engine.deploy;

import io.flowgate.engine.FlowFinding;
import io.flowgate.engine.FlowRejected;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

/**
 * Parses uploaded BPMN into a DOM with every external-resource feature off. A DOCTYPE is refused outright: BPMN
 * never needs one, and refusing it closes XXE and entity-expansion bombs in one step.
 */
public final class SafeXml {

    public static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    public static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
    /** Camunda still honours the old Activiti namespace for its extensions, so the checks must too. */
    public static final String ACTIVITI_NS = "http://activiti.org/bpmn";

    private SafeXml() {
    }

    /** @throws FlowRejected when the bytes are not well-formed, carry a DOCTYPE or are not BPMN definitions */
    public static Document parse(String fileName, byte[] bytes) {
        Document document;
        try {
            document = builder().parse(new ByteArrayInputStream(bytes));
        } catch (SAXParseException e) {
            throw rejected(fileName, describe(e));
        } catch (SAXException | IOException e) {
            throw rejected(fileName, "the file is not well-formed XML: " + e.getMessage());
        }
        var root = document.getDocumentElement();
        if (!BPMN_NS.equals(root.getNamespaceURI()) || !"definitions".equals(root.getLocalName())) {
            throw rejected(fileName, "the file is not BPMN 2.0: the root element must be definitions in the "
                    + "namespace " + BPMN_NS);
        }
        return document;
    }

    static boolean isCamunda(String namespace) {
        return CAMUNDA_NS.equals(namespace) || ACTIVITI_NS.equals(namespace);
    }

    private static String describe(SAXParseException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("DOCTYPE")) {
            return "DOCTYPE declarations are not allowed in BPMN files (they could pull in external entities)";
        }
        return "the file is not well-formed XML (line " + e.getLineNumber() + "): " + message;
    }

    private static FlowRejected rejected(String fileName, String reason) {
        return new FlowRejected(List.of(new FlowFinding(fileName, null, reason)));
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // the default handler prints to stderr before throwing; the exception is enough
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a required security feature", e);
        }
    }
}
