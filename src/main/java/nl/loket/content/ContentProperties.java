package nl.loket.content;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** @param reloadInterval how often the content files (FAQ, queues, canned replies, prompts) are checked for changes */
@Validated
@ConfigurationProperties("loket.content")
public record ContentProperties(@NotNull @DefaultValue("1s") Duration reloadInterval) {
}
