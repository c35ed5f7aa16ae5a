package nl.loket.content;

/**
 * A problem in a content file, printed as {@code file:line: message} so editors can jump to it.
 *
 * @param file the file as the editor would open it (the configured folder plus the file's name)
 * @param error whether the problem keeps the file (or the part of it) from being used; a warning does not
 */
public record Problem(String file, int line, String message, boolean error) {

    public static Problem error(String file, int line, String message) {
        return new Problem(file, line, message, true);
    }

    public static Problem warning(String file, int line, String message) {
        return new Problem(file, line, message, false);
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + (error ? "" : "warning: ") + message;
    }
}
