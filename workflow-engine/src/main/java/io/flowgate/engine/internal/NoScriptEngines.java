package io.flowgate.engine.internal;

import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;

/**
 * Resolves no script engine for any language, so a script that slipped past the deploy checks fails instead of
 * running (the JDK and Camunda both ship engines, e.g. Camunda's own "juel" script engine).
 */
final class NoScriptEngines implements ScriptEngineResolver {

    private final ScriptEngineManager manager = new ScriptEngineManager(null);

    @Override
    public void addScriptEngineFactory(ScriptEngineFactory factory) {
        // plugins may offer engines; Flowgate runs none
    }

    @Override
    public ScriptEngineManager getScriptEngineManager() {
        return manager;
    }

    @Override
    public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
        return null;
    }
}
