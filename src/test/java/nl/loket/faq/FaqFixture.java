package nl.loket.faq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The small FAQ under src/test/resources/faq-fixture, copied where a test may change it. */
final class FaqFixture {

    static final Path DIR = Path.of("src/test/resources/faq-fixture");

    private FaqFixture() {
    }

    static FaqIndex index() {
        var loaded = FaqFiles.read(DIR, null);
        return FaqIndex.build(loaded.entries(), loaded.synonyms(), FaqProperties.defaults(DIR));
    }

    static Path copyTo(Path target) {
        try (Stream<Path> files = Files.walk(DIR)) {
            for (Path source : files.toList()) {
                Path copy = target.resolve(DIR.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
