package nl.loket.action;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.Map;
import nl.loket.resilience.BreakerSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param dir the actions folder, one {@code <id>.yml} per action
 * @param systems the organisation's systems that actions call, by the name action files use; only here,
 *     never in a file or a chat, is where a request goes
 * @param breaker the circuit breaker per system
 */
@Validated
@ConfigurationProperties("loket.actions")
public record ActionProperties(
        @NotNull @DefaultValue("actions") Path dir,
        Map<String, Target> systems,
        @NotNull @Valid @DefaultValue BreakerSettings breaker) {

    public ActionProperties {
        systems = systems == null ? Map.of() : Map.copyOf(systems);
    }

    /**
     * @param baseUrl where the system is, e.g. {@code https://api.example.nl/self-service}; empty: its actions
     *     are not offered
     * @param headers sent with every request, e.g. {@code Authorization}; put the values in the environment
     */
    public record Target(String baseUrl, Map<String, String> headers) {
        public Target {
            baseUrl = baseUrl == null ? "" : baseUrl.strip();
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }
    }
}
