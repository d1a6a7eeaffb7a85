package io.flowgate.contracts.internal.extension;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.contracts.FlowBinding;
import io.flowgate.contracts.internal.JsonPointers.Located;
import io.flowgate.contracts.internal.mapping.MockAnswerCompiler;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code x-flow-action: mock}: the gateway answers the declared example and no flow runs. The extensions that only
 * configure a flow are refused rather than ignored: whoever wrote them expects something to happen.
 */
final class MockExtension {

    /** What still means something on a mock: the action and {@code x-flow-response.status}. */
    private static final Set<String> APPLIES = Set.of("x-flow-id", "x-flow-action", "x-flow-response");

    private final MockAnswerCompiler answers;

    MockExtension(MockAnswerCompiler answers) {
        this.answers = answers;
    }

    /** @return the binding, empty when anything about the mock gave a finding */
    Optional<FlowBinding> read(Located operation, List<String> findings) {
        JsonNode op = operation.node();
        int before = findings.size();
        if (op.has("x-flow-id")) {
            findings.add("x-flow-id: a mock runs no flow; remove x-flow-id, or choose another x-flow-action");
        }
        List<String> flowOnly = FlowExtensions.KNOWN.stream()
                .filter(name -> op.has(name) && !APPLIES.contains(name)).sorted().toList();
        if (!flowOnly.isEmpty()) {
            findings.add(String.join(", ", flowOnly) + ": no effect with x-flow-action: mock, which runs no flow");
        }
        Optional<FlowBinding> binding = answers.compile(operation, findings).map(FlowBinding::ofMock);
        return findings.size() > before ? Optional.empty() : binding;
    }
}
