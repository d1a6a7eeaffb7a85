package io.flowgate.gateway.auth;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.gateway.authz.RequiredScope;
import io.flowgate.gateway.authz.Scope;
import io.flowgate.gateway.problem.GatewayProblem;
import io.flowgate.gateway.users.User;
import io.flowgate.gateway.users.UserDirectory;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /auth/token}: {@code {"username", "password"}} → a short-lived bearer token (refresh by logging in
 * again). A wrong username and a wrong password get the same answer, in about the same time.
 */
// consumes anything: a built-in route must never lose to the contract catch-all over a content type
@Consumes(MediaType.ALL)
@RequiredScope(Scope.PUBLIC)
@Controller("/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
public class TokenController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final UserDirectory users;
    private final TokenIssuer issuer;

    public TokenController(UserDirectory users, TokenIssuer issuer) {
        this.users = users;
        this.issuer = issuer;
    }

    @Post("/token")
    @Produces(MediaType.APPLICATION_JSON)
    public HttpResponse<Map<String, Object>> token(@Body @Nullable byte[] body) {
        JsonNode json = credentials(body);
        User user = users.authenticate(json.get("username").asText(), json.get("password").asText())
                .orElseThrow(AuthProblems::invalidCredentials);
        IssuedToken token = issuer.issue(user.username(), user.roles(), user.tenant());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", token.accessToken());
        answer.put("token_type", "Bearer");
        answer.put("expires_in", token.expiresIn());
        // RFC 6749 §5.1: responses carrying tokens must not be cached
        return HttpResponse.ok(answer).header("Cache-Control", "no-store").header("Pragma", "no-cache");
    }

    private static JsonNode credentials(byte[] body) {
        JsonNode json;
        try {
            json = body == null || body.length == 0 ? null : JSON.readTree(body);
        } catch (JacksonException e) {
            json = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (json == null || !json.isObject() || !json.path("username").isTextual()
                || !json.path("password").isTextual()) {
            throw GatewayProblem.badRequest("invalid-body",
                    "send a JSON object with the string fields username and password");
        }
        return json;
    }
}
