package nl.loket.conversation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.data.redis.core.script.DigestUtils;
import org.springframework.data.redis.core.script.RedisScript;

class LuaScriptTests {

    @Test
    void holdsTheFilesTextAndItsDigest() throws Exception {
        String text = Files.readString(Path.of("src/main/resources/scripts/conversation-append.lua"));

        RedisScript<Long> script = LuaScript.load("scripts/conversation-append.lua", Long.class);

        assertThat(script.getScriptAsString()).isEqualTo(text);
        assertThat(script.getSha1()).isEqualTo(DigestUtils.sha1DigestAsHex(text));
        assertThat(script.getResultType()).isEqualTo(Long.class);
    }

    /**
     * A script built on a Resource asks it whether it changed on every call: in the packaged jar that is
     * a nested-jar lookup under a monitor, which hung a one-core node under load (a routing virtual thread
     * held the monitor without a carrier to run on; docs/benchmarks.md, "Message path").
     */
    @Test
    void noScriptIsReadFromItsResourceOnEveryCall() {
        noClasses().that().doNotHaveFullyQualifiedName(LuaScript.class.getName()).should()
                .callMethod(RedisScript.class, "of", Resource.class)
                .orShould().callMethod(RedisScript.class, "of", Resource.class, Class.class)
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("nl.loket"));
    }
}
