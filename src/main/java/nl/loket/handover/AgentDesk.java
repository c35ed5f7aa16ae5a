package nl.loket.handover;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.loket.conversation.AppendResult;
import nl.loket.conversation.Conversation;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.ConversationStatus;
import nl.loket.conversation.Conversations;
import nl.loket.conversation.Holder;
import nl.loket.conversation.Transition;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The agent's actions on a chat: accept, transfer, hand back, close. Each is one atomic transition
 * of status and holder; what follows it (the agent's list, the queue's order) is an index that
 * readers check against the holder, so a node that dies right after the transition leaves a chat
 * that is held by the agent who took it, never by nobody.
 */
@Component
class AgentDesk {

    private final Conversations conversations;
    private final HandoverStore store;
    private final HandoverTexts texts;
    private final QueueCatalog queues;
    private final WaitingLine line;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private Runnable afterTransition = () -> {
    };

    AgentDesk(Conversations conversations, HandoverStore store, HandoverTexts texts, QueueCatalog queues,
            WaitingLine line, ApplicationEventPublisher events, Clock clock) {
        this.conversations = conversations;
        this.store = store;
        this.texts = texts;
        this.queues = queues;
        this.line = line;
        this.events = events;
        this.clock = clock;
    }

    /** Tests: what happens between the transition and the follow-up writes (a node dying there). */
    void afterTransition(Runnable hook) {
        this.afterTransition = hook;
    }

    /** Takes a waiting chat. Exactly one of several agents accepting at once, on any nodes, gets it. */
    AgentAction accept(String conversationId, String agentName) {
        String forAgent = store.state(conversationId).get("forAgent");
        if (forAgent != null && !forAgent.equals(agentName)) {
            return AgentAction.NOT_YOURS;
        }
        Conversation conversation = conversations.find(conversationId).orElse(null);
        if (conversation == null) {
            return AgentAction.UNKNOWN_CONVERSATION;
        }
        if (!(conversation.holder() instanceof Holder.Queue waiting)) {
            return AgentAction.NOT_WAITING;
        }
        String queue = waiting.queue();
        var event = ConversationEvent.statusChange(ConversationStatus.AGENT,
                texts.say(conversation, "handover.agent-joined", agentName), agentName, null,
                Map.of("reason", "accepted", "queue", queue));
        store.assign(agentName, conversationId, true); // an index: chatsOf checks it against the holder
        AppendResult result = conversations.changeStatus(conversationId,
                Transition.of(ConversationStatus.QUEUED, new Holder.Agent(agentName, queue)), event);
        return switch (result) {
            case AppendResult.Stored stored -> {
                afterTransition.run();
                store.putState(conversationId, Map.of("acceptedAt", Long.toString(clock.millis())));
                store.removeState(conversationId, "forAgent");
                line.leave(queue, conversationId);
                events.publishEvent(new HandoverEvent.AgentJoined(conversationId, agentName, queue));
                yield AgentAction.DONE;
            }
            case AppendResult.UnknownConversation u -> AgentAction.UNKNOWN_CONVERSATION;
            case AppendResult.StatusRefused r -> AgentAction.NOT_WAITING;
            case AppendResult.Duplicate d -> AgentAction.NOT_WAITING;
        };
    }

    /** The agent holding the chat, if an agent holds it: the holder, stored with the status. */
    Optional<String> agentOf(String conversationId) {
        return conversations.find(conversationId).map(Conversation::holder)
                .filter(Holder.Agent.class::isInstance).map(h -> ((Holder.Agent) h).agent());
    }

    /** The queue the chat waits in, or the one it came from. */
    Optional<String> queueOf(String conversationId) {
        return conversations.find(conversationId).map(c -> c.holder().queueName()).filter(q -> !q.isEmpty())
                .or(() -> Optional.ofNullable(store.state(conversationId).get("queue")));
    }

    Optional<String> waitingFor(String conversationId) {
        return Optional.ofNullable(store.state(conversationId).get("forAgent"));
    }

    List<String> chatsOf(String agentName) {
        return store.assigned(agentName).stream().filter(id -> agentOf(id).filter(agentName::equals).isPresent())
                .sorted().toList();
    }

    AgentAction handBack(String conversationId, String agentName) {
        return fromAgent(conversationId, agentName, new Holder.Bot(), "handover.handed-back", null, "handed_back");
    }

    AgentAction close(String conversationId, String agentName) {
        return fromAgent(conversationId, agentName, new Holder.Closed(), "handover.closed", null, "agent_closed");
    }

    /** Puts the chat back in a queue (another team), or in front of one agent when {@code toAgent} is set. */
    AgentAction transfer(String conversationId, String agentName, String toQueue, String toAgent) {
        Optional<Conversation> held = heldBy(conversationId, agentName);
        if (held.isEmpty()) {
            return conversations.find(conversationId).isEmpty() ? AgentAction.UNKNOWN_CONVERSATION
                    : AgentAction.NOT_YOURS;
        }
        String queueName = toQueue != null ? toQueue : held.get().holder().queueName();
        QueueDefinition queue = queues.find(queueName).orElse(null);
        if (queue == null) {
            return AgentAction.UNKNOWN_QUEUE;
        }
        // before the transition, so the chat is never waiting for everyone while it is meant for one agent
        store.putState(conversationId, Map.of("queue", queue.name()));
        if (toAgent != null) {
            store.putState(conversationId, Map.of("forAgent", toAgent));
        } else {
            store.removeState(conversationId, "forAgent");
        }
        AgentAction action = fromAgent(conversationId, agentName, new Holder.Queue(queue.name()),
                "handover.transferred", toAgent, "transfer");
        if (action == AgentAction.DONE) {
            store.removeState(conversationId, "acceptedAt");
            line.queued(conversationId, queue.name(), toAgent);
        }
        return action;
    }

    /** The conversation when {@code agentName} holds it now. */
    private Optional<Conversation> heldBy(String conversationId, String agentName) {
        return conversations.find(conversationId)
                .filter(c -> c.holder() instanceof Holder.Agent a && a.agent().equals(agentName));
    }

    private AgentAction fromAgent(String conversationId, String agentName, Holder to, String textKey,
            String toAgent, String reason) {
        Conversation conversation = conversations.find(conversationId).orElse(null);
        if (conversation == null) {
            return AgentAction.UNKNOWN_CONVERSATION;
        }
        if (!(conversation.holder() instanceof Holder.Agent held) || !held.agent().equals(agentName)) {
            return AgentAction.NOT_YOURS;
        }
        Map<String, String> attributes = new HashMap<>();
        attributes.put("reason", reason);
        attributes.put("agent", agentName);
        if (to instanceof Holder.Queue q) {
            attributes.put("queue", q.queue());
        }
        if (toAgent != null) {
            attributes.put("toAgent", toAgent);
        }
        String queueTitle = queues.find(to instanceof Holder.Queue q ? q.queue() : held.queue())
                .map(q -> q.title(conversation.lang())).orElse("");
        var event = ConversationEvent.statusChange(to.status(), texts.say(conversation, textKey, agentName, queueTitle),
                to.status() == ConversationStatus.QUEUED ? null : agentName, null, attributes);
        if (!(conversations.changeStatus(conversationId, Transition.byAgent(agentName, to), event)
                instanceof AppendResult.Stored)) {
            return AgentAction.NOT_YOURS;
        }
        store.assign(agentName, conversationId, false);
        switch (to) {
            case Holder.Bot b -> events.publishEvent(new HandoverEvent.ChatHandedBack(conversationId, agentName,
                    held.queue()));
            case Holder.Closed c -> events.publishEvent(new HandoverEvent.ChatClosed(conversationId, held.queue()));
            case Holder.Queue q -> {
                // published by the waiting line once the chat has its place
            }
            case Holder.Agent a -> throw new IllegalStateException("an agent hands a chat to a queue, not to an agent");
        }
        return AgentAction.DONE;
    }
}
