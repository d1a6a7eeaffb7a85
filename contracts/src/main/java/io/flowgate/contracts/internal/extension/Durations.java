package io.flowgate.contracts.internal.extension;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@code x-flow-timeout} values: {@code 500ms}, {@code 2s}, {@code 1m}. */
final class Durations {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,7})(ms|s|m)");

    private Durations() {
    }

    static Optional<Duration> parse(String text) {
        Matcher m = FORMAT.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(m.group(1));
        return Optional.of(switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        });
    }
}
