package io.flowgate.engine.internal;

import io.flowgate.engine.deploy.FlowChecker;
import org.camunda.bpm.engine.ProcessEngine;

/** What the use cases share: the Camunda engine and Flowgate's helpers around it. */
record EngineContext(ProcessEngine engine, VariableCodec codec, StartTickets tickets, CommandRunner runner,
                     InstanceReader reader, Settler settler, FlowChecker checker,
                     LatestDefinitions definitions, BusinessKeys keys) {
}
