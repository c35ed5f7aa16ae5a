package nl.loket.load;

import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.time.Instant;

/**
 * Opens {@code loket.sockets} sockets over {@code loket.rampSeconds}; each says hello, gets its
 * welcome (a real conversation in Redis) and then stays idle until {@code loket.holdSeconds} after
 * the ramp, so that every socket is open at once while run-benchmarks.sh measures heap and RSS.
 * One Gatling process holds at most ~19,900 sockets (open-files limit 20,000).
 */
public class IdleSocketsSimulation extends Simulation {

    private final Channel channel = Channel.named(Settings.text("channel", "chat"));
    private final int sockets = Settings.integer("sockets", 10_000);
    private final int rampSeconds = Settings.integer("rampSeconds", 40);
    private final int holdSeconds = Settings.integer("holdSeconds", 45);
    private final Instant releaseAt = Instant.now().plusSeconds(rampSeconds + holdSeconds);

    {
        String label = "idle " + channel.label();
        var idle = scenario(label)
                .exec(channel.connect(label))
                .exec(channel.hello(label))
                .pause(session -> {
                    Duration left = Duration.between(Instant.now(), releaseAt);
                    return left.isNegative() ? Duration.ZERO : left;
                })
                .exec(channel.close(label));

        setUp(idle.injectOpen(rampUsers(sockets).during(rampSeconds)))
                .protocols(Settings.protocol())
                .maxDuration(Duration.ofSeconds(rampSeconds + holdSeconds + 60L))
                .assertions(global().failedRequests().percent().lt(1.0));
    }
}
