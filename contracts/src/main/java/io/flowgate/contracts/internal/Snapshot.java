package io.flowgate.contracts.internal;

import io.flowgate.contracts.Contract;
import io.flowgate.contracts.ContractFinding;
import io.flowgate.contracts.Operation;
import io.flowgate.contracts.Route;
import io.flowgate.contracts.internal.route.PathTemplate;
import io.flowgate.contracts.internal.route.RouteTable;
import io.flowgate.contracts.internal.triggers.TriggerConflicts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One immutable state of the registry: the live contracts and the route table built from them. Publishing builds a
 * new snapshot and swaps it in; readers always see a whole one.
 *
 * @param contracts live contracts by name
 * @param table     their routes
 */
record Snapshot(Map<String, LiveContract> contracts, RouteTable table) {

    static final Snapshot EMPTY = new Snapshot(Map.of(), RouteTable.EMPTY);

    static Snapshot of(Collection<LiveContract> live) {
        Map<String, LiveContract> byName = new TreeMap<>();
        live.forEach(c -> byName.put(c.contract().name(), c));
        RouteTable.Builder table = new RouteTable.Builder();
        Map<String, Operation> claimed = new HashMap<>();
        for (LiveContract contract : byName.values()) {
            for (Operation op : contract.contract().operations()) {
                // on a forced start-up a conflicting route stays with the contract that came first (by name)
                if (claimed.putIfAbsent(routeKey(op), op) == null) {
                    table.add(new Route(op, contract.contract().version(), contract.unavailableReason(op)));
                }
            }
        }
        return new Snapshot(Collections.unmodifiableMap(byName), table.build());
    }

    Snapshot with(LiveContract contract) {
        Map<String, LiveContract> next = new HashMap<>(contracts);
        next.put(contract.contract().name(), contract);
        return of(next.values());
    }

    Snapshot without(String name) {
        Map<String, LiveContract> next = new HashMap<>(contracts);
        next.remove(name);
        return of(next.values());
    }

    /**
     * Routes of the candidate that another live contract (not one of the same name) already claims, and triggers
     * reading a topic in a group another one reads.
     */
    static List<ContractFinding> conflicts(Contract candidate, Collection<Contract> others) {
        Map<String, Operation> claimed = new HashMap<>();
        for (Contract other : others) {
            if (!other.name().equals(candidate.name())) {
                other.operations().forEach(op -> claimed.putIfAbsent(routeKey(op), op));
            }
        }
        List<ContractFinding> findings = new ArrayList<>();
        for (Operation op : candidate.operations()) {
            Operation owner = claimed.get(routeKey(op));
            if (owner != null) {
                findings.add(ContractFinding.of(op, "route " + op.method() + " " + op.path()
                        + " is already served by contract '" + owner.contractName() + "' (" + owner.label() + ")"));
            }
        }
        findings.addAll(TriggerConflicts.of(candidate, others));
        return findings;
    }

    List<Contract> contractList() {
        return contracts.values().stream().map(LiveContract::contract).toList();
    }

    static String routeKey(Operation op) {
        return op.method() + " " + PathTemplate.parse(op.path()).shape();
    }
}
