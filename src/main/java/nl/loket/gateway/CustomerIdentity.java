package nl.loket.gateway;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks {@code hello.customer}: the host site's backend signs {@code id \n name \n email \n issuedAt}
 * with HMAC-SHA256 and a secret it shares with Loket. Unsigned, wrongly signed or stale details are
 * kept, marked {@code verified: false}, so the agent knows not to rely on them.
 */
@Component
class CustomerIdentity {

    private final byte[] secret;
    private final Duration maxAge;
    private final JsonMapper json;
    private final Clock clock;

    CustomerIdentity(GatewayProperties properties, JsonMapper json, Clock clock) {
        this.secret = properties.customerSecret().getBytes(StandardCharsets.UTF_8);
        this.maxAge = properties.customerMaxAge();
        this.json = json;
        this.clock = clock;
    }

    /** The customer as stored on the conversation, as JSON; null when the site sent none. */
    String describe(JsonNode customer) {
        if (customer == null) {
            return null;
        }
        String id = text(customer, "id");
        String name = text(customer, "name");
        String email = text(customer, "email");
        String issuedAt = text(customer, "issuedAt");
        ObjectNode stored = json.createObjectNode();
        stored.put("id", limit(id)).put("name", limit(name)).put("email", limit(email));
        stored.put("verified", verified(id, name, email, issuedAt, text(customer, "signature")));
        return json.writeValueAsString(stored);
    }

    String sign(String id, String name, String email, String issuedAt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            String payload = String.join("\n", nullToEmpty(id), nullToEmpty(name), nullToEmpty(email),
                    nullToEmpty(issuedAt));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private boolean verified(String id, String name, String email, String issuedAt, String signature) {
        if (secret.length == 0 || signature == null || issuedAt == null || !recent(issuedAt)) {
            return false;
        }
        return MessageDigest.isEqual(sign(id, name, email, issuedAt).getBytes(StandardCharsets.US_ASCII),
                signature.toLowerCase().getBytes(StandardCharsets.US_ASCII));
    }

    private boolean recent(String issuedAt) {
        try {
            Instant issued = Instant.ofEpochSecond(Long.parseLong(issuedAt));
            Instant now = clock.instant();
            return !issued.isAfter(now.plusSeconds(60)) && issued.isAfter(now.minus(maxAge));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isString() || value.isNumber() ? value.asString() : null;
    }

    private static String limit(String s) {
        return s == null || s.length() <= 200 ? s : s.substring(0, 200);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
