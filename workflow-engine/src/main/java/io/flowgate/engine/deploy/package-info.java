/**
 * Deploy checks: whoever can deploy BPMN could otherwise run code in the engine. {@link
 * io.flowgate.engine.deploy.FlowChecker} parses with XXE closed ({@link io.flowgate.engine.deploy.SafeXml}) and
 * collects every finding: script tasks and scripts, Java delegates and listeners, unregistered connectors, DMN, and
 * expressions that call methods, functions or reach engine objects (parsed with Camunda's own JUEL parser), and
 * timers that would fire more often than the timer floor.
 */
package io.flowgate.engine.deploy;
