package io.flowgate.engine.internal;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;

import java.beans.FeatureDescriptor;
import java.util.Iterator;

/**
 * Resolves a top-level identifier to the variable of that name and to nothing else: unlike Camunda's
 * {@code VariableScopeElResolver} it never hands out {@code execution}, {@code task} or other engine objects.
 * Read-only, so expressions cannot assign variables either.
 */
final class VariablesOnlyElResolver extends ELResolver {

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (base != null || !(property instanceof String name)) {
            return null;
        }
        Object scope = context.getContext(VariableScope.class);
        if (scope instanceof VariableScope variables && variables.hasVariable(name)) {
            context.setPropertyResolved(true);
            return variables.getVariable(name);
        }
        return null;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        // read-only: leaving the property unresolved makes JUEL report it
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return true;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return base == null ? Object.class : null;
    }
}
