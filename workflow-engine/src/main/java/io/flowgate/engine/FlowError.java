package io.flowgate.engine;

/**
 * A BPMN error that ended an instance, or the failure that stopped it.
 *
 * @param code       BPMN error code (e.g. OUT_OF_STOCK)
 * @param message    human message, may be null
 * @param activityId element that raised it, may be null
 */
public record FlowError(String code, String message, String activityId) {
}
