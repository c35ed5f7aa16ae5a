package nl.loket.handover;

import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Messages customers left when nobody could take the chat; each task its own key with a TTL. */
@Component
class Callbacks {

    private final HandoverStore store;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Callbacks(HandoverStore store, JsonMapper json, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    void leave(String conversationId, String queue, String contact, String question) {
        var task = new CallbackTask(UUID.randomUUID().toString(), conversationId, queue, contact, question,
                clock.instant(), null);
        store.putCallback(task.id(), queue, task.createdAt(), json.writeValueAsString(task));
        events.publishEvent(new HandoverEvent.CallbackRequested(conversationId, queue, task.id()));
    }

    List<CallbackTask> of(Collection<String> queueNames) {
        return queueNames.stream().flatMap(q -> store.callbacks(q).stream())
                .map(s -> json.readValue(s, CallbackTask.class))
                .sorted(Comparator.comparing(CallbackTask::createdAt)).toList();
    }

    Optional<CallbackTask> find(String id) {
        return Optional.ofNullable(store.callback(id)).map(s -> json.readValue(s, CallbackTask.class));
    }

    void done(String id, String agentName) {
        find(id).ifPresent(task -> {
            store.putCallback(id, task.queue(), task.createdAt(), json.writeValueAsString(new CallbackTask(task.id(),
                    task.conversationId(), task.queue(), task.contact(), task.question(), task.createdAt(),
                    agentName)));
            events.publishEvent(new HandoverEvent.CallbackDone(task.conversationId(), task.queue(), id, agentName));
        });
    }
}
