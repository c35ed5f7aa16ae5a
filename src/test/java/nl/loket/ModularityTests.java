package nl.loket;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Package-by-feature modules with one-way dependencies, and the boundaries Modulith cannot see. */
class ModularityTests {

    private static final JavaClasses LOKET = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("nl.loket");

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersApi() {
        ApplicationModules.of(LoketApplication.class).verify();
    }

    @Test
    void onlyTheLlmModuleTalksToLangChain4j() {
        noClasses().that().resideOutsideOfPackage("nl.loket.llm..").should().dependOnClassesThat()
                .resideInAPackage("dev.langchain4j..").allowEmptyShould(true).check(LOKET);
    }

    @Test
    void onlyTheContentModuleReadsYaml() {
        noClasses().that().resideOutsideOfPackage("nl.loket.content..").should().dependOnClassesThat()
                .resideInAnyPackage("tools.jackson.dataformat.yaml..", "org.yaml.snakeyaml..", "org.snakeyaml..")
                .because("every content file goes through one reader that reports file:line problems")
                .check(LOKET);
    }

    @Test
    void onlyTheConversationModuleTouchesRedisStreams() {
        noClasses().that().resideOutsideOfPackage("nl.loket.conversation..").should().dependOnClassesThat()
                .resideInAPackage("org.springframework.data.redis.connection.stream..")
                .orShould().callMethod(org.springframework.data.redis.core.RedisOperations.class, "opsForStream")
                .orShould().callMethod(org.springframework.data.redis.core.StringRedisTemplate.class, "opsForStream")
                .check(LOKET);
    }
}
