/**
 * The Camunda 7 backed implementation of {@link io.flowgate.engine.WorkflowEngine}; nothing outside this module
 * imports it.
 *
 * <p>One class per use case ({@code StartFlow}, {@code CorrelateMessage}, ...), each called in one line by
 * {@link io.flowgate.engine.internal.CamundaWorkflowEngine}. Around them:
 * <ul>
 *   <li>budgets: commands run on the {@code CommandRunner} pool; a start hands its instance id to the caller through
 *       a {@code StartTicket} filled by a process-start listener, so the caller can answer before the first commit;
 *       the {@code Settler} then waits for wait states or the end, woken by {@code SettleSignals} after commits on
 *       this node and polling the database for work done elsewhere;</li>
 *   <li>outcomes: {@code FlowErrors} records BPMN errors on the instance, because Camunda ends an instance whose
 *       error nobody caught like a normal one;</li>
 *   <li>safety: {@code RestrictedExpressionManager} (no bean access), {@code NoScriptEngines},
 *       {@code CollectionTypesOnly} (deserialization), a parse listener refusing script tasks;</li>
 *   <li>connectors: {@code ConnectorParseListener} binds {@code camunda:connector} service tasks to
 *       {@code ConnectorBehavior};</li>
 *   <li>events: {@code EventParseListener} (instances, user tasks), {@code IncidentEvents} and {@code DeployEvents}
 *       write {@code EngineEvents} to the outbox through {@code EngineOutbox}, on the command's own connection.</li>
 * </ul>
 */
package io.flowgate.engine.internal;
