package io.flowgate.engine.internal;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Adds the listeners that write the engine's events ({@link EngineEvents}) to every deployed process: instance
 * started and ended on the process, task created and completed on each user task. They are built-in listeners, like
 * {@link LifecycleParseListener}'s: not part of the model (the deploy checks refuse listeners in user BPMN) and not
 * skipped by "skip custom listeners", so a cancelled instance is reported too.
 */
final class EventParseListener extends AbstractBpmnParseListener {

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START,
                (ExecutionListener) EngineEvents::instanceStarted);
        processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END,
                (ExecutionListener) EngineEvents::instanceEnded);
    }

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
            userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE,
                    EngineEvents::taskCreated);
            userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE,
                    EngineEvents::taskCompleted);
        }
    }
}
