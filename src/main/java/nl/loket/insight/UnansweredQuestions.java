package nl.loket.insight;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.loket.conversation.ConversationProperties;
import nl.loket.conversation.Conversations;
import nl.loket.faq.Faq;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The questions a conversation got no confident answer to, redacted as for the LLM, each with its meaning
 * (the FAQ's semantic signal's vector, where the language has it), so that the insights page neither scans
 * Redis nor embeds them again. Kept with the conversation ({@code loket:insight:{c:<id>}:questions}, its
 * retention, renewed with each recount) and found by the conversation's day ({@code loket:insight:questions:<date>},
 * a set of ids that lives as long as its newest record). Erasure finds both by the house convention (the
 * hash tag, an id in a set).
 */
@Component
class UnansweredQuestions {

    /** Nothing is written for a conversation that is gone (erased or expired while its recount was on its way). */
    private static final RedisScript<Boolean> PUT = RedisScript.of("""
            if redis.call('EXISTS', KEYS[2]) == 0 then return false end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            return true""", Boolean.class);
    /** Adds the id to its day, which then lives at least the retention from now. */
    private static final RedisScript<Long> INDEX = RedisScript.of("""
            redis.call('SADD', KEYS[1], ARGV[1])
            if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
            return 1""", Long.class);

    /** One conversation's unanswered questions: its language, when it started (epoch ms), in the order asked. */
    record Asked(String lang, long at, List<Question> questions) {
    }

    /** {@code meaning}: the unit vector as float32 little-endian bytes, null without the signal. */
    record Question(String text, byte[] meaning) {

        float[] vector() {
            if (meaning == null) {
                return null;
            }
            float[] out = new float[meaning.length / Float.BYTES];
            ByteBuffer.wrap(meaning).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
            return out;
        }

        static byte[] bytes(float[] vector) {
            ByteBuffer out = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            out.asFloatBuffer().put(vector);
            return out.array();
        }
    }

    private final StringRedisTemplate redis;
    private final Faq faq;
    private final JsonMapper json;
    private final Duration retention;

    UnansweredQuestions(StringRedisTemplate redis, Faq faq, JsonMapper json, ConversationProperties conversations) {
        this.redis = redis;
        this.faq = faq;
        this.json = json;
        this.retention = conversations.retention();
    }

    static String key(String conversationId) {
        return Conversations.moduleKey("insight", conversationId, ":questions");
    }

    static String dayKey(LocalDate day) {
        return "loket:insight:questions:" + day;
    }

    /**
     * Records a conversation's unanswered questions (none: nothing is written). A question recorded before keeps
     * its vector: each is embedded once, off the message path (on the recount).
     */
    void record(String conversationId, LocalDate day, String lang, Instant createdAt, List<String> texts) {
        if (texts.isEmpty()) {
            return;
        }
        String key = key(conversationId);
        Map<String, byte[]> known = new HashMap<>();
        String old = redis.opsForValue().get(key);
        if (old != null) {
            json.readValue(old, Asked.class).questions().forEach(q -> known.put(q.text(), q.meaning()));
        }
        List<Question> questions = texts.stream().map(text -> new Question(text, known.containsKey(text)
                ? known.get(text) : faq.meaning(text, lang).map(Question::bytes).orElse(null))).toList();
        String ttl = Long.toString(retention.toMillis());
        Boolean written = redis.execute(PUT, List.of(key, Conversations.storedKey(conversationId)),
                json.writeValueAsString(new Asked(lang, createdAt.toEpochMilli(), questions)), ttl);
        if (Boolean.TRUE.equals(written)) {
            redis.execute(INDEX, List.of(dayKey(day)), conversationId, ttl);
        }
    }

    /** The unanswered questions of the conversations started on the days from {@code from} up to {@code to}, oldest first. */
    List<Asked> of(LocalDate from, LocalDate to) {
        List<LocalDate> days = from.datesUntil(to).toList();
        List<String> ids = new ArrayList<>();
        for (Object members : redis.executePipelined((RedisCallback<Object>) connection -> {
            days.forEach(d -> connection.setCommands().sMembers(DayCounters.bytes(dayKey(d))));
            return null;
        })) {
            if (members instanceof Collection<?> c) {
                c.forEach(id -> ids.add(String.valueOf(id)));
            }
        }
        List<Asked> asked = new ArrayList<>();
        for (Object record : redis.executePipelined((RedisCallback<Object>) connection -> {
            ids.forEach(id -> connection.stringCommands().get(DayCounters.bytes(key(id))));
            return null;
        })) {
            if (record != null) { // expired or erased after its day's set was read
                asked.add(json.readValue(String.valueOf(record), Asked.class));
            }
        }
        asked.sort(Comparator.comparingLong(Asked::at));
        return asked;
    }
}
