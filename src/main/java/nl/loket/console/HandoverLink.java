package nl.loket.console;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.loket.conversation.Conversation;
import nl.loket.conversation.Conversations;
import nl.loket.handover.AgentAction;
import nl.loket.handover.CallbackTask;
import nl.loket.handover.DeskAgent;
import nl.loket.handover.Handover;
import nl.loket.handover.HandoverPacket;
import nl.loket.handover.Presence;
import nl.loket.handover.WaitingChat;
import org.springframework.stereotype.Component;

/**
 * Everything the console asks of the handover module, in one place: the desk's actions, the facts
 * access depends on, presence and what the inbox shows. Handover owns the state; this only reads
 * and forwards, so a change of handover's API is adapted here alone.
 */
@Component
class HandoverLink {

    /** One node's view of every queue at one moment, shared by all agent sockets of the node. */
    record InboxSnapshot(List<WaitingChat> waiting, Map<String, Boolean> available, List<CallbackTask> callbacks) {
    }

    private final Handover handover;
    private final Conversations conversations;

    HandoverLink(Handover handover, Conversations conversations) {
        this.handover = handover;
        this.conversations = conversations;
    }

    Optional<ConsoleAccess.ChatFacts> facts(String conversationId) {
        return conversations.find(conversationId).map(Conversation::status)
                .map(status -> new ConsoleAccess.ChatFacts(status, handover.agentOf(conversationId).orElse(null),
                        handover.queueOf(conversationId).orElse(null),
                        handover.waitingFor(conversationId).orElse(null)));
    }

    AgentAction accept(String conversationId, Agent agent) {
        return handover.accept(conversationId, desk(agent));
    }

    AgentAction transfer(String conversationId, Agent agent, String toQueue, String toAgent) {
        return handover.transfer(conversationId, desk(agent), toQueue, toAgent);
    }

    AgentAction handBack(String conversationId, Agent agent) {
        return handover.handBack(conversationId, desk(agent));
    }

    AgentAction close(String conversationId, Agent agent) {
        return handover.close(conversationId, desk(agent));
    }

    /** The customer reads the agent's display name in the status texts, never the login name. */
    private static DeskAgent desk(Agent agent) {
        return new DeskAgent(agent.name(), agent.displayName());
    }

    Optional<HandoverPacket> packet(String conversationId) {
        return handover.packet(conversationId);
    }

    /** Reads every queue once: the same snapshot serves every agent of this node. */
    InboxSnapshot snapshot() {
        Collection<String> queues = handover.queueNames();
        Map<String, Boolean> available = new LinkedHashMap<>();
        queues.forEach(q -> available.put(q, handover.available(q)));
        // every queue: a chat transferred to one agent may wait in a queue that agent does not serve
        return new InboxSnapshot(handover.waiting(queues), available, handover.callbacks(queues));
    }

    /** The chats of each agent (by login name), read together for all of them. */
    Map<String, List<String>> chatsOf(Collection<Agent> agents) {
        return handover.chatsOf(agents.stream().map(Agent::name).toList());
    }

    Optional<CallbackTask> callback(String id) {
        return handover.callback(id);
    }

    void callbackDone(CallbackTask task, Agent agent) {
        handover.callbackDone(task.id(), agent.name());
    }

    Presence presenceOf(Agent agent) {
        return handover.presenceOf(agent.name());
    }

    void presence(Agent agent, Presence presence) {
        handover.presence(agent.name(), agent.queues(), presence);
    }
}
