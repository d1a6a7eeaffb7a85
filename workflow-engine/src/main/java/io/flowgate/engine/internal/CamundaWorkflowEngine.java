package io.flowgate.engine.internal;

import io.flowgate.connectors.ConnectorRegistry;
import io.flowgate.engine.CompletedTask;
import io.flowgate.engine.CompletedTaskQuery;
import io.flowgate.engine.CompleteTaskRequest;
import io.flowgate.engine.CorrelateRequest;
import io.flowgate.engine.FlowDeployment;
import io.flowgate.engine.FlowInstance;
import io.flowgate.engine.FlowInspection;
import io.flowgate.engine.FlowModel;
import io.flowgate.engine.FlowSummary;
import io.flowgate.engine.IncidentView;
import io.flowgate.engine.InstanceDetails;
import io.flowgate.engine.InstanceQuery;
import io.flowgate.engine.MessageReceipt;
import io.flowgate.engine.Page;
import io.flowgate.engine.PendingMessage;
import io.flowgate.engine.ReceivedMessage;
import io.flowgate.engine.StartRequest;
import io.flowgate.engine.TaskQuery;
import io.flowgate.engine.UserTaskView;
import io.flowgate.engine.WorkflowEngine;
import io.flowgate.engine.config.EngineSettings;
import io.flowgate.engine.internal.nodes.NodeMembership;
import org.camunda.bpm.engine.ProcessEngine;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@link WorkflowEngine} on an embedded Camunda 7 engine. Each method hands over to its use case. */
public final class CamundaWorkflowEngine implements WorkflowEngine, AutoCloseable {

    private final AtomicBoolean closed = new AtomicBoolean();
    private final PendingMessages pendingMessages;
    private final NodeMembership membership;
    private final ProcessEngine engine;
    private final CommandRunner runner;
    private final StartFlow startFlow;
    private final CorrelateMessage correlateMessage;
    private final CompleteTaskByKey completeTaskByKey;
    private final CompleteTaskById completeTaskById;
    private final ReadInstance readInstance;
    private final ListInstances listInstances;
    private final ReadDetails readDetails;
    private final CancelInstance cancelInstance;
    private final ListIncidents listIncidents;
    private final RetryIncident retryIncident;
    private final ListTasks listTasks;
    private final ReadTask readTask;
    private final ListCompletedTasks listCompletedTasks;
    private final ListCandidateGroups listCandidateGroups;
    private final ClaimTask claimTask;
    private final UnclaimTask unclaimTask;
    private final DeployFlow deployFlow;
    private final InspectFlow inspectFlow;
    private final ListFlows listFlows;
    private final ReadFlowModel readFlowModel;
    private final SuspendFlow suspendFlow;
    private final ActivateFlow activateFlow;
    private final UndeployFlow undeployFlow;
    private final FlowXml flowXml;
    private final StartOnce startOnce;
    private final CorrelateOnce correlateOnce;
    private final ReceivedMessages received;

    CamundaWorkflowEngine(EngineContext context, PendingMessages pendingMessages, NodeMembership membership) {
        this.pendingMessages = pendingMessages;
        this.membership = membership;
        this.engine = context.engine();
        this.runner = context.runner();
        DefinitionKeys keys = new DefinitionKeys(engine.getRepositoryService());
        IncidentViews incidents = new IncidentViews(keys);
        ReceivedMessages received = new ReceivedMessages(context);
        this.received = received;
        this.startFlow = new StartFlow(context, received);
        this.correlateMessage = new CorrelateMessage(context, received);
        this.completeTaskById = new CompleteTaskById(context, received);
        this.readInstance = new ReadInstance(context);
        this.listInstances = new ListInstances(context);
        this.readDetails = new ReadDetails(context, incidents);
        this.cancelInstance = new CancelInstance(context);
        this.listIncidents = new ListIncidents(context, incidents);
        this.retryIncident = new RetryIncident(context);
        UserTaskModels userTasks = new UserTaskModels(engine.getRepositoryService(), keys);
        TaskViews taskViews = new TaskViews(context, keys, userTasks);
        this.listCompletedTasks = new ListCompletedTasks(context);
        this.listCandidateGroups = new ListCandidateGroups(context, userTasks);
        this.completeTaskByKey = new CompleteTaskByKey(context, taskViews, received);
        this.listTasks = new ListTasks(context, taskViews);
        this.readTask = new ReadTask(context, taskViews);
        this.claimTask = new ClaimTask(context, readTask);
        this.unclaimTask = new UnclaimTask(context, readTask);
        TimerStartJobs timerStarts = new TimerStartJobs(context);
        this.deployFlow = new DeployFlow(context, timerStarts);
        this.suspendFlow = new SuspendFlow(context, timerStarts);
        this.activateFlow = new ActivateFlow(context, timerStarts);
        this.undeployFlow = new UndeployFlow(context, timerStarts);
        this.startOnce = new StartOnce(context, received);
        this.correlateOnce = new CorrelateOnce(context, received);
        this.inspectFlow = new InspectFlow(context);
        this.listFlows = new ListFlows(context);
        this.flowXml = new FlowXml(context);
        this.readFlowModel = new ReadFlowModel(context, flowXml);
    }

    /** Builds the Camunda engine on the data source (creating or upgrading its tables) and starts it. */
    public static CamundaWorkflowEngine start(DataSource dataSource, EngineSettings settings,
                                              ConnectorRegistry registry) {
        return PreparedEngine.prepare(dataSource, settings).start(registry);
    }

    /** The Camunda engine itself, for tests and operations inside this module only. */
    public ProcessEngine processEngine() {
        return engine;
    }

    @Override
    public FlowInspection inspect(String fileName, byte[] bpmn) {
        return inspectFlow.execute(fileName, bpmn);
    }

    @Override
    public FlowDeployment deploy(String fileName, byte[] bpmn) {
        return deployFlow.execute(fileName, bpmn);
    }

    @Override
    public List<FlowSummary> flows() {
        return listFlows.execute();
    }

    @Override
    public Optional<FlowModel> latest(String flowKey) {
        return readFlowModel.execute(flowKey, null);
    }

    @Override
    public Optional<String> xml(String flowKey, Integer version) {
        return flowXml.execute(flowKey, version);
    }

    @Override
    public Optional<FlowModel> model(String flowKey, int version) {
        return readFlowModel.execute(flowKey, version);
    }

    @Override
    public FlowSummary suspend(String flowKey, int version) {
        return suspendFlow.execute(flowKey, version);
    }

    @Override
    public FlowSummary activate(String flowKey, int version) {
        return activateFlow.execute(flowKey, version);
    }

    @Override
    public void undeploy(String flowKey, int version) {
        undeployFlow.execute(flowKey, version);
    }

    @Override
    public FlowInstance start(StartRequest request, Duration budget) {
        return startFlow.execute(request, budget, null);
    }

    @Override
    public FlowInstance startCommitted(StartRequest request, Duration wait) {
        return startFlow.executeCommitted(request, wait, null);
    }

    @Override
    public FlowInstance correlate(CorrelateRequest request, Duration budget) {
        return correlateMessage.execute(request, budget, null);
    }

    @Override
    public FlowInstance correlateCommitted(CorrelateRequest request, Duration wait) {
        return correlateMessage.executeCommitted(request, wait, null);
    }

    @Override
    public PendingMessage buffer(CorrelateRequest request, Duration keepFor) {
        return pendingMessages.buffer(request, keepFor);
    }

    @Override
    public FlowInstance completeTask(CompleteTaskRequest request, Duration budget) {
        return completeTaskByKey.execute(request, budget, null);
    }

    @Override
    public FlowInstance completeTask(String taskId, Map<String, Object> variables, Duration budget) {
        return completeTaskById.execute(taskId, variables, budget);
    }

    @Override
    public FlowInstance start(StartRequest request, Duration budget, ReceivedMessage key) {
        return startFlow.execute(request, budget, Objects.requireNonNull(key, "key"));
    }

    @Override
    public FlowInstance startCommitted(StartRequest request, Duration wait, ReceivedMessage key) {
        return startFlow.executeCommitted(request, wait, Objects.requireNonNull(key, "key"));
    }

    @Override
    public FlowInstance correlate(CorrelateRequest request, Duration budget, ReceivedMessage key) {
        return correlateMessage.execute(request, budget, Objects.requireNonNull(key, "key"));
    }

    @Override
    public FlowInstance correlateCommitted(CorrelateRequest request, Duration wait, ReceivedMessage key) {
        return correlateMessage.executeCommitted(request, wait, Objects.requireNonNull(key, "key"));
    }

    @Override
    public FlowInstance completeTask(CompleteTaskRequest request, Duration budget, ReceivedMessage key) {
        return completeTaskByKey.execute(request, budget, Objects.requireNonNull(key, "key"));
    }

    @Override
    public int forgetReceived(String scope, Instant receivedBefore) {
        return received.forget(scope, receivedBefore);
    }

    @Override
    public MessageReceipt startOnce(ReceivedMessage message, StartRequest request) {
        return startOnce.execute(message, request);
    }

    @Override
    public MessageReceipt correlateOnce(ReceivedMessage message, CorrelateRequest request) {
        return correlateOnce.execute(message, request);
    }

    @Override
    public Optional<FlowInstance> instance(String instanceId) {
        return readInstance.execute(instanceId);
    }

    @Override
    public Page<FlowInstance> instances(InstanceQuery query) {
        return listInstances.execute(query);
    }

    @Override
    public Optional<InstanceDetails> details(String instanceId) {
        return readDetails.execute(instanceId);
    }

    @Override
    public void cancel(String instanceId, String reason) {
        cancelInstance.execute(instanceId, reason);
    }

    @Override
    public List<IncidentView> incidents() {
        return listIncidents.execute();
    }

    @Override
    public void retryIncident(String incidentId) {
        retryIncident.execute(incidentId);
    }

    @Override
    public List<UserTaskView> tasks(TaskQuery query) {
        return listTasks.execute(query);
    }

    @Override
    public Optional<UserTaskView> task(String taskId) {
        return readTask.execute(taskId);
    }

    @Override
    public List<CompletedTask> completedTasks(CompletedTaskQuery query) {
        return listCompletedTasks.execute(query);
    }

    @Override
    public SortedSet<String> candidateGroups() {
        return listCandidateGroups.execute();
    }

    @Override
    public UserTaskView claim(String taskId, String userId) {
        return claimTask.execute(taskId, userId);
    }

    @Override
    public UserTaskView unclaim(String taskId) {
        return unclaimTask.execute(taskId);
    }

    /**
     * Stops taking commands, lets running ones finish, then closes the Camunda engine (and its job executor), and
     * last leaves the cluster (this node's heartbeat goes on while its job executor finishes its jobs).
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            pendingMessages.close();
            runner.close();
            try {
                engine.close();
            } finally {
                membership.close();
            }
        }
    }
}
