package io.flowgate.engine.deploy;

import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilder;
import org.camunda.bpm.impl.juel.TreeBuilderException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses an expression with Camunda's own JUEL parser and walks the tree: expressions may read variables, their
 * properties and entries, and use literals and operators; everything that reaches Java (method calls, engine
 * objects, functions) is refused. Parsing with the engine's parser means we judge exactly what the engine would run.
 */
final class ExpressionRules {

    /** Names the engine's own resolver maps to engine objects rather than variables. */
    static final Set<String> ENGINE_IDENTIFIERS = Set.of("execution", "task", "externalTask", "processEngine",
            "processEngineServices", "variableScope", "caseExecution", "caseInstance");
    static final Set<String> ALLOWED_FUNCTIONS = Set.of("now", "dateTime");

    // method invocations must parse so that we can name them in the finding instead of a syntax error
    private final TreeBuilder builder = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

    static boolean looksLikeExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }

    /** Every reason the expression is not allowed; empty when it is. */
    List<String> problems(String expression) {
        List<String> problems = new ArrayList<>();
        Node root;
        try {
            root = builder.build(expression).getRoot();
        } catch (TreeBuilderException e) {
            problems.add("expression '" + expression + "' cannot be parsed: " + e.getMessage());
            return problems;
        }
        walk(expression, root, problems);
        return problems;
    }

    private void walk(String expression, Node node, List<String> problems) {
        if (node instanceof AstMethod method) {
            problems.add("expression '" + expression + "' calls a method (" + describeCall(method)
                    + "); beans and method calls are not available, expressions may only read variables");
        } else if (node instanceof AstIdentifier identifier && ENGINE_IDENTIFIERS.contains(identifier.getName())) {
            problems.add("expression '" + expression + "' reads '" + identifier.getName() + "', an engine object; "
                    + "engine objects are not available, expressions may only read variables");
        } else if (node instanceof AstFunction function && !ALLOWED_FUNCTIONS.contains(function.getName())) {
            problems.add("expression '" + expression + "' calls the function '" + function.getName()
                    + "'; only " + String.join("() and ", ALLOWED_FUNCTIONS.stream().sorted().toList())
                    + "() are available");
        }
        for (int i = 0; i < node.getCardinality(); i++) {
            walk(expression, node.getChild(i), problems);
        }
    }

    private static String describeCall(AstMethod method) {
        Node property = method.getChild(0);
        String name = property instanceof AstDot dot ? dot.toString().replaceFirst("^\\.\\s*", "") : "…";
        return "'" + name + "' on '" + path(property.getChild(0)) + "'";
    }

    private static String path(Node node) {
        if (node instanceof AstIdentifier identifier) {
            return identifier.getName();
        }
        if (node instanceof AstDot dot) {
            return path(dot.getChild(0)) + dot.toString().replaceFirst("^\\.\\s*", ".");
        }
        if (node instanceof AstBracket bracket) {
            return path(bracket.getChild(0)) + "[…]";
        }
        return "…";
    }
}
