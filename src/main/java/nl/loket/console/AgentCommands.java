package nl.loket.console;

import nl.loket.conversation.AppendResult;
import nl.loket.conversation.Author;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.ConversationListener;
import nl.loket.conversation.Conversations;
import nl.loket.handover.AgentAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Carries out one agent frame, after {@link ConsoleAccess} allowed it; a refusal is a {@link Refused}. */
@Component
class AgentCommands {

    private static final Logger log = LoggerFactory.getLogger(AgentCommands.class);

    private final Conversations conversations;
    private final HandoverLink handover;
    private final InboxFeed inbox;
    private final AgentDirectory directory;
    private final CannedReplies canned;
    private final ObjectProvider<ReplySuggester> suggesters;
    private final AgentFrames frames;

    AgentCommands(Conversations conversations, HandoverLink handover, InboxFeed inbox, AgentDirectory directory,
            CannedReplies canned, ObjectProvider<ReplySuggester> suggesters, AgentFrames frames) {
        this.conversations = conversations;
        this.handover = handover;
        this.inbox = inbox;
        this.directory = directory;
        this.canned = canned;
        this.suggesters = suggesters;
        this.frames = frames;
    }

    void handle(AgentSocket socket, AgentFrame frame) {
        Agent agent = socket.agent;
        switch (frame) {
            case AgentFrame.SetPresence p -> {
                socket.presence = p.status();
                handover.presence(agent, p.status());
                socket.send(frames.presence(p.status()));
            }
            case AgentFrame.InboxRequest r -> inbox.pushTo(socket);
            case AgentFrame.CallbacksRequest r -> inbox.pushTo(socket);
            case AgentFrame.CallbackDone done -> handover.callbackDone(handover.callback(done.id())
                    .filter(t -> ConsoleAccess.mayComplete(agent, t))
                    .orElseThrow(() -> new Refused(ErrorCode.FORBIDDEN, "no callback task of your queues with that id")),
                    agent);
            case AgentFrame.CannedRequest r -> socket.send(frames.canned(canned.all()));
            case AgentFrame.Open open -> follow(socket, readable(agent, open.conversationId()), open.lastSeq());
            case AgentFrame.Unsubscribe u -> socket.unfollow(u.conversationId());
            case AgentFrame.PacketRequest p -> socket.send(frames.packet(p.conversationId(),
                    handover.packet(readable(agent, p.conversationId())).orElse(null)));
            case AgentFrame.Accept a -> accept(socket, a.conversationId());
            case AgentFrame.Write w -> write(socket, w);
            case AgentFrame.Typing t -> conversations.signalTyping(held(agent, t.conversationId()), Author.AGENT);
            case AgentFrame.Transfer t -> {
                if (t.agent() != null && directory.find(t.agent()).isEmpty()) {
                    throw new Refused(ErrorCode.UNKNOWN_AGENT, "no agent called " + t.agent());
                }
                outcome(handover.transfer(held(agent, t.conversationId()), agent, t.queue(), t.agent()));
            }
            case AgentFrame.HandBack h -> outcome(handover.handBack(held(agent, h.conversationId()), agent));
            case AgentFrame.Close c -> outcome(handover.close(held(agent, c.conversationId()), agent));
            case AgentFrame.Suggest s -> {
                String id = readable(agent, s.conversationId());
                // a model call takes seconds: not on the socket's thread
                Thread.ofVirtual().name("suggest").start(() -> socket.send(frames.suggestion(id, suggestion(id))));
            }
        }
    }

    private void accept(AgentSocket socket, String conversationId) {
        if (!ConsoleAccess.mayAccept(socket.agent, handover.facts(conversationId).orElse(null))) {
            throw forbidden();
        }
        outcome(handover.accept(conversationId, socket.agent));
        socket.send(frames.accepted(conversationId, handover.packet(conversationId).orElse(null)));
        follow(socket, conversationId, 0);
    }

    private void write(AgentSocket socket, AgentFrame.Write write) {
        Agent agent = socket.agent;
        String id = write.note() ? readable(agent, write.conversationId()) : held(agent, write.conversationId());
        String dedupe = write.clientMsgId() == null ? null : "agent:" + agent.name() + ":" + write.clientMsgId();
        // the customer sees the display name; the login name stays inside the console
        ConversationEvent event = write.note() ? new ConversationEvent.Note(agent.displayName(), write.text(), dedupe)
                : new ConversationEvent.AgentMessage(agent.displayName(), write.text(), dedupe);
        switch (conversations.appendFromAgent(id, event)) {
            case AppendResult.Stored stored -> socket.send(frames.ack(id, write.clientMsgId(), stored.event().seq()));
            case AppendResult.Duplicate duplicate -> socket.send(frames.ack(id, write.clientMsgId(), duplicate.seq()));
            case AppendResult.UnknownConversation u ->
                throw new Refused(ErrorCode.UNKNOWN_CONVERSATION, "no such conversation");
            case AppendResult.StatusRefused r -> throw new Refused(ErrorCode.NOT_YOURS,
                    "an agent can write only while holding the chat (status is " + r.current().wireName() + ")");
        }
    }

    private ReplySuggester.Suggestion suggestion(String id) {
        ReplySuggester suggester = suggesters.getIfAvailable();
        if (suggester == null) {
            return null;
        }
        try {
            return handover.packet(id).flatMap(p -> suggester.suggest(p, conversations.eventsAfter(id, 0)))
                    .orElse(null);
        } catch (RuntimeException e) {
            log.warn("no suggestion for {}", id, e); // the agent simply gets none
            return null;
        }
    }

    /** Follows a chat from {@code afterSeq}: the replay, then live events, in order, once. */
    private void follow(AgentSocket socket, String conversationId, long afterSeq) {
        socket.follow(conversationId, () -> conversations.subscribe(conversationId, afterSeq, new ConversationListener() {
            @Override
            public void onEvent(ConversationEvent event) {
                socket.send(frames.event(conversationId, event));
                if (event instanceof ConversationEvent.StatusChange && !ConsoleAccess.mayRead(socket.agent,
                        handover.facts(conversationId).orElse(null))) {
                    // not on the subscription's own thread: closing it waits for that thread
                    Thread.ofVirtual().start(() -> socket.unfollow(conversationId));
                }
            }

            @Override
            public void onTyping(Author author) {
                if (author == Author.CUSTOMER) {
                    socket.send(frames.typing(conversationId, author.wireName()));
                }
            }
        }));
    }

    private String readable(Agent agent, String id) {
        if (!ConsoleAccess.mayRead(agent, handover.facts(id).orElse(null))) {
            throw forbidden();
        }
        return id;
    }

    private String held(Agent agent, String id) {
        if (!ConsoleAccess.holds(agent, handover.facts(id).orElse(null))) {
            throw new Refused(ErrorCode.NOT_YOURS, "only the agent holding this chat can do that");
        }
        return id;
    }

    private static Refused forbidden() {
        return new Refused(ErrorCode.FORBIDDEN, "this chat is not waiting in your queues and not assigned to you");
    }

    private static void outcome(AgentAction action) {
        switch (action) {
            case DONE -> {
            }
            case NOT_WAITING -> throw new Refused(ErrorCode.NOT_WAITING, "this chat is no longer waiting; someone "
                    + "else took it or the customer left the queue");
            case NOT_YOURS -> throw new Refused(ErrorCode.NOT_YOURS, "this chat is not assigned to you");
            case UNKNOWN_QUEUE -> throw new Refused(ErrorCode.UNKNOWN_QUEUE, "no such queue");
            case UNKNOWN_CONVERSATION -> throw new Refused(ErrorCode.UNKNOWN_CONVERSATION, "no such conversation");
        }
    }
}
