package nl.loket.handover;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    AgentAction accept(String conversationId, DeskAgent agent) {
        Conversation conversation = conversations.find(conversationId).orElse(null);
        if (conversation == null) {
            return AgentAction.UNKNOWN_CONVERSATION;
        }
        if (!(conversation.holder() instanceof Holder.Queue waiting)) {
            return AgentAction.NOT_WAITING;
        }
        if (waiting.forAgent() != null && !waiting.forAgent().equals(agent.name())) {
            return AgentAction.NOT_YOURS;
        }
        String queue = waiting.queue();
        var event = new ConversationEvent.StatusChange(ConversationStatus.AGENT,
                texts.say(conversation, "handover.agent-joined", agent.displayName()),
                Map.of("reason", "accepted", "queue", queue, "agent", agent.name())).withAgent(agent.displayName());
        store.assign(agent.name(), conversationId, true); // an index: chatsOf checks it against the holder
        // refused, too, when the chat was taken and passed to another agent since it was read
        AppendResult result = conversations.changeStatus(conversationId, Transition.acceptedBy(agent.name(), queue),
                event);
        return switch (result) {
            case AppendResult.Stored stored -> {
                afterTransition.run();
                store.putState(conversationId, Map.of("acceptedAt", Long.toString(clock.millis())));
                line.leave(queue, conversationId);
                events.publishEvent(new HandoverEvent.AgentJoined(conversationId, agent.name(), queue));
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

    /** The one agent a waiting chat is meant for: part of the holder, moved with the status. */
    Optional<String> waitingFor(String conversationId) {
        return conversations.find(conversationId).map(Conversation::holder)
                .flatMap(h -> h instanceof Holder.Queue q ? Optional.ofNullable(q.forAgent()) : Optional.empty());
    }

    List<String> chatsOf(String agentName) {
        return chatsOf(List.of(agentName)).get(agentName);
    }

    /**
     * The chats each of these agents holds now, in two round trips however many agents: their lists,
     * then the holders of every chat on them to check the lists against.
     */
    Map<String, List<String>> chatsOf(Collection<String> agentNames) {
        List<String> names = List.copyOf(new LinkedHashSet<>(agentNames));
        List<Set<String>> assigned = store.assigned(names);
        List<String> ids = assigned.stream().flatMap(Set::stream).distinct().toList();
        List<Optional<Conversation>> found = conversations.findAll(ids);
        Map<String, String> holders = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            if (found.get(i).map(Conversation::holder).orElse(null) instanceof Holder.Agent a) {
                holders.put(ids.get(i), a.agent());
            }
        }
        Map<String, List<String>> result = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            result.put(name, assigned.get(i).stream().filter(id -> name.equals(holders.get(id))).sorted().toList());
        }
        return result;
    }

    AgentAction handBack(String conversationId, DeskAgent agent) {
        return fromAgent(conversationId, agent, new Holder.Bot(), "handover.handed-back", "handed_back");
    }

    AgentAction close(String conversationId, DeskAgent agent) {
        return fromAgent(conversationId, agent, new Holder.Closed(), "handover.closed", "agent_closed");
    }

    /**
     * Puts the chat back in a queue (another team), or in front of one agent when {@code toAgent} is
     * set: that agent is part of the new holder, written with the status in one step.
     */
    AgentAction transfer(String conversationId, DeskAgent agent, String toQueue, String toAgent) {
        Optional<Conversation> held = heldBy(conversationId, agent.name());
        if (held.isEmpty()) {
            return conversations.find(conversationId).isEmpty() ? AgentAction.UNKNOWN_CONVERSATION
                    : AgentAction.NOT_YOURS;
        }
        String queueName = toQueue != null ? toQueue : held.get().holder().queueName();
        QueueDefinition queue = queues.find(queueName).orElse(null);
        if (queue == null) {
            return AgentAction.UNKNOWN_QUEUE;
        }
        store.putState(conversationId, Map.of("queue", queue.name()));
        AgentAction action = fromAgent(conversationId, agent, new Holder.Queue(queue.name(), toAgent),
                "handover.transferred", "transfer");
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

    private AgentAction fromAgent(String conversationId, DeskAgent agent, Holder to, String textKey, String reason) {
        Conversation conversation = conversations.find(conversationId).orElse(null);
        if (conversation == null) {
            return AgentAction.UNKNOWN_CONVERSATION;
        }
        if (!(conversation.holder() instanceof Holder.Agent held) || !held.agent().equals(agent.name())) {
            return AgentAction.NOT_YOURS;
        }
        Map<String, String> attributes = new HashMap<>();
        attributes.put("reason", reason);
        attributes.put("agent", agent.name());
        if (to instanceof Holder.Queue q) {
            attributes.put("queue", q.queue());
            if (q.forAgent() != null) {
                attributes.put("toAgent", q.forAgent());
            }
        }
        String queueTitle = queues.find(to instanceof Holder.Queue q ? q.queue() : held.queue())
                .map(q -> q.title(conversation.lang())).orElse("");
        // the customer reads the display name; the login name stays in the attributes, for agents
        var event = new ConversationEvent.StatusChange(to.status(),
                texts.say(conversation, textKey, agent.displayName(), queueTitle), attributes)
                .withAgent(to.status() == ConversationStatus.QUEUED ? null : agent.displayName());
        if (!(conversations.changeStatus(conversationId, Transition.byAgent(agent.name(), to), event)
                instanceof AppendResult.Stored)) {
            return AgentAction.NOT_YOURS;
        }
        store.assign(agent.name(), conversationId, false);
        switch (to) {
            case Holder.Bot b -> events.publishEvent(new HandoverEvent.ChatHandedBack(conversationId, agent.name(),
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
