package io.flowgate.engine.internal;

import org.camunda.bpm.engine.impl.core.variable.CoreVariableInstance;
import org.camunda.bpm.engine.impl.core.variable.scope.AbstractVariableScope;
import org.camunda.bpm.engine.impl.core.variable.scope.SimpleVariableInstance;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableInstanceFactory;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableInstanceLifecycleListener;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableStore;
import org.camunda.bpm.engine.variable.Variables;

import java.util.List;
import java.util.Map;

/**
 * The scope output parameters are evaluated in: the connector's outputs, with the execution as parent so an output
 * expression can also read process variables. Lives only for one evaluation; nothing here is persisted.
 */
final class ConnectorOutputScope extends AbstractVariableScope {

    private static final long serialVersionUID = 1L;

    private final transient AbstractVariableScope parent;
    private final transient VariableStore<CoreVariableInstance> store = new VariableStore<>();

    ConnectorOutputScope(Map<String, Object> outputs, AbstractVariableScope parent) {
        this.parent = parent;
        outputs.forEach((name, value) ->
                store.addVariable(new SimpleVariableInstance(name, Variables.untypedValue(value))));
    }

    @Override
    protected VariableStore<CoreVariableInstance> getVariableStore() {
        return store;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    protected VariableInstanceFactory<CoreVariableInstance> getVariableInstanceFactory() {
        return (VariableInstanceFactory) SimpleVariableInstance.SimpleVariableInstanceFactory.INSTANCE;
    }

    @Override
    protected List<VariableInstanceLifecycleListener<CoreVariableInstance>> getVariableInstanceLifecycleListeners() {
        return List.of();
    }

    @Override
    public AbstractVariableScope getParentVariableScope() {
        return parent;
    }
}
