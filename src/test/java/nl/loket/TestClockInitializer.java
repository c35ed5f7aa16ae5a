package nl.loket;

import java.time.Clock;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;

/**
 * Gives every application context a test starts (each {@code @SpringBootTest} and each context a
 * test builds itself) a {@link TestClock} in place of the system clock. Registered in the tests'
 * {@code META-INF/spring.factories}, which Spring Boot reads for every {@code SpringApplication}.
 * A test that shares one clock between several nodes hands it in with {@link #sharing(TestClock)}.
 */
public final class TestClockInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext>,
        Ordered {

    static final String BEAN = "clock";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!context.getBeanFactory().containsSingleton(BEAN)) {
            context.getBeanFactory().registerSingleton(BEAN, TestClock.atRunMoment());
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** An initializer that puts {@code clock} into a context before the default one would. */
    public static ApplicationContextInitializer<ConfigurableApplicationContext> sharing(Clock clock) {
        return new Shared(clock);
    }

    private record Shared(Clock clock) implements ApplicationContextInitializer<ConfigurableApplicationContext>,
            Ordered {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getBeanFactory().registerSingleton(BEAN, clock);
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
