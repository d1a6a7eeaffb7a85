package io.flowgate.engine;

import java.time.Instant;
import java.util.List;

/**
 * An open user task.
 *
 * @param id                    task id
 * @param taskKey               the user task's id in the BPMN (definition key)
 * @param name                  may be null
 * @param instanceId            the instance it belongs to
 * @param flowKey               process id
 * @param businessKey           of the instance, may be null
 * @param assignee              who claimed it, null while unclaimed
 * @param candidateGroups       roles that may claim and work it
 * @param createdAt             when it was reached
 * @param tenantId              of the instance, may be null
 * @param initiator             who started the instance ({@link StartRequest#initiator()}), may be null
 * @param separateFromInitiator the task declares {@code flowgate.separateFrom = initiator}: the initiator may not
 *                              complete it (separation of duties)
 * @param formFields            the task's declared form ({@code camunda:formData}), in declared order; empty when
 *                              it declares none
 */
public record UserTaskView(String id, String taskKey, String name, String instanceId, String flowKey,
                           String businessKey, String assignee, List<String> candidateGroups, Instant createdAt,
                           String tenantId, String initiator, boolean separateFromInitiator,
                           List<FormField> formFields) {

    /** Extension property on a user task: {@code <camunda:property name="flowgate.separateFrom" …/>}. */
    public static final String SEPARATE_FROM_PROPERTY = "flowgate.separateFrom";
    /** The only value of {@link #SEPARATE_FROM_PROPERTY} understood today. */
    public static final String SEPARATE_FROM_INITIATOR = "initiator";

    public UserTaskView {
        candidateGroups = candidateGroups == null ? List.of() : List.copyOf(candidateGroups);
        formFields = formFields == null ? List.of() : List.copyOf(formFields);
    }

    /** Whether this user may not complete the task because they started its instance. */
    public boolean forbidsCompletionBy(String userId) {
        return separateFromInitiator && userId != null && userId.equals(initiator);
    }
}
