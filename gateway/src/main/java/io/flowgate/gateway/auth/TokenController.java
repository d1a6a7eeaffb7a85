package io.flowgate.gateway.auth;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.contracts.RateLimitSpec;
import io.flowgate.gateway.GatewaySettings;
import io.flowgate.gateway.authz.RequiredScope;
import io.flowgate.gateway.authz.Scope;
import io.flowgate.gateway.problem.GatewayProblem;
import io.flowgate.gateway.ratelimit.RateLimitStage;
import io.flowgate.gateway.users.Login;
import io.flowgate.gateway.users.User;
import io.flowgate.gateway.users.UserDirectory;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
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
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /auth/token}: {@code {"username", "password"}} → a short-lived bearer token (refresh by logging in
 * again). A wrong username and a wrong password get the same answer, in about the same time. Attempts are limited
 * per client address (before this runs) and per username (here), so a guess spread over many addresses is slowed
 * too. {@code POST /auth/logout} revokes the token it is called with.
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
    private final TokenRevocations revocations;
    private final RateLimitStage rateLimits;
    @Nullable
    private final RateLimitSpec userLimit;

    public TokenController(UserDirectory users, TokenIssuer issuer, TokenRevocations revocations,
                           RateLimitStage rateLimits, GatewaySettings settings) {
        this.users = users;
        this.issuer = issuer;
        this.revocations = revocations;
        this.rateLimits = rateLimits;
        this.userLimit = settings.getLoginUserRateLimit() == 0 ? null
                : new RateLimitSpec(settings.getLoginUserRateLimit(), Duration.ofMinutes(1),
                RateLimitSpec.Key.PRINCIPAL);
    }

    @Post("/token")
    @Produces(MediaType.APPLICATION_JSON)
    @RequiredScope(Scope.PUBLIC)
    public HttpResponse<Map<String, Object>> token(@Body @Nullable byte[] body) {
        JsonNode json = credentials(body);
        String username = json.get("username").asText();
        limitPerUsername(username);
        Login login = users.authenticate(username, json.get("password").asText())
                .orElseThrow(AuthProblems::invalidCredentials);
        User user = login.user();
        IssuedToken token = issuer.issue(user.username(), user.roles(), user.tenant(), login.tokenGeneration());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", token.accessToken());
        answer.put("token_type", "Bearer");
        answer.put("expires_in", token.expiresIn());
        // RFC 6749 §5.1: responses carrying tokens must not be cached
        return HttpResponse.ok(answer).header("Cache-Control", "no-store").header("Pragma", "no-cache");
    }

    /** Revokes the token this request carries, on every node within a second; other tokens of the user stay. */
    @Post("/logout")
    @RequiredScope(Scope.AUTHENTICATED)
    public HttpResponse<Void> logout(HttpRequest<?> request) {
        Caller caller = CallerAttribute.get(request);
        if (!caller.authenticated()) {
            throw AuthProblems.missingCredentials();
        }
        revocations.revoke(caller);
        return HttpResponse.noContent();
    }

    /**
     * Counted before the password is checked, whether it turns out right or not: a limit that only counted failures
     * would have to run bcrypt first. Names that cannot be usernames are not counted (they never log in; the
     * per-address limit still applies), so they cannot fill the limiter with keys.
     */
    private void limitPerUsername(String username) {
        if (userLimit != null && UserDirectory.USERNAME.matcher(username).matches()) {
            rateLimits.checkKey("login", "user:" + username, userLimit);
        }
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
