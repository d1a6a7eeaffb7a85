package io.flowgate.contracts.internal.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.contracts.mapping.TemplateScope;
import io.flowgate.contracts.mapping.ValueTemplate;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplatesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private final TemplateScope scope = new MapScope(Map.of(
            "body", json("{\"orderId\":\"A-1\",\"qty\":3,\"paid\":true,\"items\":[{\"sku\":\"s1\"}],"
                    + "\"attack\":\"${runtime.exec('rm')}\",\"hash\":\"#{bean.kill()}\",\"address\":{\"city\":\"Oslo\"}}"),
            "header", json("{\"x-tenant\":\"acme\"}"),
            "path", json("{\"id\":\"7\"}")));

    private static JsonNode render(String template, TemplateScope scope) {
        return Templates.compile(template, TemplateRoots.REQUEST).render(scope);
    }

    @Test
    void aSinglePlaceholderKeepsTheValuesJsonType() {
        assertThat(render("{body.qty}", scope).isInt()).isTrue();
        assertThat(render("{body.paid}", scope).asBoolean()).isTrue();
        assertThat(render("{body.address}", scope).path("city").asText()).isEqualTo("Oslo");
    }

    @Test
    void textAroundPlaceholdersMakesAString() {
        JsonNode value = render("order {body.orderId} x{body.qty}", scope);
        assertThat(value.isTextual()).isTrue();
        assertThat(value.asText()).isEqualTo("order A-1 x3");
    }

    @Test
    void looksUpArrayItemsByIndex() {
        assertThat(render("{body.items.0.sku}", scope).asText()).isEqualTo("s1");
        assertThat(render("{body.items.5.sku}", scope).isMissingNode()).isTrue();
    }

    @Test
    void aMissingPathIsMissingNotNullOrEmpty() {
        assertThat(render("{body.nothing.here}", scope).isMissingNode()).isTrue();
        assertThat(render("id {body.nothing}", scope).isMissingNode()).isTrue();
    }

    @Test
    void valuesThatLookLikeExpressionsStayText() {
        assertThat(render("{body.attack}", scope).asText()).isEqualTo("${runtime.exec('rm')}");
        assertThat(render("key-{body.hash}", scope).asText()).isEqualTo("key-#{bean.kill()}");
    }

    @Test
    void expressionSyntaxInTheTemplateItselfIsLiteralText() {
        assertThat(render("${body.orderId}", scope).asText()).isEqualTo("$A-1");
        assertThat(render("{{literal}}", scope).asText()).isEqualTo("{literal}");
    }

    @Test
    void headerNamesAreMatchedIgnoringCase() {
        assertThat(render("{header.X-Tenant}", scope).asText()).isEqualTo("acme");
    }

    @Test
    void refusesAnUnknownRoot() {
        assertThatThrownBy(() -> Templates.compile("{cookie.session}", TemplateRoots.REQUEST))
                .isInstanceOf(TemplateError.class)
                .hasMessageContaining("unknown source '{cookie.session}'")
                .hasMessageContaining("body, claims, header, path, query");
    }

    @Test
    void refusesUnclosedAndEmptyPlaceholders() {
        assertThatThrownBy(() -> Templates.compile("{body.a", TemplateRoots.REQUEST)).hasMessageContaining("without");
        assertThatThrownBy(() -> Templates.compile("{}", TemplateRoots.REQUEST)).hasMessageContaining("not a look-up");
        assertThatThrownBy(() -> Templates.compile("{body..a}", TemplateRoots.REQUEST))
                .hasMessageContaining("not a look-up");
    }

    @Test
    void responseTemplatesOnlyKnowTheInstanceFields() {
        assertThatThrownBy(() -> Templates.compile("{instance.variables}", TemplateRoots.RESPONSE))
                .hasMessageContaining("instance has only businessKey, id, state");
        ValueTemplate ok = Templates.compile("{error.code}", TemplateRoots.RESPONSE);
        assertThat(ok.source()).isEqualTo("{error.code}");
    }

    @Test
    void treesKeepLiteralsAndRenderTemplateLeaves() {
        JsonTemplate tree = Templates.compileTree(json("{\"n\":1,\"ok\":false,\"id\":\"{path.id}\","
                + "\"gone\":\"{body.none}\",\"list\":[\"{body.qty}\",\"{body.none}\"]}"), TemplateRoots.REQUEST);
        assertThat(tree.render(scope)).isEqualTo(json("{\"n\":1,\"ok\":false,\"id\":\"7\",\"list\":[3,null]}"));
    }
}
