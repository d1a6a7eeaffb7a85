package io.flowgate.engine.deploy;

import io.flowgate.engine.FlowFinding;
import io.flowgate.engine.FlowRejected;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The deploy checks: whoever can deploy BPMN could otherwise run code on the engine (script tasks, Java delegates,
 * listeners, expressions reaching beans) or load it with timers that fire every millisecond ({@link TimerRules}).
 * Walks the whole document and collects every finding, so a designer sees all problems at once.
 */
public final class FlowChecker {

    /** Texts that are never evaluated as expressions: documentation, annotations, a (refused) script body. */
    private static final Set<String> INERT_BPMN_ELEMENTS = Set.of("documentation", "text", "script");

    /** The shortest interval of a repeating timer or a timer start event, unless configured otherwise. */
    public static final Duration DEFAULT_TIMER_FLOOR = Duration.ofMinutes(1);

    private final ElementRules elementRules;
    private final ExpressionRules expressionRules = new ExpressionRules();
    private final TimerRules timerRules;

    /** @param connectorIds the ids of the connectors registered on this node, all of which can run here */
    public FlowChecker(Collection<String> connectorIds) {
        this(connectorIds, Map.of());
    }

    /**
     * @param connectorIds the ids of the connectors registered on this node
     * @param unavailable  registered connectors that cannot run on this node, id → why (e.g. Kafka not configured):
     *                     flows using them are refused with that reason
     */
    public FlowChecker(Collection<String> connectorIds, Map<String, String> unavailable) {
        this(connectorIds, unavailable, DEFAULT_TIMER_FLOOR);
    }

    /**
     * @param timerFloor the shortest interval a timer start event or a repeating timer may have ({@link TimerRules});
     *                   zero: no floor
     */
    public FlowChecker(Collection<String> connectorIds, Map<String, String> unavailable, Duration timerFloor) {
        if (timerFloor.isNegative()) {
            throw new IllegalArgumentException("the timer floor must not be negative, was " + timerFloor);
        }
        this.elementRules = new ElementRules(new TreeSet<>(connectorIds), Map.copyOf(unavailable));
        this.timerRules = new TimerRules(timerFloor);
    }

    /**
     * A file that passed the checks.
     *
     * @param document the parsed document, for reading the models
     * @param warnings what does not block deployment but will not work as the author may expect
     */
    public record CheckedFlow(Document document, List<FlowFinding> warnings) {
    }

    /**
     * Parses and checks a file.
     *
     * @throws FlowRejected with every finding
     */
    public CheckedFlow checkOrReject(String fileName, byte[] bpmn) {
        Document document = SafeXml.parse(fileName, bpmn);
        List<FlowFinding> warnings = new ArrayList<>();
        List<FlowFinding> findings = check(fileName, document, warnings);
        if (!findings.isEmpty()) {
            throw new FlowRejected(findings);
        }
        return new CheckedFlow(document, List.copyOf(warnings));
    }

    /** Every finding for a parsed document (empty when it may be deployed); warnings go to {@code warnings}. */
    public List<FlowFinding> check(String fileName, Document document, List<FlowFinding> warnings) {
        List<FlowFinding> findings = new ArrayList<>();
        Element root = document.getDocumentElement();
        if (root.getElementsByTagNameNS(SafeXml.BPMN_NS, "process").getLength() == 0) {
            findings.add(new FlowFinding(fileName, null, "the file defines no process"));
        }
        visit(fileName, root, findings, warnings);
        return findings;
    }

    private void visit(String fileName, Element element, List<FlowFinding> findings, List<FlowFinding> warnings) {
        String namespace = element.getNamespaceURI();
        if (!SafeXml.BPMN_NS.equals(namespace) && !SafeXml.isCamunda(namespace)) {
            return; // diagram interchange and foreign extensions are not executed
        }
        String elementId = ElementRules.owningId(element);
        Set<String> handledAttributes = new TreeSet<>();
        for (String reason : elementRules.problems(element, handledAttributes)) {
            findings.add(new FlowFinding(fileName, elementId, reason));
        }
        ElementRules.warning(element).ifPresent(reason -> warnings.add(new FlowFinding(fileName, elementId, reason)));
        if (SafeXml.BPMN_NS.equals(namespace) && "timerEventDefinition".equals(element.getLocalName())) {
            // named after its event, as the designer shows it, even when the definition has an id of its own
            String eventId = element.getParentNode() instanceof Element event ? ElementRules.owningId(event) : elementId;
            for (String reason : timerRules.problems(element)) {
                findings.add(new FlowFinding(fileName, eventId, reason));
            }
        }
        if (ElementRules.isRefusedWhole(element)) {
            return; // a refused script or listener: its content would only repeat the finding
        }
        checkAttributeExpressions(fileName, element, elementId, handledAttributes, findings);
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                visit(fileName, childElement, findings, warnings);
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                checkText(fileName, element, elementId, child.getNodeValue(), findings);
            }
        }
    }

    private void checkAttributeExpressions(String fileName, Element element, String elementId,
                                           Set<String> handledAttributes, List<FlowFinding> findings) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (handledAttributes.contains(attribute.getLocalName() == null ? attribute.getName()
                    : attribute.getLocalName())) {
                continue;
            }
            if (ExpressionRules.looksLikeExpression(attribute.getValue())) {
                String where = FormRules.where(element, attribute.getName());
                for (String reason : expressionRules.problems(attribute.getValue())) {
                    findings.add(new FlowFinding(fileName, elementId, where + reason));
                }
            }
        }
    }

    private void checkText(String fileName, Element element, String elementId, String text,
                           List<FlowFinding> findings) {
        boolean inert = SafeXml.BPMN_NS.equals(element.getNamespaceURI())
                && INERT_BPMN_ELEMENTS.contains(element.getLocalName());
        if (inert || !ExpressionRules.looksLikeExpression(text)) {
            return;
        }
        for (String reason : expressionRules.problems(text.trim())) {
            findings.add(new FlowFinding(fileName, elementId, reason));
        }
    }
}
