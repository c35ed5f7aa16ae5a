package nl.loket.llm;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code llm} component of /actuator/health. Always UP: Loket works without the LLM (FAQ and
 * handover), so an unconfigured or failing model must not take a node out of the load balancer.
 */
@Component
class LlmHealthIndicator implements HealthIndicator {

    private final ModelClient client;
    private final LlmBreaker breaker;
    private final Prompts prompts;

    LlmHealthIndicator(ModelClient client, LlmBreaker breaker, Prompts prompts) {
        this.client = client;
        this.breaker = breaker;
        this.prompts = prompts;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        CircuitBreaker.State state = breaker.state();
        if (client.offReason() != null) {
            health.withDetail("state", "off").withDetail("reason", client.offReason());
        } else if (prompts.current() == null) {
            health.withDetail("state", "off").withDetail("reason", "the prompt files have problems");
        } else {
            health.withDetail("state", state == CircuitBreaker.State.OPEN ? "breaker_open" : "on")
                    .withDetail("model", client.modelName());
        }
        if (!prompts.problems().isEmpty()) {
            health.withDetail("promptProblems", prompts.problems());
        }
        return health.build();
    }
}
