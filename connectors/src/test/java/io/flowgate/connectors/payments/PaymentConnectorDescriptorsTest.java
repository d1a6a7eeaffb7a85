package io.flowgate.connectors.payments;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.flowgate.connectors.Connector;
import io.flowgate.connectors.ConnectorDescriptor;
import io.flowgate.connectors.ConnectorParameter;
import io.flowgate.connectors.templates.ElementTemplates;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What the payment connectors' element templates are generated from, and the templates themselves. */
class PaymentConnectorDescriptorsTest {

    /** Camunda's element-templates schema, vendored beside the templates tests. */
    private static final String SCHEMA = "/io/flowgate/connectors/templates/element-templates-schema.json";
    private static final Set<String> TYPES = Set.of("string", "number", "integer", "boolean", "object", "array");

    static Stream<Named<Connector>> paymentConnectors() {
        // descriptors need no provider and no records
        return Stream.of(new ChargePaymentConnector(null, null), new RefundPaymentConnector(null, null),
                new CancelPaymentConnector(null, null)).map(c -> Named.of(c.descriptor().id(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paymentConnectors")
    void describesEveryInputOutputAndErrorAndDeclaresInvalidInput(Connector connector) {
        ConnectorDescriptor descriptor = connector.descriptor();

        assertThat(descriptor.id()).startsWith("payment.");
        assertThat(descriptor.name()).isNotBlank();
        assertThat(descriptor.description()).isNotBlank();
        assertThat(Stream.concat(descriptor.inputs().stream(), descriptor.outputs().stream())).allSatisfy(p -> {
            assertThat(p.type()).as(p.name()).isIn(TYPES);
            assertThat(p.description()).as(p.name()).isNotBlank();
        });
        assertThat(descriptor.outputs()).noneMatch(ConnectorParameter::required);
        assertThat(descriptor.errors()).anySatisfy(e -> assertThat(e.code()).isEqualTo("INVALID_INPUT"))
                .allSatisfy(e -> assertThat(e.description()).isNotBlank());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paymentConnectors")
    void generatesAnElementTemplateThatCamundasSchemaAccepts(Connector connector) throws IOException {
        assertThat(schema().validate(ElementTemplates.template(connector.descriptor()))).isEmpty();
    }

    private static JsonSchema schema() throws IOException {
        try (InputStream in = PaymentConnectorDescriptorsTest.class.getResourceAsStream(SCHEMA)) {
            assertThat(in).as(SCHEMA).isNotNull();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(new ObjectMapper().readTree(in));
        }
    }
}
