package nl.loket.demo;

/** Something only demo mode allows was found outside demo mode; Loket does not start. */
public final class NotForProduction extends RuntimeException {

    private final String fix;

    NotForProduction(String what, String fix) {
        super(what + " (only allowed with loket.demo.enabled=true)");
        this.fix = fix;
    }

    public String fix() {
        return fix;
    }
}
