package nl.loket.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.loket.ChatClient;
import nl.loket.LoketIntegrationTest;
import nl.loket.conversation.Conversations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code hello.customer} signed by the host site, as docs/protocol.md tells a site's backend to sign it. */
@TestPropertySource(properties = "loket.gateway.customer-secret=" + SignedCustomerIntegrationTests.SECRET)
class SignedCustomerIntegrationTests extends LoketIntegrationTest {

    static final String SECRET = "the-site-and-loket-share-this";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Conversations conversations;

    @Autowired
    ObjectProvider<Clock> clocks;

    @Test
    void verifiesDetailsSignedWithTheDocumentedRecipe() throws Exception {
        String issuedAt = now();
        Map<String, Object> customer = customer("42", "Anna de Vries", "anna@example.nl", issuedAt, "n-1");
        customer.put("signature", netstringSignature("42", "Anna de Vries", "anna@example.nl", issuedAt, "n-1"));

        JsonNode stored = storedCustomer(customer);
        assertThat(stored.path("verified").asBoolean()).isTrue();
        assertThat(stored.path("email").asString()).isEqualTo("anna@example.nl");
    }

    @Test
    void aNewlineInTheNameCannotMoveAnotherAddressIntoAVerifiedIdentity() throws Exception {
        // the site signed what its customer typed as a display name: "Mallory\nceo@bank.example"
        String issuedAt = now();
        String signedByTheSite = newlineJoinedSignature("42", "Mallory\nceo@bank.example", "mallory@example.nl",
                issuedAt);
        // ... and the customer moves the field boundary: same bytes under the old recipe, another e-mail address
        Map<String, Object> shifted = customer("42", "Mallory", "ceo@bank.example\nmallory@example.nl", issuedAt, null);
        shifted.put("signature", signedByTheSite);

        assertThat(storedCustomer(shifted).path("verified").asBoolean()).isFalse();
    }

    @Test
    void oneSignedBlobVerifiesOneConversationOnly() throws Exception {
        String issuedAt = now();
        Map<String, Object> customer = customer("7", "Bram", "bram@example.nl", issuedAt, "n-2");
        customer.put("signature", netstringSignature("7", "Bram", "bram@example.nl", issuedAt, "n-2"));

        assertThat(storedCustomer(customer).path("verified").asBoolean()).isTrue();
        JsonNode replayed = storedCustomer(customer);
        assertThat(replayed.path("verified").asBoolean()).isFalse();
        assertThat(replayed.path("name").asString()).isEqualTo("Bram");
    }

    @Test
    void answersAnIssuedAtOutsideTimeWithBadFrame() {
        for (Object issuedAt : new Object[] {"31556889864403200", 1e30, "-5", "soon", Long.MAX_VALUE}) {
            try (ChatClient chat = connect()) {
                Map<String, Object> customer = customer("42", "Anna", "anna@example.nl", null, null);
                customer.put("issuedAt", issuedAt);
                customer.put("signature", "00");
                chat.send(Map.of("type", "hello", "customer", customer));
                JsonNode error = chat.awaitType("error");
                assertThat(error.path("code").asString()).as("issuedAt %s", issuedAt).isEqualTo("bad_frame");
                assertThat(error.path("message").asString()).contains("issuedAt").doesNotContain("Exception");
                assertThat(chat.isOpen()).isTrue();
            }
        }
    }

    private JsonNode storedCustomer(Map<String, Object> customer) {
        try (ChatClient chat = connect()) {
            String id = chat.send(Map.of("type", "hello", "customer", customer)).awaitType("welcome")
                    .path("conversationId").asString();
            return JSON.readTree(conversations.find(id).orElseThrow().customer());
        }
    }

    private static Map<String, Object> customer(String id, String name, String email, String issuedAt, String nonce) {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("id", id);
        customer.put("name", name);
        customer.put("email", email);
        if (issuedAt != null) {
            customer.put("issuedAt", issuedAt);
        }
        if (nonce != null) {
            customer.put("nonce", nonce);
        }
        return customer;
    }

    /** The application's own time: the signature must be recent by its clock, not by the wall clock. */
    private String now() {
        return Long.toString(clocks.getIfAvailable(Clock::systemUTC).instant().getEpochSecond());
    }

    /** docs/protocol.md: netstrings of "loket-customer-v1", id, name, email, issuedAt, nonce. */
    static String netstringSignature(String... fields) throws Exception {
        var out = new ByteArrayOutputStream();
        String[] all = new String[fields.length + 1];
        all[0] = "loket-customer-v1";
        System.arraycopy(fields, 0, all, 1, fields.length);
        for (String field : all) {
            byte[] bytes = (field == null ? "" : field).getBytes(StandardCharsets.UTF_8);
            out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(bytes);
            out.write(',');
        }
        return hmac(out.toByteArray());
    }

    /** The recipe Loket documented before: the fields joined with newlines. */
    private static String newlineJoinedSignature(String... fields) throws Exception {
        return hmac(String.join("\n", fields).getBytes(StandardCharsets.UTF_8));
    }

    private static String hmac(byte[] payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(payload));
    }
}
