package io.flowgate.contracts.internal.diff;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.contracts.ContractDiff;
import io.flowgate.contracts.ContractDiff.Change;
import io.flowgate.contracts.ContractDiff.OperationChanges;
import io.flowgate.contracts.ContractDiff.OperationRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares two versions of a contract, each a safely parsed document. Operations are matched by method and path
 * shape; each matched pair is compared by {@link OperationDiffer}.
 */
public final class ContractDiffer {

    public ContractDiff diff(String name, int from, JsonNode before, int to, JsonNode after) {
        Map<String, OperationFacts> was = new FactsReader(before).operations();
        Map<String, OperationFacts> now = new FactsReader(after).operations();
        List<OperationRef> added = now.keySet().stream().filter(route -> !was.containsKey(route))
                .map(route -> now.get(route).ref()).toList();
        List<OperationRef> removed = was.keySet().stream().filter(route -> !now.containsKey(route))
                .map(route -> was.get(route).ref()).toList();
        List<OperationChanges> changed = new ArrayList<>();
        now.forEach((route, operation) -> {
            if (was.containsKey(route)) {
                List<Change> changes = OperationDiffer.compare(was.get(route), operation);
                if (!changes.isEmpty()) {
                    changed.add(new OperationChanges(operation.ref(), changes));
                }
            }
        });
        boolean breaking = !removed.isEmpty() || changed.stream()
                .anyMatch(operation -> operation.changes().stream().anyMatch(Change::breaking));
        return new ContractDiff(name, from, to, breaking, added, removed, changed);
    }
}
