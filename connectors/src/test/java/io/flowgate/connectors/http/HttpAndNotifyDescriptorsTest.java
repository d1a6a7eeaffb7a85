package io.flowgate.connectors.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.flowgate.connectors.Connector;
import io.flowgate.connectors.ConnectorDescriptor;
import io.flowgate.connectors.ConnectorParameter;
import io.flowgate.connectors.notify.NotifyConnector;
import io.flowgate.connectors.notify.NotifySettings;
import io.flowgate.connectors.templates.ElementTemplates;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What the element templates are generated from: every input, output and error typed and described. */
class HttpAndNotifyDescriptorsTest {

    private static final Set<String> TYPES = Set.of("string", "number", "integer", "boolean", "object", "array");
    private static final String SCHEMA = "/io/flowgate/connectors/templates/element-templates-schema.json";

    private static List<Connector> connectors() {
        return List.of(new HttpRequestConnector(new HttpSettings()), new NotifyConnector(null, new NotifySettings()));
    }

    @Test
    void describesEveryInputOutputAndError() {
        for (Connector connector : connectors()) {
            ConnectorDescriptor descriptor = connector.descriptor();
            assertThat(descriptor.name()).as(descriptor.id()).isNotBlank();
            assertThat(descriptor.description()).as(descriptor.id()).isNotBlank();
            assertThat(descriptor.openInputs()).isFalse();
            for (ConnectorParameter p : Stream.concat(descriptor.inputs().stream(), descriptor.outputs().stream())
                    .toList()) {
                assertThat(p.type()).as(descriptor.id() + "." + p.name()).isIn(TYPES);
                assertThat(p.description()).as(descriptor.id() + "." + p.name()).isNotBlank();
            }
            assertThat(descriptor.outputs()).isNotEmpty().noneMatch(ConnectorParameter::required);
            assertThat(descriptor.errors()).as(descriptor.id()).isNotEmpty().allSatisfy(error -> {
                assertThat(error.code()).matches("[A-Z_]+");
                assertThat(error.description()).isNotBlank();
            });
        }
        assertThat(connectors().get(0).descriptor().errors()).extracting(e -> e.code())
                .contains(HttpErrors.HTTP_REFUSED, HttpErrors.HTTP_RESPONSE_TOO_LARGE, HttpErrors.INVALID_INPUT);
    }

    @Test
    void theirElementTemplatesAreValidAgainstCamundasSchema() throws Exception {
        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream(SCHEMA)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(new ObjectMapper().readTree(in));
        }
        JsonNode templates = ElementTemplates.templates(connectors().stream().map(Connector::descriptor).toList());

        assertThat(templates).hasSize(2);
        assertThat(schema.validate(templates)).isEmpty();
    }
}
