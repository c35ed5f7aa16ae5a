package nl.loket.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.loket.handover.Handover;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The agents from configuration. Sign-in goes through Spring Security's {@link UserDetailsService};
 * an OIDC login can replace it later as long as it yields the same name and roles.
 */
@Component
class AgentDirectory implements UserDetailsService {

    private static final Logger log = LoggerFactory.getLogger(AgentDirectory.class);
    private static final String DEMO_PASSWORD = "demo";

    private final Map<String, ConsoleProperties.AgentAccount> accounts;
    private final Handover handover;

    AgentDirectory(ConsoleProperties properties, PasswordEncoder encoder, Handover handover) {
        this.accounts = properties.agents().stream()
                .collect(Collectors.toMap(ConsoleProperties.AgentAccount::name, Function.identity(), (a, b) -> a));
        this.handover = handover;
        // one bcrypt check per distinct hash: each costs tens of milliseconds by design
        Map<String, Boolean> demoHash = new java.util.HashMap<>();
        for (var account : properties.agents()) {
            if (demoHash.computeIfAbsent(account.passwordHash(), h -> encoder.matches(DEMO_PASSWORD, h))) {
                log.warn("console agent '{}' has the demo password: only for local runs; configure "
                        + "loket.console.agents with your own bcrypt hashes", account.name());
            }
        }
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var account = accounts.get(username);
        if (account == null) {
            throw new UsernameNotFoundException("unknown agent");
        }
        return User.withUsername(account.name()).password(account.passwordHash())
                .roles(account.roles().stream().map(r -> r.toUpperCase(Locale.ROOT)).toArray(String[]::new)).build();
    }

    Optional<Agent> find(String name) {
        return Optional.ofNullable(name).map(accounts::get).map(account -> {
            boolean supervisor = account.roles().stream().anyMatch("SUPERVISOR"::equalsIgnoreCase);
            List<String> queues = new ArrayList<>(supervisor && account.queues().isEmpty()
                    ? handover.queueNames() : account.queues());
            String displayName = account.displayName() == null || account.displayName().isBlank() ? account.name()
                    : account.displayName().strip();
            return new Agent(account.name(), displayName, supervisor, List.copyOf(queues), account.lang());
        });
    }
}
