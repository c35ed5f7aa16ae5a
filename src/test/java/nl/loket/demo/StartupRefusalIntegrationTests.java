package nl.loket.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import nl.loket.LoketApplication;
import nl.loket.TestRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Outside demo mode Loket does not start with known credentials, without agents, on the embedded
 * Redis or open to every site, and says why in Boot's short failure report, not a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupRefusalIntegrationTests {

    /** The shipped demo hash (password "demo"), as a deployment that copied application-demo.yml would have it. */
    private static final String DEMO_HASH = "{bcrypt}$2a$10$4A9jErtIP8Xj9ATwOoYHAOE8E4L5NBiA9tddP/TAI9K9rOemD2kI6";
    private static final String REAL_HASH = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("correct horse battery");

    @Test
    void refusesTheDemoPasswordOutsideDemoMode(CapturedOutput output) {
        assertRefused(output, args -> args.with("loket.console.agents[1].name=anna")
                .with("loket.console.agents[1].password-hash=" + DEMO_HASH)
                .with("loket.console.agents[1].roles=AGENT"), "console agent 'anna' has the demo password",
                "LOKET_CONSOLE_AGENTS_0_PASSWORD_HASH");
    }

    @Test
    void refusesTheDemoProfilesAccountsWhenDemoModeIsSwitchedOff(CapturedOutput output) {
        // the demo customer and back-end are refused the same way (below); switched off here to reach the accounts
        assertRefused(output, args -> args.without("loket.console.agents").with("spring.profiles.active=demo")
                .with("loket.demo.enabled=false").with("loket.demo.sign-in=false")
                .with("loket.demo.action-backend=false"), "have the demo password", "bin/agent-password");
    }

    @Test
    void refusesToStartWithoutAgents(CapturedOutput output) {
        assertRefused(output, args -> args.without("loket.console.agents"), "no console agents are configured",
                "LOKET_CONSOLE_AGENTS_0_NAME");
    }

    @Test
    void refusesEveryOriginOutsideDemoMode(CapturedOutput output) {
        assertRefused(output, args -> args.without("loket.gateway.allowed-origins"), "every site",
                "LOKET_GATEWAY_ALLOWED_ORIGINS");
        assertRefused(output, args -> args.without("loket.gateway.allowed-origins")
                .with("loket.gateway.allowed-origins=https://*"), "every site", "LOKET_GATEWAY_ALLOWED_ORIGINS");
    }

    @Test
    void refusesTheEmbeddedRedisOutsideDemoMode(CapturedOutput output) {
        assertRefused(output, args -> args.without("spring.data.redis"), "embedded Redis",
                "SPRING_DATA_REDIS_HOST");
    }

    @Test
    void refusesTheDemoCustomerAndTheDemoBackEndOutsideDemoMode(CapturedOutput output) {
        assertRefused(output, args -> args.with("loket.demo.sign-in=true"), "sign in as the demo customer",
                "loket.demo.sign-in=false");
        assertRefused(output, args -> args.with("loket.demo.action-backend=true"), "the demo back-end answers",
                "loket.actions.systems.polder.base-url");
    }

    @Test
    void startsOutsideDemoModeWithRealAccountsRedisAndOrigins(CapturedOutput output) {
        try (var context = new SpringApplicationBuilder(LoketApplication.class).run(Args.production().array())) {
            assertThat(context.getBean(DemoMode.class).enabled()).isFalse();
            assertThat(output).doesNotContain("DEMO MODE");
        }
    }

    private static void assertRefused(CapturedOutput output, UnaryOperator<Args> change, String reason, String fix) {
        String[] args = change.apply(Args.production()).array();
        int before = output.length();
        assertThatThrownBy(() -> new SpringApplicationBuilder(LoketApplication.class).run(args).close())
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e))
                        .isInstanceOf(NotForProduction.class));
        String report = output.toString().substring(before);
        assertThat(report).contains("APPLICATION FAILED TO START").contains(reason).contains(fix)
                .doesNotContain("\tat ");
    }

    /** Command-line arguments of a deployment that configured everything: each test breaks one thing. */
    private record Args(List<String> values) {

        static Args production() {
            return new Args(List.of("--spring.profiles.active=production", "--server.port=0",
                    "--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=" + TestRedis.start(),
                    "--loket.gateway.allowed-origins=https://www.polderenergie.example",
                    "--loket.console.agents[0].name=eva", "--loket.console.agents[0].password-hash=" + REAL_HASH,
                    "--loket.console.agents[0].roles=AGENT,SUPERVISOR"));
        }

        Args with(String property) {
            var next = new ArrayList<>(values);
            next.removeIf(v -> v.startsWith("--" + property.substring(0, property.indexOf('=') + 1)));
            next.add("--" + property);
            return new Args(next);
        }

        Args without(String prefix) {
            var next = new ArrayList<>(values);
            next.removeIf(v -> v.startsWith("--" + prefix));
            return new Args(next);
        }

        String[] array() {
            return values.toArray(String[]::new);
        }
    }
}
