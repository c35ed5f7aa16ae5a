package nl.loket.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/** {@code hello.customer} as a host site's backend signs it, with the running node's own signer. */
public final class SignedCustomers {

    private SignedCustomers() {
    }

    /** Signed {@code age} ago on the node's clock. */
    public static Map<String, Object> signed(ApplicationContext node, String id, String name, String email,
            Duration age) {
        Instant issued = node.getBean(java.time.Clock.class).instant().minus(age);
        String issuedAt = Long.toString(issued.getEpochSecond());
        String nonce = UUID.randomUUID().toString();
        Map<String, Object> customer = new HashMap<>(Map.of("id", id, "name", name, "email", email,
                "issuedAt", issuedAt, "nonce", nonce));
        customer.put("signature", node.getBean(CustomerIdentity.class).sign(id, name, email, issuedAt, nonce));
        return customer;
    }

    public static Map<String, Object> signed(ApplicationContext node, String id, String name, String email) {
        return signed(node, id, name, email, Duration.ZERO);
    }
}
