package dev.firmaccess.testing;

import java.util.List;

/** A fixture that cannot be loaded: every problem found, each naming where in the file it is. */
public final class FixtureException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    FixtureException(String source, List<String> problems) {
        super("Fixture " + source + " cannot be loaded:" + System.lineSeparator() + "  - "
                + String.join(System.lineSeparator() + "  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
