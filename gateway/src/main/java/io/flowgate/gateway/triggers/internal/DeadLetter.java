package io.flowgate.gateway.triggers.internal;

import java.util.Locale;

/**
 * Why a record goes to the dead-letter topic.
 *
 * @param reason     what kind of failure
 * @param detail     the failure's message
 * @param errorCode  the engine's error code ({@code no-matching-instance}, {@code flow-failed}, …) or the BPMN error
 *                   code, may be null
 * @param attempts   how often the flow was tried (1 for records that cannot be read or mapped)
 * @param instanceId the instance, for a flow that ran and ended in a BPMN error; else null
 */
record DeadLetter(Reason reason, String detail, String errorCode, int attempts, String instanceId) {

    /** The value of the {@code flowgate-dlt-reason} header. */
    enum Reason {
        /** The value is not JSON (or missing). */
        UNPARSEABLE,
        /** The trigger's business key or variables could not be taken from it. */
        MAPPING_FAILED,
        /** The engine refused it every time: no such flow, no waiting instance, a technical failure… */
        FLOW_REFUSED,
        /** The flow ran and ended in an uncaught BPMN error; the instance is kept (state ERROR). */
        FLOW_ERROR;

        String value() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
