package nl.loket.content;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * {@code bin/faq-check}: checks all content without Redis, network or Spring, for editors and the content
 * repository's CI. Every {@link ContentCheck} on the class path runs; every problem is printed as
 * {@code file:line: message}; the exit code is 1 when there are errors, 2 on wrong usage, 0 otherwise.
 *
 * <pre>bin/faq-check [faq-folder] [--prompts folder] [--actions folder] [--against other-faq-folder] [--now date-time]</pre>
 *
 * The prompts and the actions are looked for in the folders {@code prompts} and {@code actions} next to the
 * FAQ folder unless {@code --prompts} or {@code --actions} says where; {@code --now} checks as if it were that moment (notices that have ended or are about to).
 */
public final class CheckCommand {

    private static final String USAGE = "usage: faq-check [faq-folder] [--prompts folder] "
            + "[--actions folder] [--against other-faq-folder] [--now 2026-12-01T12:00:00+01:00]";

    private final PrintStream out;
    private final Clock clock;

    public CheckCommand(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    public static void main(String[] args) {
        System.exit(new CheckCommand(System.out, Clock.systemDefaultZone()).run(args));
    }

    public int run(String[] args) {
        Path faq = null;
        Path prompts = null;
        Path actions = null;
        Path against = null;
        Clock at = clock;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            boolean valued = i + 1 < args.length;
            if (arg.equals("--against") && valued) {
                against = Path.of(args[++i]);
            } else if (arg.equals("--prompts") && valued) {
                prompts = Path.of(args[++i]);
            } else if (arg.equals("--actions") && valued) {
                actions = Path.of(args[++i]);
            } else if (arg.equals("--now") && valued) {
                try {
                    OffsetDateTime now = OffsetDateTime.parse(args[++i]);
                    at = Clock.fixed(now.toInstant(), now.getOffset());
                } catch (DateTimeParseException e) {
                    out.println("--now " + args[i] + ": not a date-time with offset like 2026-12-01T12:00:00+01:00");
                    return 2;
                }
            } else if (arg.startsWith("-") || faq != null) {
                out.println(USAGE);
                return 2;
            } else {
                faq = Path.of(arg);
            }
        }
        faq = faq == null ? Path.of("faq") : faq;
        for (Path folder : new Path[] {faq, prompts, actions, against}) {
            if (folder != null && !Files.isDirectory(folder)) {
                out.println(folder + ": not a folder");
                return 2;
            }
        }
        prompts = prompts == null ? besideFaq(faq, "prompts") : prompts;
        actions = actions == null ? besideFaq(faq, "actions") : actions;
        return check(new ContentCheck.Context(faq, Optional.ofNullable(prompts), Optional.ofNullable(actions),
                Optional.ofNullable(against), at));
    }

    private static Path besideFaq(Path faq, String name) {
        Path folder = faq.resolveSibling(name);
        return Files.isDirectory(folder) ? folder : null;
    }

    private int check(ContentCheck.Context context) {
        List<ContentCheck.Report> reports = new ArrayList<>();
        ServiceLoader.load(ContentCheck.class).forEach(check -> reports.add(check.check(context)));
        reports.forEach(r -> r.problems().forEach(out::println));
        reports.forEach(r -> r.notes().forEach(out::println));
        long problems = reports.stream().mapToLong(r -> r.problems().size()).sum();
        long errors = reports.stream().flatMap(r -> r.problems().stream()).filter(Problem::error).count();
        out.printf(Locale.ROOT, "%s: %d errors, %d warnings%n", String.join(", ",
                reports.stream().map(ContentCheck.Report::summary).toList()), errors, problems - errors);
        return errors > 0 ? 1 : 0;
    }
}
