package io.flowgate.contracts.internal.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Runs swagger-parser over the already safely parsed tree to check the document against the OpenAPI
 * specification. Its messages become findings. The tree holds local references only (see {@link RefGuard}), so
 * resolving cannot fetch anything.
 */
public final class OpenApiSyntaxCheck {

    /** OpenAPI 3.1 made {@code responses} optional; swagger-parser 2.1 still reports it. */
    private static final Pattern OPTIONAL_IN_31 = Pattern.compile("attribute .*\\.responses is missing");

    /** @return the parser's messages, empty when the document is valid OpenAPI */
    public List<String> check(JsonNode document, boolean openApi31) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(false);
        options.setValidateExternalRefs(false);
        SwaggerParseResult result;
        try {
            result = new OpenAPIV3Parser().readContents(document.toString(), null, options);
        } catch (RuntimeException e) {
            return List.of("the OpenAPI parser failed: " + e.getMessage());
        }
        List<String> messages = new ArrayList<>();
        if (result.getMessages() != null) {
            for (String message : result.getMessages()) {
                if (!(openApi31 && OPTIONAL_IN_31.matcher(message).matches())) {
                    messages.add(message);
                }
            }
        }
        if (result.getOpenAPI() == null && messages.isEmpty()) {
            messages.add("not an OpenAPI document");
        }
        return messages;
    }
}
