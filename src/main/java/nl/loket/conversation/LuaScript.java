package nl.loket.conversation;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * A Lua script from the classpath, read once. {@code RedisScript.of(Resource)} asks the resource
 * whether it changed before every call: in the packaged jar a nested-jar lookup under a monitor, 6.5 %
 * of Loket's CPU samples on the FAQ message path, and on one core under load a hang (a routing virtual
 * thread held that monitor with no carrier left to run it; docs/benchmarks.md, "Message path").
 */
public final class LuaScript {

    private LuaScript() {
    }

    public static <T> RedisScript<T> load(String path, Class<T> resultType) {
        return RedisScript.of(RedisScript.of(new ClassPathResource(path)).getScriptAsString(), resultType);
    }
}
