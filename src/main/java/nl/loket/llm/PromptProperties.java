package nl.loket.llm;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the prompt files live ({@code loket.prompts.dir}, a public contract). */
@ConfigurationProperties("loket.prompts")
record PromptProperties(@DefaultValue("prompts") Path dir) {
}
