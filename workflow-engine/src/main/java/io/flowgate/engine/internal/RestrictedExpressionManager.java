package io.flowgate.engine.internal;

import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;

/**
 * Camunda's expression manager with a resolver chain that can only read variables and walk maps, lists and arrays.
 * The default chain also holds a {@code BeanELResolver} (property access and method calls on any Java object,
 * which is how {@code ${execution.processEngineServices}} reaches the whole engine) and resolvers for engine objects
 * and process-application beans. The deploy checks refuse such expressions already; this is the second wall.
 */
public final class RestrictedExpressionManager extends JuelExpressionManager {

    @Override
    protected ELResolver createElResolver() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new VariablesOnlyElResolver());
        resolver.add(new ArrayELResolver(true));
        resolver.add(new ListELResolver(true));
        resolver.add(new MapELResolver(true));
        return resolver;
    }
}
