package io.flowgate.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

/**
 * Everything Flowgate asks of its workflow engine. The gateway talks only to this interface; the Camunda 7 backed
 * implementation lives in {@code io.flowgate.engine.internal}.
 *
 * <p>Commands that run a flow take a {@code budget}: the call returns when the instance ends or every token rests in
 * a wait state (user task, message/timer catch, receive task), or when the budget runs out — whichever comes first.
 * A {@link Duration#ZERO} budget returns as soon as the instance id is known. The returned {@link FlowInstance#state()}
 * says which happened ({@link InstanceState#isSettled()}).
 */
public interface WorkflowEngine {

    // ---- flows (BPMN) ----

    /**
     * Parses and checks a BPMN file without deploying it.
     *
     * @return the processes the file defines, and warnings
     * @throws FlowRejected with every finding when the file is not safe or not valid
     */
    FlowInspection inspect(String fileName, byte[] bpmn);

    /**
     * Checks and deploys a BPMN file. Deploying identical content again creates no new version.
     *
     * @throws FlowRejected with every finding when the file is not safe or not valid
     */
    FlowDeployment deploy(String fileName, byte[] bpmn);

    /** Every deployed version of every flow, newest first per key. */
    List<FlowSummary> flows();

    /** The model of the latest deployed version of a flow. */
    Optional<FlowModel> latest(String flowKey);

    /** The BPMN XML of a flow version ({@code null} version = latest). */
    Optional<String> xml(String flowKey, Integer version);

    /** The model of one deployed version of a flow. */
    Optional<FlowModel> model(String flowKey, int version);

    // ---- flow lifecycle ----

    /**
     * Suspends a flow version: while it is the latest, starts of the flow are refused with {@link FlowSuspended}
     * (from operations, webhooks and triggers alike) and its timer start events do not fire. Its running instances
     * go on. Suspending a suspended version changes nothing.
     *
     * @return the version as it stands after
     * @throws FlowNotFound when the flow has no such version
     */
    FlowSummary suspend(String flowKey, int version);

    /**
     * Activates a suspended flow version: starts are accepted again and its timer start events fire again.
     * Activating an active version changes nothing.
     *
     * @return the version as it stands after
     * @throws FlowNotFound when the flow has no such version
     */
    FlowSummary activate(String flowKey, int version);

    /**
     * Removes a flow version that has no running instance; the history of its ended instances stays. When it was
     * the latest, the previous version becomes the latest again (with its timer and message start events).
     *
     * @throws FlowNotFound      when the flow has no such version
     * @throws FlowVersionInUse  when instances of the version run
     */
    void undeploy(String flowKey, int version);

    // ---- running flows ----

    /**
     * Starts the latest version of a flow, answering within the budget.
     *
     * @throws FlowNotFound     when no version of the flow is deployed
     * @throws FlowSuspended    when its latest version is suspended
     * @throws BusinessKeyInUse when the request claims its business key and an instance of the flow runs with it
     */
    FlowInstance start(StartRequest request, Duration budget);

    /**
     * Starts like {@link #start} but answers as soon as the start has committed, without waiting for the instance
     * to settle: what an asynchronous caller is owed (its {@code 202} stands for a start that survives a crash). A
     * start that fails in its first transaction throws, as {@link #start} does. If it has not committed within
     * {@code wait}, the answer is the id with state STARTING, as when {@link #start}'s budget runs out.
     */
    FlowInstance startCommitted(StartRequest request, Duration wait);

    /**
     * Correlates a message to exactly one waiting instance of the flow with the business key.
     *
     * @throws NoMatchingInstance when none waits for it
     * @throws AmbiguousMatch     when several do
     */
    FlowInstance correlate(CorrelateRequest request, Duration budget);

    /**
     * Correlates like {@link #correlate} but answers as soon as the correlation has committed, without waiting for
     * the instance to settle: what an asynchronous caller that must not lose the message (a webhook sender) is owed.
     *
     * @throws NoMatchingInstance when none waits for it
     * @throws AmbiguousMatch     when several do
     * @throws NotCommittedYet    when the correlation has not committed within {@code wait}
     */
    FlowInstance correlateCommitted(CorrelateRequest request, Duration wait);

    /**
     * Keeps a message that no instance waits for yet (a callback that outran its flow) and delivers it as soon as
     * exactly one instance of the flow with the business key waits for it — checked about twice a second, on every
     * node, each message delivered once — or drops it after {@code keepFor}.
     *
     * @throws InvalidVariables when the request has no flow, message name or business key
     */
    PendingMessage buffer(CorrelateRequest request, Duration keepFor);

    /**
     * Completes the open user task with the given definition key in the instance found by business key.
     *
     * @throws NoMatchingInstance when no such task is open
     * @throws AmbiguousMatch     when several are
     */
    FlowInstance completeTask(CompleteTaskRequest request, Duration budget);

    /** Completes a user task by its id (task inbox). */
    FlowInstance completeTask(String taskId, Map<String, Object> variables, Duration budget);

    // ---- requests with a key (HTTP Idempotency-Key), at most once per key ----
    //
    // The key is recorded in the same transaction as the start, correlation or completion, written before any of
    // the flow runs (one insert). A request whose key an earlier request recorded runs nothing: the answer is the
    // instance that earlier request acted on, as the same call would answer for it now (settled within the budget,
    // or as committed) — also when that instance no longer waits for the message or the task is done. A request
    // that committed nothing recorded nothing, so it can simply run again. The key's row may be refused only after
    // the earlier request commits: a concurrent request with the same key waits for it.

    /** {@link #start(StartRequest, Duration)} at most once per key. */
    FlowInstance start(StartRequest request, Duration budget, ReceivedMessage key);

    /** {@link #startCommitted(StartRequest, Duration)} at most once per key. */
    FlowInstance startCommitted(StartRequest request, Duration wait, ReceivedMessage key);

    /** {@link #correlate(CorrelateRequest, Duration)} at most once per key. */
    FlowInstance correlate(CorrelateRequest request, Duration budget, ReceivedMessage key);

    /** {@link #correlateCommitted(CorrelateRequest, Duration)} at most once per key. */
    FlowInstance correlateCommitted(CorrelateRequest request, Duration wait, ReceivedMessage key);

    /** {@link #completeTask(CompleteTaskRequest, Duration)} at most once per key. */
    FlowInstance completeTask(CompleteTaskRequest request, Duration budget, ReceivedMessage key);

    /**
     * Forgets the keys and message ids of {@code scope} recorded before {@code receivedBefore}: a request with such a
     * key runs again. For retention; returns how many were forgotten.
     */
    int forgetReceived(String scope, Instant receivedBefore);

    // ---- messages from outside (event triggers), exactly once per message id ----

    /**
     * Starts the latest version of a flow for a received message, unless an earlier delivery of the same message
     * already did. The message's id is recorded in the same transaction as the start, so a redelivery finds it and
     * starts nothing, and a start that fails records nothing. Runs on the caller's thread until that transaction has
     * committed (the flow's synchronous part included).
     *
     * @throws FlowNotFound     when no such flow is deployed
     * @throws InvalidVariables when the variables cannot be stored
     * @throws FlowFailed       when the synchronous part failed; nothing was recorded
     */
    MessageReceipt startOnce(ReceivedMessage message, StartRequest request);

    /**
     * Correlates a received message to the one waiting instance of the flow with the business key, unless an earlier
     * delivery of the same message already did; recorded like {@link #startOnce}.
     *
     * @throws NoMatchingInstance when none waits for it (yet)
     * @throws AmbiguousMatch     when several do
     */
    MessageReceipt correlateOnce(ReceivedMessage message, CorrelateRequest request);

    // ---- reading and operating ----

    /** Current view of an instance, running or ended, with its variables. */
    Optional<FlowInstance> instance(String instanceId);

    Page<FlowInstance> instances(InstanceQuery query);

    /** The instance with its activity history. */
    Optional<InstanceDetails> details(String instanceId);

    /** @throws InstanceNotFound when no running instance has this id */
    void cancel(String instanceId, String reason);

    List<IncidentView> incidents();

    /** @throws IncidentNotFound when no open incident has this id */
    void retryIncident(String incidentId);

    List<UserTaskView> tasks(TaskQuery query);

    /** One open user task, with its instance's initiator and separation flag; empty when no open task has the id. */
    Optional<UserTaskView> task(String taskId);

    /**
     * Completed user tasks from the engine's history, newest completion first. Tasks ended otherwise (their instance
     * cancelled) are not listed. Empty when the engine keeps no history.
     */
    List<CompletedTask> completedTasks(CompletedTaskQuery query);

    /**
     * The candidate groups the user tasks of every deployed flow version name literally, sorted; groups computed by
     * an expression ({@code ${approvers}}) are left out. Read once per flow version.
     */
    SortedSet<String> candidateGroups();

    /**
     * Makes the user the task's assignee. Claiming a task one already holds changes nothing.
     *
     * @return the task as it stands after the claim
     * @throws TaskNotFound       when no open task has the id
     * @throws TaskAlreadyClaimed when another user holds it
     */
    UserTaskView claim(String taskId, String userId);

    /**
     * Gives the task back to its candidate groups (no assignee). Unclaiming an unclaimed task changes nothing.
     *
     * @return the task as it stands after
     * @throws TaskNotFound when no open task has the id
     */
    UserTaskView unclaim(String taskId);
}
