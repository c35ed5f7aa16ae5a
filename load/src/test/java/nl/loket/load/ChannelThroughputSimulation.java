package nl.loket.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * The customer channel against the bare echo socket, back to back in one run (same JVM, same
 * machine state). Phases, one after the other, each {@code loket.phaseSeconds} long:
 * <ol>
 *   <li>warm-up of both (requests named "warmup ...", left out of the tables);</li>
 *   <li>"sessions": {@code loket.users} users in a closed loop, each session = connect, hello,
 *       one message, close: the most hello + message round trips per second;</li>
 *   <li>"rate": a fixed {@code loket.rate} sessions per second (open model): latency at moderate load;</li>
 *   <li>"loop": {@code loket.users} sockets that stay open and send message after message: the cost
 *       of a message alone, without the connection set-up.</li>
 * </ol>
 * Each phase runs echo first, then chat.
 */
public class ChannelThroughputSimulation extends Simulation {

    private final int users = Settings.integer("users", 50);
    private final int rate = Settings.integer("rate", 200);
    private final int phaseSeconds = Settings.integer("phaseSeconds", 15);
    private final int warmupSeconds = Settings.integer("warmupSeconds", 10);

    {
        PopulationBuilder[] phases = {
            sessions(Channel.ECHO, "warmup").injectClosed(constantConcurrentUsers(8).during(warmupSeconds)),
            sessions(Channel.CHAT, "warmup").injectClosed(constantConcurrentUsers(8).during(warmupSeconds)),
            sessions(Channel.ECHO, "sessions").injectClosed(constantConcurrentUsers(users).during(phaseSeconds)),
            sessions(Channel.CHAT, "sessions").injectClosed(constantConcurrentUsers(users).during(phaseSeconds)),
            sessions(Channel.ECHO, "rate").injectOpen(constantUsersPerSec(rate).during(phaseSeconds)),
            sessions(Channel.CHAT, "rate").injectOpen(constantUsersPerSec(rate).during(phaseSeconds)),
            loop(Channel.ECHO).injectOpen(atOnceUsers(users)),
            loop(Channel.CHAT).injectOpen(atOnceUsers(users)),
        };
        PopulationBuilder chain = phases[phases.length - 1];
        for (int i = phases.length - 2; i >= 0; i--) {
            chain = phases[i].andThen(chain);
        }
        setUp(chain)
                .protocols(Settings.protocol())
                .maxDuration(Duration.ofSeconds(2L * warmupSeconds + 6L * phaseSeconds + 120))
                .assertions(global().failedRequests().percent().lt(1.0));
    }

    private static ScenarioBuilder sessions(Channel channel, String phase) {
        String label = phase + " " + channel.label();
        return scenario(label)
                .exec(channel.connect(label))
                .exec(channel.hello(label))
                .exec(channel.message(label))
                .exec(channel.close(label));
    }

    private ScenarioBuilder loop(Channel channel) {
        String label = "loop " + channel.label();
        return scenario(label)
                .exec(channel.connect(label))
                .exec(channel.hello(label))
                .exec(during(Duration.ofSeconds(phaseSeconds)).on(channel.message(label)))
                .exec(channel.close(label));
    }
}
