package nl.loket.console;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.loket.demo.DemoMode;
import nl.loket.handover.Handover;
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

    private static final String DEMO_PASSWORD = "demo";
    static final String HOW_TO_CONFIGURE = "configure each agent with loket.console.agents[i].name, .password-hash "
            + "(a {bcrypt} hash from bin/agent-password), .roles (AGENT, SUPERVISOR) and .queues, e.g. "
            + "LOKET_CONSOLE_AGENTS_0_NAME=eva LOKET_CONSOLE_AGENTS_0_PASSWORD_HASH='{bcrypt}$2a$10$...' "
            + "LOKET_CONSOLE_AGENTS_0_ROLES=AGENT LOKET_CONSOLE_AGENTS_0_QUEUES=algemeen (docs/handover.md)";

    private final Map<String, ConsoleProperties.AgentAccount> accounts;
    private final Handover handover;

    AgentDirectory(ConsoleProperties properties, PasswordEncoder encoder, Handover handover, DemoMode demo) {
        this.accounts = properties.agents().stream()
                .collect(Collectors.toMap(ConsoleProperties.AgentAccount::name, Function.identity(), (a, b) -> a));
        this.handover = handover;
        if (properties.agents().stream().noneMatch(a -> a.roles().stream()
                .anyMatch(r -> r.equalsIgnoreCase("AGENT") || r.equalsIgnoreCase("SUPERVISOR")))) {
            demo.demoOnly("no console agents are configured", HOW_TO_CONFIGURE);
        }
        // one bcrypt check per distinct hash: each costs tens of milliseconds by design
        Map<String, Boolean> demoHash = new HashMap<>();
        List<String> withDemoPassword = properties.agents().stream()
                .filter(a -> demoHash.computeIfAbsent(a.passwordHash(), h -> encoder.matches(DEMO_PASSWORD, h)))
                .map(a -> "'" + a.name() + "'").toList();
        if (!withDemoPassword.isEmpty()) {
            demo.demoOnly("console agent" + (withDemoPassword.size() == 1 ? " " : "s ")
                    + String.join(", ", withDemoPassword) + (withDemoPassword.size() == 1 ? " has" : " have")
                    + " the demo password", HOW_TO_CONFIGURE);
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
