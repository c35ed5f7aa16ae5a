package nl.loket.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * {@code bin/agent-password}: prints the {@code {bcrypt}} hash for {@code loket.console.agents[i].password-hash}.
 * It asks twice without echo, or with {@code --stdin} reads one line from standard input, so the
 * password never appears in a command line or the shell's history.
 */
final class AgentPassword {

    private static final int MIN_LENGTH = 12;

    private AgentPassword() {
    }

    public static void main(String[] args) throws IOException {
        char[] password = Arrays.asList(args).contains("--stdin") ? readLine() : ask();
        if (password.length < MIN_LENGTH) {
            System.err.println("agent-password: use at least " + MIN_LENGTH + " characters");
            System.exit(1);
        }
        System.out.println("{bcrypt}" + new BCryptPasswordEncoder(10).encode(new String(password)));
    }

    private static char[] readLine() throws IOException {
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? new char[0] : line.toCharArray();
    }

    private static char[] ask() {
        var console = System.console();
        if (console == null) {
            System.err.println("agent-password: no terminal; pipe the password in with --stdin");
            System.exit(2);
        }
        char[] first = console.readPassword("Password: ");
        char[] second = console.readPassword("Again: ");
        if (first == null || !Arrays.equals(first, second)) {
            System.err.println("agent-password: the two passwords differ");
            System.exit(1);
        }
        return first;
    }
}
