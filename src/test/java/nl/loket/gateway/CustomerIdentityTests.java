package nl.loket.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import nl.loket.TestClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class CustomerIdentityTests {

    /** The moment the tests stand at; signatures are checked against the application clock, never the machine's. */
    private static final Instant NOW = TestClock.MONDAY_10;
    private final JsonMapper json = JsonMapper.builder().build();
    private final CustomerIdentity identity = new CustomerIdentity(new GatewayProperties(4096, 5, List.of("*"),
            Duration.ofSeconds(25), "nl", "shared-secret", Duration.ofMinutes(10)), json, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void trustsDetailsSignedByTheSiteWithTheSharedSecret() {
        String issuedAt = Long.toString(NOW.getEpochSecond());
        ObjectNode customer = customer(issuedAt);
        customer.put("signature", identity.sign("42", "Anna de Vries", "anna@example.nl", issuedAt));

        assertThat(json.readTree(identity.describe(customer)).path("verified").asBoolean()).isTrue();
    }

    @Test
    void marksTamperedStaleOrUnsignedDetailsAsUnverified() {
        String issuedAt = Long.toString(NOW.getEpochSecond());
        ObjectNode tampered = customer(issuedAt);
        tampered.put("signature", identity.sign("43", "Anna de Vries", "anna@example.nl", issuedAt));
        String old = Long.toString(NOW.minus(Duration.ofHours(1)).getEpochSecond());
        ObjectNode stale = customer(old);
        stale.put("signature", identity.sign("42", "Anna de Vries", "anna@example.nl", old));

        for (ObjectNode customer : List.of(tampered, stale, customer(issuedAt))) {
            var stored = json.readTree(identity.describe(customer));
            assertThat(stored.path("verified").asBoolean()).isFalse();
            assertThat(stored.path("name").asString()).isEqualTo("Anna de Vries");
            assertThat(stored.has("signature")).isFalse();
        }
    }

    private ObjectNode customer(String issuedAt) {
        return json.createObjectNode().put("id", "42").put("name", "Anna de Vries").put("email", "anna@example.nl")
                .put("issuedAt", issuedAt);
    }
}
