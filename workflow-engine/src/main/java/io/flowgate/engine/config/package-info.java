/**
 * Building the engine: {@link io.flowgate.engine.config.EngineSettings} ({@code flowgate.engine.*}),
 * {@link io.flowgate.engine.config.WorkflowEngineFactory} for Micronaut and
 * {@link io.flowgate.engine.config.CamundaEngineBuilder} for plain Java.
 */
package io.flowgate.engine.config;
