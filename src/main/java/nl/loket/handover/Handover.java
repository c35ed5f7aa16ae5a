package nl.loket.handover;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.loket.conversation.Conversation;
import nl.loket.dialogue.Reply;
import org.springframework.stereotype.Service;

/**
 * Handover's API: for routing, whether a message needs a person and starting the handover; for the
 * console, the desk (accept, transfer, hand back, close), the inbox, presence and callbacks. Each
 * job lives in its own class; this facade only delegates.
 */
@Service
public class Handover {

    private final Triggers triggers;
    private final HandoverDialogue dialogue;
    private final AgentDesk desk;
    private final Inbox inbox;
    private final AgentPresence presence;
    private final Callbacks callbacks;
    private final PacketBuilder packets;
    private final QueueCatalog queues;
    private final HandoverStore store;
    private final Clock clock;

    Handover(Triggers triggers, HandoverDialogue dialogue, AgentDesk desk, Inbox inbox, AgentPresence presence,
            Callbacks callbacks, PacketBuilder packets, QueueCatalog queues, HandoverStore store, Clock clock) {
        this.triggers = triggers;
        this.dialogue = dialogue;
        this.desk = desk;
        this.inbox = inbox;
        this.presence = presence;
        this.callbacks = callbacks;
        this.packets = packets;
        this.queues = queues;
        this.store = store;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- customer side (routing)

    /**
     * Why this customer message should go to a person, if it should.
     *
     * @param offered the "talk to a person" reply offered with the bot's last answer, or null
     * @param askedBefore how often the same question ({@link #questionKey}) was asked before
     */
    public Optional<String> reasonFor(String text, String offered, int askedBefore) {
        return triggers.reasonFor(text, offered, askedBefore);
    }

    /** The form in which two questions count as the same one ("Waar is mijn factuur?!" = "waar is mijn factuur"). */
    public static String questionKey(String text) {
        return Triggers.normalise(text == null ? "" : text);
    }

    /** Whether this many answers marked unhelpful hand the chat over. */
    public boolean unhelpfulEnough(int unhelpfulAnswers) {
        return triggers.unhelpfulEnough(unhelpfulAnswers);
    }

    /**
     * Starts a handover for {@code reason} ({@code customer_asked}, {@code asked_for_person}, {@code no_answer},
     * {@code repeated_question}, {@code unhelpful_answers}, {@code frustration} or {@code faq_handover:<queue>})
     * while the bot holds the chat; {@code topic} are the tags of the FAQ entry the bot last answered with.
     * Returns the bot's first question, if it asks one.
     */
    public Optional<Reply> request(Conversation conversation, String reason, List<String> topic) {
        return dialogue.request(conversation, reason, topic);
    }

    /**
     * Details the customer already gave elsewhere (a self-service action's filled-in values): they go into
     * the handover packet and are not asked again.
     */
    public void noteDetails(String conversationId, Map<String, String> details) {
        store.putDetails(conversationId, details);
    }

    /** A customer message while the chat waits in a queue: it may leave the queue; the bot never answers. */
    public void customerWaiting(Conversation conversation, String text) {
        dialogue.customerWaiting(conversation, text);
    }

    // ---------------------------------------------------------------- agent side (console)

    /** Takes a waiting chat. Exactly one of several agents accepting at once, on any nodes, gets it. */
    public AgentAction accept(String conversationId, DeskAgent agent) {
        return desk.accept(conversationId, agent);
    }

    public AgentAction handBack(String conversationId, DeskAgent agent) {
        return desk.handBack(conversationId, agent);
    }

    public AgentAction close(String conversationId, DeskAgent agent) {
        return desk.close(conversationId, agent);
    }

    /**
     * Puts the chat back in a queue (another team), or in front of one agent when {@code toAgent} (a
     * login name) is set.
     */
    public AgentAction transfer(String conversationId, DeskAgent agent, String toQueue, String toAgent) {
        return desk.transfer(conversationId, agent, toQueue, toAgent);
    }

    /** The agent holding the chat, if an agent holds it. */
    public Optional<String> agentOf(String conversationId) {
        return desk.agentOf(conversationId);
    }

    /** The queue the chat is in or came from. */
    public Optional<String> queueOf(String conversationId) {
        return desk.queueOf(conversationId);
    }

    /** The agent a waiting chat was transferred to, if it was transferred to one agent. */
    public Optional<String> waitingFor(String conversationId) {
        return desk.waitingFor(conversationId);
    }

    /** The chats this agent holds now. */
    public List<String> chatsOf(String agentName) {
        return desk.chatsOf(agentName);
    }

    /** The chats each of these agents holds now, read together (two round trips for any number of agents). */
    public Map<String, List<String>> chatsOf(Collection<String> agentNames) {
        return desk.chatsOf(agentNames);
    }

    /** The chats waiting in these queues, oldest first, with their packets; computed once per change per node. */
    public List<WaitingChat> waiting(Collection<String> queueNames) {
        return inbox.waiting(queueNames);
    }

    public Optional<HandoverPacket> packet(String conversationId) {
        return packets.view(conversationId, clock.instant());
    }

    /** How many chats wait in the queue now (one Redis read, for a gauge). */
    public long waitingCount(String queueName) {
        return presence.waitingCount(queueName);
    }

    /** How many agents are online for the queue now. */
    public long agentsOnline(String queueName) {
        return presence.online(queueName);
    }

    public Collection<String> queueNames() {
        return queues.all().stream().map(QueueDefinition::name).toList();
    }

    /** Records an agent's presence (a heartbeat); ONLINE agents make their queues available. */
    public void presence(String agentName, Collection<String> queueNames, Presence value) {
        presence.set(agentName, queueNames, value);
    }

    public Presence presenceOf(String agentName) {
        return presence.of(agentName);
    }

    /** Whether a chat for this queue can go to a person now: the team is at work and someone is online. */
    public boolean available(String queueName) {
        return presence.available(queueName);
    }

    public List<CallbackTask> callbacks(Collection<String> queueNames) {
        return callbacks.of(queueNames);
    }

    public Optional<CallbackTask> callback(String id) {
        return callbacks.find(id);
    }

    public void callbackDone(String id, String agentName) {
        callbacks.done(id, agentName);
    }
}
