package io.flowgate.contracts.internal.load;

import com.fasterxml.jackson.databind.JsonNode;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A contract's name: the caller's override, else {@code info.x-contract-name}, else a slug of {@code info.title}
 * ("Restaurant Orders" → {@code restaurant-orders}). Names are URL-safe so they can appear in admin paths.
 */
public final class ContractNaming {

    public static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final int MAX_LENGTH = 63;

    private ContractNaming() {
    }

    /** @return the chosen name, empty when neither an override nor the document gives one */
    public static Optional<String> name(JsonNode document, String nameOverride) {
        if (nameOverride != null && !nameOverride.isBlank()) {
            return Optional.of(nameOverride.strip());
        }
        JsonNode info = document.path("info");
        JsonNode declared = info.path("x-contract-name");
        if (declared.isTextual() && !declared.asText().isBlank()) {
            return Optional.of(declared.asText().strip());
        }
        JsonNode title = info.path("title");
        if (title.isTextual()) {
            String slug = slug(title.asText());
            return slug.isEmpty() ? Optional.empty() : Optional.of(slug);
        }
        return Optional.empty();
    }

    /** "Restaurant Orders (v2)" → {@code restaurant-orders-v2}; accents dropped, at most 63 characters. */
    public static String slug(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug;
    }

    public static boolean isValid(String name) {
        return VALID.matcher(name).matches();
    }
}
