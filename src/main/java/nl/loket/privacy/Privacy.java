package nl.loket.privacy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.loket.conversation.Conversation;
import nl.loket.conversation.ConversationEvent;
import nl.loket.conversation.Conversations;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Access and erasure requests: export or erase one conversation, or every conversation of a customer id. */
@Service
public class Privacy {

    private final Conversations conversations;
    private final StoredData data;
    private final JsonMapper json;
    private final Clock clock;

    Privacy(Conversations conversations, StoredData data, JsonMapper json, Clock clock) {
        this.conversations = conversations;
        this.data = data;
        this.json = json;
        this.clock = clock;
    }

    public Optional<ConversationExport> export(String conversationId) {
        return conversations.find(conversationId).map(this::export);
    }

    /** The conversations whose customer (as the host site described them) has this id, oldest first. */
    public List<String> conversationsOf(String customerId) {
        List<Conversation> found = new ArrayList<>();
        for (String id : conversations.ids()) {
            conversations.find(id).filter(c -> customerId.equals(customerIdOf(c))).ifPresent(found::add);
        }
        found.sort(java.util.Comparator.comparing(Conversation::createdAt));
        return found.stream().map(Conversation::id).toList();
    }

    public List<ConversationExport> exportCustomer(String customerId) {
        return conversationsOf(customerId).stream().flatMap(id -> export(id).stream()).toList();
    }

    /** Erases the conversation and everything derived from it; empty when there is no such conversation. */
    public Optional<ErasureReport> erase(String conversationId) {
        if (conversations.find(conversationId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(erase(List.of(conversationId)));
    }

    /** Erases every conversation of the customer id (none found: an empty report). */
    public ErasureReport eraseCustomer(String customerId) {
        return erase(conversationsOf(customerId));
    }

    private ErasureReport erase(List<String> ids) {
        long keys = 0;
        long indexEntries = 0;
        for (String id : ids) {
            // the meta hash goes first: from then on the log refuses every append, so nothing new is written
            List<String> own = new ArrayList<>(data.keysOf(id));
            own.sort((a, b) -> Boolean.compare(!a.endsWith(":meta"), !b.endsWith(":meta")));
            keys += data.delete(own);
            keys += data.delete(data.recordsNaming(id));
            indexEntries += data.removeFromIndexes(id);
        }
        return new ErasureReport(ids, keys, indexEntries);
    }

    private ConversationExport export(Conversation c) {
        Map<String, Object> conversation = new LinkedHashMap<>();
        conversation.put("id", c.id());
        conversation.put("status", c.status().name().toLowerCase(java.util.Locale.ROOT));
        conversation.put("lang", c.lang());
        conversation.put("page", c.page());
        conversation.put("customer", c.customer() == null ? null : json.readTree(c.customer()));
        conversation.put("createdAt", c.createdAt());
        Map<String, Object> stored = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(data.keysOf(c.id()));
        keys.addAll(data.recordsNaming(c.id()));
        for (String key : keys) {
            Object content = data.content(key);
            if (content instanceof Map<?, ?> hash && hash.containsKey("token")) {
                continue; // the meta hash: its fields are in `conversation`, and the token's hash is a secret
            }
            if (content != null) {
                stored.put(key, readable(content));
            }
        }
        return new ConversationExport(c.id(), clock.instant(), conversation, allEvents(c.id()), stored);
    }

    private List<ConversationEvent> allEvents(String id) {
        List<ConversationEvent> all = new ArrayList<>();
        List<ConversationEvent> page = conversations.eventsAfter(id, 0);
        while (!page.isEmpty()) { // a replay is capped: page through long logs
            all.addAll(page);
            page = conversations.eventsAfter(id, page.getLast().seq());
        }
        return all;
    }

    /** JSON values (a packet, a task) as JSON, so the export is not JSON inside strings. */
    private Object readable(Object content) {
        if (content instanceof String s && (s.startsWith("{") || s.startsWith("["))) {
            try {
                return json.readTree(s);
            } catch (RuntimeException e) {
                return s;
            }
        }
        return content;
    }

    private String customerIdOf(Conversation c) {
        if (c.customer() == null) {
            return null;
        }
        JsonNode id = json.readTree(c.customer()).path("id");
        return id.isString() ? id.asString() : null;
    }
}
