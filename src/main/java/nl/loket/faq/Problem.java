package nl.loket.faq;

/** A problem in the FAQ content, printed as {@code file:line: message} so editors can jump to it. */
record Problem(String file, int line, String message, boolean error) {

    static Problem error(String file, int line, String message) {
        return new Problem(file, line, message, true);
    }

    static Problem warning(String file, int line, String message) {
        return new Problem(file, line, message, false);
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + (error ? "" : "warning: ") + message;
    }
}
