package nl.loket.gateway;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import nl.loket.demo.DemoMode;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * DEMO ONLY: what a host site's backend does for a signed-in customer, for the demo site: a freshly
 * signed {@code hello.customer} for the demo customer, so the demo can run actions that need a verified
 * customer. On only with {@code loket.demo.sign-in} (the demo profile), refused outside demo mode: anyone
 * who can reach it can be that customer.
 */
@RestController
@ConditionalOnProperty("loket.demo.sign-in")
class DemoSignIn {

    static final String PATH = "/demo-only/signed-customer";

    private final CustomerIdentity identity;
    private final Clock clock;

    DemoSignIn(CustomerIdentity identity, GatewayProperties properties, DemoMode demo, Clock clock) {
        demo.demoOnly("anyone can sign in as the demo customer at " + PATH + " (loket.demo.sign-in=true)",
                "set loket.demo.sign-in=false; your own site's backend signs hello.customer (docs/widget.md)");
        if (properties.customerSecret().isBlank()) {
            throw new IllegalStateException("loket.demo.sign-in needs loket.gateway.customer-secret");
        }
        this.identity = identity;
        this.clock = clock;
    }

    @GetMapping(PATH)
    Map<String, String> signedCustomer() {
        String id = "D-0001";
        String name = "Demi de Demo";
        String email = "demi@example.nl";
        String issuedAt = Long.toString(clock.instant().getEpochSecond());
        String nonce = UUID.randomUUID().toString();
        return Map.of("id", id, "name", name, "email", email, "issuedAt", issuedAt, "nonce", nonce,
                "signature", identity.sign(id, name, email, issuedAt, nonce));
    }
}
