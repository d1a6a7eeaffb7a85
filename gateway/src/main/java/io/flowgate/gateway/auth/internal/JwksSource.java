package io.flowgate.gateway.auth.internal;

import com.nimbusds.jose.jwk.JWK;
import io.flowgate.gateway.auth.AuthSettings;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The public keys of external identity providers, from {@code FLOWGATE_JWKS_FILE} and {@code FLOWGATE_JWKS_URL}.
 * Both are loaded at start-up, and a failure there stops start-up (a gateway that cannot check its IdP's tokens
 * should say so at once). The URL is then fetched again every {@code jwks-refresh}; a failed refresh keeps the last
 * good keys and is logged once per episode. Keys come only from here: a token's own {@code jku}, {@code x5u} or
 * {@code jwk} header is never fetched or used.
 */
@Context
public final class JwksSource implements AutoCloseable {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    static final int MAX_JWKS_BYTES = 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(JwksSource.class);

    private final List<JWK> fileKeys;
    private final URI url;
    private final AtomicReference<List<JWK>> urlKeys = new AtomicReference<>(List.of());
    private final AtomicBoolean failing = new AtomicBoolean();
    private final HttpClient http;
    private final ScheduledExecutorService scheduler;

    public JwksSource(AuthSettings settings) {
        Path file = settings.jwksPath();
        this.fileKeys = file == null ? List.of() : loadFile(file);
        this.url = settings.jwksUrl() == null ? null : URI.create(settings.jwksUrl());
        if (url == null) {
            this.http = null;
            this.scheduler = null;
            return;
        }
        // never follows redirects: the keys come from the configured address or not at all
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER)
                .build();
        try {
            urlKeys.set(fetch());
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("cannot load the JWKS from flowgate.auth.jwks-url (FLOWGATE_JWKS_URL) "
                    + url + ": " + e.getMessage(), e);
        }
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "flowgate-jwks-refresh");
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.jwksRefresh().toMillis();
        scheduler.scheduleWithFixedDelay(this::refresh, every, every, TimeUnit.MILLISECONDS);
    }

    /** Every usable key: the file's, then the URL's. */
    public List<JWK> keys() {
        List<JWK> urls = urlKeys.get();
        if (urls.isEmpty()) {
            return fileKeys;
        }
        List<JWK> all = new ArrayList<>(fileKeys);
        all.addAll(urls);
        return all;
    }

    /** Fetches the URL again; on failure keeps the keys it has. @return whether the keys were replaced */
    public boolean refresh() {
        if (url == null) {
            return false;
        }
        try {
            urlKeys.set(fetch());
            if (failing.compareAndSet(true, false)) {
                LOG.info("JWKS {} loads again", url);
            }
            return true;
        } catch (IOException | ParseException | RuntimeException e) {
            if (failing.compareAndSet(false, true)) {
                LOG.warn("could not refresh the JWKS from {} ({}); keeping the {} keys loaded before", url,
                        e.getMessage(), urlKeys.get().size());
            }
            return false;
        }
    }

    private List<JWK> fetch() throws IOException, ParseException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/jwk-set+json, application/json").GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            byte[] bytes = body.readNBytes(MAX_JWKS_BYTES + 1);
            if (bytes.length > MAX_JWKS_BYTES) {
                throw new IOException("the JWKS is larger than " + MAX_JWKS_BYTES + " bytes");
            }
            return nonEmpty(JwksKeys.usable(new String(bytes, StandardCharsets.UTF_8), url.toString()),
                    url.toString());
        }
    }

    private static List<JWK> loadFile(Path file) {
        try {
            if (Files.size(file) > MAX_JWKS_BYTES) {
                throw new IOException("the file is larger than " + MAX_JWKS_BYTES + " bytes");
            }
            return nonEmpty(JwksKeys.usable(Files.readString(file), file.toString()), file.toString());
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("cannot load the JWKS file flowgate.auth.jwks-file (FLOWGATE_JWKS_FILE) "
                    + file + ": " + e.getMessage(), e);
        }
    }

    private static List<JWK> nonEmpty(List<JWK> keys, String origin) throws ParseException {
        if (keys.isEmpty()) {
            throw new ParseException("no usable RS256 or ES256 public key in " + origin, 0);
        }
        return keys;
    }

    @PreDestroy
    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
