package nl.loket.console;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param agents who may sign in to the console; password hashes only ({bcrypt}...), never passwords
 * @param cannedFile the canned replies content file
 * @param heartbeat how often connected agents renew their presence (keep it well under loket.handover.presence-ttl)
 * @param signIn how many failed sign-ins lock an account or a client address, and for how long
 */
@Validated
@ConfigurationProperties("loket.console")
public record ConsoleProperties(@DefaultValue List<@Valid AgentAccount> agents,
        @NotBlank @DefaultValue("faq/canned.yml") String cannedFile,
        @NotNull @DefaultValue("20s") Duration heartbeat, @Valid @DefaultValue SignIn signIn) {

    /**
     * @param maxFailuresPerAccount failed sign-ins per account name (known or not) in one window
     * @param maxFailuresPerAddress failed sign-ins per client address in one window, over all names
     * @param lockout the window; once a limit is reached, sign-in is refused until it ends
     */
    public record SignIn(@Min(1) @DefaultValue("5") int maxFailuresPerAccount,
            @Min(1) @DefaultValue("20") int maxFailuresPerAddress, @NotNull @DefaultValue("15m") Duration lockout) {
    }

    /**
     * @param roles AGENT and/or SUPERVISOR (a supervisor sees and may read every chat)
     * @param queues the queues this agent serves
     * @param displayName the name customers see (the login name when not set)
     * @param lang the console's language for this agent, {@code nl} or {@code en}; agents can switch it
     */
    public record AgentAccount(@NotBlank String name, @NotBlank String passwordHash, @NotEmpty List<String> roles,
            @DefaultValue List<String> queues, String displayName,
            @Pattern(regexp = "nl|en") @DefaultValue("nl") String lang) {
    }
}
