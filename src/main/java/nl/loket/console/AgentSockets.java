package nl.loket.console;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The agent sockets open on this node, and the presence heartbeat that keeps their agents online. */
@Component
class AgentSockets {

    private static final Logger log = LoggerFactory.getLogger(AgentSockets.class);

    private final Map<String, AgentSocket> open = new ConcurrentHashMap<>();
    private final HandoverLink handover;

    AgentSockets(HandoverLink handover, MeterRegistry meters) {
        this.handover = handover;
        Gauge.builder("loket.sockets.open", open, Map::size).tag("channel", "console")
                .description("Open agent console sockets on this node").register(meters);
    }

    void add(AgentSocket socket) {
        open.put(socket.id(), socket);
    }

    AgentSocket get(String id) {
        return open.get(id);
    }

    AgentSocket remove(String id) {
        return open.remove(id);
    }

    Collection<AgentSocket> all() {
        return open.values();
    }

    boolean anyOf(Agent agent) {
        return open.values().stream().anyMatch(s -> s.agent.name().equals(agent.name()));
    }

    /** Keeps the presence of connected agents alive in Redis; it expires by itself when a node dies. */
    @Scheduled(fixedDelayString = "${loket.console.heartbeat:20s}")
    void heartbeat() {
        for (AgentSocket socket : open.values()) {
            try {
                handover.presence(socket.agent, socket.presence);
            } catch (RuntimeException e) {
                log.debug("presence heartbeat failed for {}", socket.agent.name());
            }
        }
    }
}
