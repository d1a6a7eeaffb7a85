package io.flowgate.gateway.webhooks;

import java.util.List;
import java.util.Optional;

/** Checks one signing scheme's signature over a request's raw body. */
public interface WebhookVerifier {

    /**
     * @param keys every key a valid signature may be made with (several while a secret is rotated)
     * @return the sender's delivery id; empty only where the scheme makes it optional and none was sent
     * @throws WebhookRejected when a header is missing or malformed, the timestamp is outside the tolerance, or no
     *                         signature matches any key
     */
    Optional<String> verify(SignedRequest request, List<byte[]> keys);
}
