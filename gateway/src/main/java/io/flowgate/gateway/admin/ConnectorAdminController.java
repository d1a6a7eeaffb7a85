package io.flowgate.gateway.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.connectors.ConnectorDescriptor;
import io.flowgate.connectors.ConnectorErrorSpec;
import io.flowgate.connectors.ConnectorParameter;
import io.flowgate.connectors.ConnectorRegistry;
import io.flowgate.connectors.templates.ElementTemplates;
import io.flowgate.gateway.authz.RequiredScope;
import io.flowgate.gateway.authz.Scope;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /admin/connectors}: the connectors this node runs, and their Camunda 7 element templates (the JSON array
 * Camunda Modeler loads from {@code resources/element-templates/*.json}). The registry is fixed at start-up, so both
 * answers are built once.
 */
// consumes anything: a built-in route must never lose to the contract catch-all over a content type
@Consumes(MediaType.ALL)
@RequiredScope(Scope.TENANT_ADMIN)
@Controller("/admin/connectors")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ConnectorAdminController {

    private final List<Map<String, Object>> catalogue;
    private final JsonNode templates;

    public ConnectorAdminController(ConnectorRegistry registry) {
        this.catalogue = registry.descriptors().stream().map(ConnectorAdminController::entry).toList();
        this.templates = ElementTemplates.templates(registry.descriptors());
    }

    /** Every connector: id, name, description, inputs, outputs, business errors, and whether any input name works. */
    @Get
    public List<Map<String, Object>> list() {
        return catalogue;
    }

    @Get("/templates")
    public JsonNode templates() {
        return templates;
    }

    private static Map<String, Object> entry(ConnectorDescriptor descriptor) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", descriptor.id());
        entry.put("name", descriptor.name());
        entry.put("description", descriptor.description());
        entry.put("inputs", descriptor.inputs().stream().map(ConnectorAdminController::parameter).toList());
        entry.put("outputs", descriptor.outputs().stream().map(ConnectorAdminController::parameter).toList());
        entry.put("errors", descriptor.errors().stream().map(ConnectorAdminController::error).toList());
        entry.put("openInputs", descriptor.openInputs());
        entry.put("templateId", ElementTemplates.templateId(descriptor.id()));
        return Collections.unmodifiableMap(entry);
    }

    private static Map<String, Object> parameter(ConnectorParameter parameter) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", parameter.name());
        json.put("type", parameter.type());
        json.put("required", parameter.required());
        json.put("description", parameter.description());
        return json;
    }

    private static Map<String, Object> error(ConnectorErrorSpec error) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", error.code());
        json.put("description", error.description());
        return json;
    }
}
