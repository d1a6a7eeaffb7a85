package io.flowgate.gateway.console;

import io.flowgate.gateway.GatewayServer;
import io.flowgate.gateway.GatewayServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleIT {

    private static GatewayServer gateway;
    private static GatewayServer visitor;

    @BeforeAll
    static void start() {
        gateway = GatewayServer.start();
        visitor = gateway.anonymous();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void servesTheEntryPageWithoutATokenAndWithAStrictContentSecurityPolicy() {
        Reply page = visitor.get("/ui/");

        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("<div id=\"root\"></div>");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'").contains("frame-ancestors 'none'");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Cache-Control")).isEqualTo("no-cache");
    }

    @Test
    void answersTheEntryPageForClientRoutesSoDeepLinksOpen() {
        Reply deep = visitor.get("/ui/instances/4f0c2a");

        assertThat(deep.status()).isEqualTo(200);
        assertThat(deep.body()).isEqualTo(visitor.get("/ui/").body());
    }

    @Test
    void redirectsTheBarePathToTheConsole() {
        Reply bare = visitor.get("/ui");

        assertThat(bare.status()).isEqualTo(301);
        assertThat(bare.header("Location")).isEqualTo("/ui/");
    }

    @Test
    void servesHashedAssetsAsImmutableWithTheirContentType() {
        String script = firstScript(visitor.get("/ui/").body());

        Reply asset = visitor.get(script);

        assertThat(asset.status()).isEqualTo(200);
        assertThat(asset.header("Content-Type")).startsWith("text/javascript");
        assertThat(asset.header("Cache-Control")).contains("immutable");
    }

    @Test
    void answersNotModifiedForAKnownEtag() {
        Reply first = visitor.get("/ui/");

        Reply again = visitor.send(HttpRequest.newBuilder(gateway.uri("/ui/")).GET()
                .header("If-None-Match", first.header("ETag")));

        assertThat(again.status()).isEqualTo(304);
    }

    @Test
    void aMissingFileIsAProblemNotTheEntryPage() {
        Reply missing = visitor.get("/ui/assets/nothing-here.js");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void pathsThatClimbOutOfTheConsoleFindNothing() {
        for (String path : new String[]{"/ui/..%2f..%2fapplication.yml", "/ui/.%2e/logback.xml",
                "/ui/assets/..%2F..%2Findex.html.map", "/ui/%2e%2e/%2e%2e/etc/passwd.txt"}) {
            Reply reply = visitor.get(path);
            assertThat(reply.status()).as(path).isIn(400, 404);
            assertThat(reply.body()).as(path).doesNotContain("micronaut:").doesNotContain("root:");
        }
    }

    private static String firstScript(String html) {
        Matcher m = Pattern.compile("src=\"(/ui/assets/[^\"]+\\.js)\"").matcher(html);
        assertThat(m.find()).as(html).isTrue();
        return m.group(1);
    }
}
