package nl.loket.gateway;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks {@code hello.customer}: the host site's backend signs the details with HMAC-SHA256 and a
 * secret it shares with Loket, over an unambiguous canonical form (netstrings, see docs/protocol.md),
 * and each signature verifies one conversation only. Unsigned, wrongly signed, stale or replayed
 * details are kept, marked {@code verified: false}, so the agent knows not to rely on them.
 */
@Component
class CustomerIdentity {

    /** First field of the signed text: a signature made for anything else never verifies a customer. */
    static final String PURPOSE = "loket-customer-v1";
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final byte[] secret;
    private final Duration maxAge;
    private final JsonMapper json;
    private final UsedSignatures used;
    private final Clock clock;

    CustomerIdentity(GatewayProperties properties, JsonMapper json, UsedSignatures used, Clock clock) {
        this.secret = properties.customerSecret().getBytes(StandardCharsets.UTF_8);
        this.maxAge = properties.customerMaxAge();
        this.json = json;
        this.used = used;
        this.clock = clock;
    }

    /** The customer as stored on the conversation, as JSON; null when the site sent none. */
    String describe(ClientFrame.Customer customer) {
        if (customer == null) {
            return null;
        }
        ObjectNode stored = json.createObjectNode();
        stored.put("id", customer.id()).put("name", customer.name()).put("email", customer.email());
        stored.put("verified", verified(customer));
        return json.writeValueAsString(stored);
    }

    /** The lower-case hex HMAC-SHA256 of the canonical form; null fields are empty strings. */
    String sign(String id, String name, String email, String issuedAt, String nonce) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(canonical(PURPOSE, id, name, email, issuedAt, nonce)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /**
     * Each field as a netstring, {@code <UTF-8 byte length>:<bytes>,}: no value can end one field and
     * start the next, whatever characters it holds (a newline in a name once smuggled in an e-mail address).
     */
    static byte[] canonical(String... fields) {
        var out = new ByteArrayOutputStream();
        for (String field : fields) {
            byte[] bytes = (field == null ? "" : field).getBytes(StandardCharsets.UTF_8);
            out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(bytes);
            out.write(',');
        }
        return out.toByteArray();
    }

    private boolean verified(ClientFrame.Customer c) {
        if (secret.length == 0 || c.signature() == null || c.issuedAt() == null || !recent(c.issuedAt())) {
            return false;
        }
        byte[] expected = sign(c.id(), c.name(), c.email(), c.issuedAt(), c.nonce()).getBytes(StandardCharsets.US_ASCII);
        String signature = c.signature().toLowerCase(Locale.ROOT);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))
                // checked last, so only a genuine signature is spent: one signed blob, one conversation
                && used.firstUse(signature, maxAge.plus(CLOCK_SKEW));
    }

    /** The reader has checked the range, so this never leaves Instant's. */
    private boolean recent(String issuedAt) {
        Instant issued = Instant.ofEpochSecond(Long.parseLong(issuedAt));
        Instant now = clock.instant();
        return !issued.isAfter(now.plus(CLOCK_SKEW)) && issued.isAfter(now.minus(maxAge));
    }
}
