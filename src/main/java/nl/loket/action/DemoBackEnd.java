package nl.loket.action;

import java.time.Clock;
import java.time.Year;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import nl.loket.demo.DemoMode;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * DEMO ONLY: a stand-in for the sample supplier's own systems, so the shipped actions work in
 * {@code ./mvnw spring-boot:run} without any other system. On only with {@code loket.demo.action-backend}
 * (the demo profile), refused outside demo mode, and used only while {@code loket.actions.systems.polder}
 * has no base URL of its own. It accepts what the action files send and makes up a reference.
 */
@RestController
@RequestMapping(DemoBackEnd.PATH)
@ConditionalOnProperty("loket.demo.action-backend")
class DemoBackEnd {

    static final String PATH = "/demo-only/polder-backend";

    private final ActionClient client;
    private final Clock clock;
    private final AtomicInteger references = new AtomicInteger(12344);

    DemoBackEnd(ActionClient client, DemoMode demo, Clock clock) {
        demo.demoOnly("the demo back-end answers the actions at " + PATH + " (loket.demo.action-backend=true)",
                "set loket.demo.action-backend=false and loket.actions.systems.polder.base-url to your own system");
        this.client = client;
        this.clock = clock;
    }

    @EventListener
    void listening(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) { // the main server, not management's
            client.useIfUnconfigured("polder", "http://localhost:" + event.getWebServer().getPort() + PATH);
        }
    }

    @PostMapping("/meter-readings")
    ResponseEntity<Map<String, String>> meterReading(@RequestBody JsonNode body) {
        if (body.path("reading").asLong(0) == 0) { // something to see the refusal path with
            return ResponseEntity.status(409).body(Map.of("message",
                    "een stand van 0 is lager dan je vorige meterstand; kijk nog eens naar de meter."));
        }
        return ResponseEntity.ok(Map.of("status", "accepted", "reference", reference("MR")));
    }

    @PutMapping("/customers/{id}/instalment")
    Map<String, String> instalment(@PathVariable String id) {
        return Map.of("reference", reference("TB"), "message", "Het nieuwe bedrag gaat in bij je volgende termijn.");
    }

    @PostMapping("/moves")
    Map<String, String> move() {
        return Map.of("reference", reference("MV"));
    }

    @PostMapping("/payment-arrangements")
    Map<String, String> paymentArrangement() {
        return Map.of("reference", reference("BR"), "message", "Je krijgt binnen twee werkdagen een voorstel per e-mail.");
    }

    private String reference(String prefix) {
        return prefix + "-" + Year.now(clock) + "-" + references.incrementAndGet();
    }
}
