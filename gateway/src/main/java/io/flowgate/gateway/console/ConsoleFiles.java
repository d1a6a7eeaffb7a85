package io.flowgate.gateway.console;

import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The admin console's built files, read from {@code public/ui/} on the class path (the designer-ui jar). A file is
 * read once and kept; only names that exist are kept, so unknown paths cannot grow the cache. Paths are checked
 * before any look-up: no {@code ..}, no empty or hidden segments, only plain file-name characters.
 */
@Singleton
public class ConsoleFiles {

    static final String ROOT = "public/ui/";
    static final String INDEX = "index.html";
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_\\-]+(?:\\.[A-Za-z0-9_\\-]+)*"
            + "(?:/[A-Za-z0-9_\\-]+(?:\\.[A-Za-z0-9_\\-]+)*)*");
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("woff", "font/woff"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("eot", "application/vnd.ms-fontobject"),
            Map.entry("txt", "text/plain; charset=utf-8"));

    /** A file of the console. */
    public record File(String path, byte[] bytes, String contentType, String etag) {
    }

    private final ClassLoader loader;
    private final Map<String, File> cache = new ConcurrentHashMap<>();
    private final Optional<File> index;

    public ConsoleFiles() {
        this(ConsoleFiles.class.getClassLoader());
    }

    ConsoleFiles(ClassLoader loader) {
        this.loader = loader;
        this.index = read(INDEX);
    }

    /** The console's entry page; empty when the gateway was built without the console. */
    public Optional<File> index() {
        return index;
    }

    /** The file at a path below /ui/ (without the leading slash); empty for unknown or unsafe paths. */
    public Optional<File> file(String path) {
        if (path == null || !SAFE_PATH.matcher(path).matches()) {
            return Optional.empty();
        }
        File cached = cache.get(path);
        if (cached != null) {
            return Optional.of(cached);
        }
        return read(path);
    }

    /** Client routes have no file extension in their last segment ({@code instances/42}); files do. */
    public static boolean looksLikeRoute(String path) {
        if (path == null || path.isEmpty()) {
            return true;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".");
    }

    private Optional<File> read(String path) {
        String extension = path.substring(path.lastIndexOf('.') + 1);
        String type = TYPES.get(extension);
        if (type == null || !path.contains(".")) {
            return Optional.empty();
        }
        try (InputStream in = loader.getResourceAsStream(ROOT + path)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            File file = new File(path, bytes, type, etag(bytes));
            cache.put(path, file);
            return Optional.of(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the console file " + path, e);
        }
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
