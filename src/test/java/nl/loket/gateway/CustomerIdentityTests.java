package nl.loket.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.loket.TestRedis;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

class CustomerIdentityTests {

    private static final Instant NOW = Instant.parse("2025-11-24T16:00:00Z"); // 1764000000
    private final JsonMapper json = JsonMapper.builder().build();
    private final UsedSignatures used = new UsedSignatures(redis());

    @Test
    void signsTheDocumentedTestVector() throws IOException {
        var identity = identity("loket-example-secret");
        String expected = "d42b3124bf9ec1b0c192f6fd7c4082e5f9c074da449552425a799ccdc4a61917";

        assertThat(new String(CustomerIdentity.canonical(CustomerIdentity.PURPOSE, "klant-42", "Anna de Vries",
                "anna@example.nl", "1764000000", "7f3a9c0e"), StandardCharsets.UTF_8))
                .isEqualTo("17:loket-customer-v1,8:klant-42,13:Anna de Vries,15:anna@example.nl,10:1764000000,"
                        + "8:7f3a9c0e,");
        assertThat(identity.sign("klant-42", "Anna de Vries", "anna@example.nl", "1764000000", "7f3a9c0e"))
                .isEqualTo(expected);
        // the documentation a site's developer copies from shows the same vector
        assertThat(Files.readString(Path.of("docs/protocol.md"))).contains(expected).contains("loket-example-secret");
    }

    @Test
    void countsBytesNotCharactersSoEveryFieldBoundaryIsUnambiguous() {
        assertThat(new String(CustomerIdentity.canonical("Jöns", null, "a,b:c\n"), StandardCharsets.UTF_8))
                .isEqualTo("5:Jöns,0:,6:a,b:c\n,");
    }

    @Test
    void trustsDetailsSignedByTheSiteWithTheSharedSecretOnce() {
        var identity = identity("shared-secret");
        String nonce = UUID.randomUUID().toString();
        var customer = customer("42", "Anna de Vries", "anna@example.nl", "1764000000", nonce,
                identity.sign("42", "Anna de Vries", "anna@example.nl", "1764000000", nonce));

        assertThat(verified(identity, customer)).isTrue();
        assertThat(verified(identity, customer)).isFalse();
    }

    @Test
    void marksTamperedStaleFutureOrUnsignedDetailsAsUnverified() {
        var identity = identity("shared-secret");
        String now = "1764000000";
        String old = Long.toString(NOW.minus(Duration.ofHours(1)).getEpochSecond());
        String future = Long.toString(NOW.plus(Duration.ofMinutes(5)).getEpochSecond());
        var tampered = customer("43", "Anna de Vries", "anna@example.nl", now, null,
                identity.sign("42", "Anna de Vries", "anna@example.nl", now, null));
        var stale = customer("42", "Anna de Vries", "anna@example.nl", old, null,
                identity.sign("42", "Anna de Vries", "anna@example.nl", old, null));
        var early = customer("42", "Anna de Vries", "anna@example.nl", future, null,
                identity.sign("42", "Anna de Vries", "anna@example.nl", future, null));
        var unsigned = customer("42", "Anna de Vries", "anna@example.nl", now, null, null);

        for (ClientFrame.Customer customer : List.of(tampered, stale, early, unsigned)) {
            var stored = json.readTree(identity.describe(customer));
            assertThat(stored.path("verified").asBoolean()).isFalse();
            assertThat(stored.path("name").asString()).isEqualTo("Anna de Vries");
            assertThat(stored.has("signature")).isFalse();
        }
        assertThat(verified(identity("", Duration.ofMinutes(10)), unsigned)).isFalse();
    }

    private boolean verified(CustomerIdentity identity, ClientFrame.Customer customer) {
        return json.readTree(identity.describe(customer)).path("verified").asBoolean();
    }

    private CustomerIdentity identity(String secret) {
        return identity(secret, Duration.ofMinutes(10));
    }

    private CustomerIdentity identity(String secret, Duration maxAge) {
        var properties = new Binder(new MapConfigurationPropertySource(Map.of("loket.gateway.customer-secret", secret,
                "loket.gateway.customer-max-age", maxAge.toString()))).bindOrCreate("loket.gateway", GatewayProperties.class);
        return new CustomerIdentity(properties, json, used, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static StringRedisTemplate redis() {
        var factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", TestRedis.start()));
        factory.afterPropertiesSet();
        return new StringRedisTemplate(factory);
    }

    private static ClientFrame.Customer customer(String id, String name, String email, String issuedAt, String nonce,
            String signature) {
        return new ClientFrame.Customer(id, name, email, issuedAt, nonce, signature);
    }
}
