package dev.firmaccess.it.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runnable command examples of one Markdown document. A fenced {@code bash} block right after
 * the line {@code <!-- runnable example -->} is runnable; all runnable blocks of a document run in
 * order in one shell, so a later block uses the variables of an earlier one. In a block, a command
 * is a line (with its {@code \}-continued lines) that is not a comment; the comment lines
 * {@code # => text} right after a command are its documented output: the command's output must
 * contain each of those fragments, in order, where {@code ...} stands for any text. A block that
 * cannot run unattended (it needs something only a person can get, such as a browser sign-in)
 * follows {@code <!-- example not run: <the reason> -->} instead.
 */
record RunnableExamples(String document, List<Step> steps, List<String> unmarkedCurlBlocks) {

    static final String MARKER = "<!-- runnable example -->";
    static final String NOT_RUN = "<!-- example not run: ";
    private static final String EXPECTATION = "# => ";
    private static final String FENCE = "```";

    /** One command, where it starts in the document, and its documented output fragments. */
    record Step(int line, String command, List<String> expected) {

        /** The output fragments as one pattern: {@code ...} is any text, the rest is literal. */
        Pattern expectation() {
            StringBuilder regex = new StringBuilder();
            for (String fragment : expected) {
                if (!regex.isEmpty()) {
                    regex.append(".*?");
                }
                String[] literals = fragment.split(Pattern.quote("..."), -1);
                for (int i = 0; i < literals.length; i++) {
                    if (i > 0) {
                        regex.append(".*?");
                    }
                    regex.append(Pattern.quote(literals[i]));
                }
            }
            return Pattern.compile(regex.toString(), Pattern.DOTALL);
        }

        boolean matches(String output) {
            Matcher matcher = expectation().matcher(output);
            return expected.isEmpty() || matcher.find();
        }
    }

    static RunnableExamples parse(String document, String markdown) {
        List<Step> steps = new ArrayList<>();
        List<String> unmarked = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        boolean marked = false;
        boolean excused = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.trim().equals(MARKER)) {
                marked = true;
                continue;
            }
            if (line.trim().startsWith(NOT_RUN) && line.trim().endsWith("-->")) {
                excused = true;
                continue;
            }
            if (!line.startsWith(FENCE)) {
                marked = marked && line.isBlank();
                excused = excused && line.isBlank();
                continue;
            }
            int end = i + 1;
            while (end < lines.length && !lines[end].startsWith(FENCE)) {
                end++;
            }
            List<String> body = List.of(lines).subList(i + 1, Math.min(end, lines.length));
            if (marked) {
                if (!line.equals(FENCE + "bash")) {
                    throw new IllegalArgumentException(document + ":" + (i + 1) + ": a runnable example must be a ```bash block");
                }
                steps.addAll(steps(document, i + 2, body));
            } else if (!excused && body.stream().anyMatch(text -> text.contains("curl "))) {
                unmarked.add(document + ":" + (i + 1));
            }
            marked = false;
            excused = false;
            i = end;
        }
        return new RunnableExamples(document, List.copyOf(steps), List.copyOf(unmarked));
    }

    private static List<Step> steps(String document, int firstLine, List<String> body) {
        List<Step> steps = new ArrayList<>();
        StringBuilder command = null;
        int start = 0;
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            String line = body.get(i);
            if (command != null && continues(command)) {
                command.append('\n').append(line);
            } else if (line.startsWith(EXPECTATION)) {
                if (command == null) {
                    throw new IllegalArgumentException(document + ":" + (firstLine + i)
                            + ": documented output without a command before it");
                }
                expected.add(line.substring(EXPECTATION.length()));
            } else if (line.isBlank() || line.startsWith("#")) {
                continue;
            } else {
                if (command != null) {
                    steps.add(new Step(start, command.toString(), List.copyOf(expected)));
                }
                command = new StringBuilder(line);
                start = firstLine + i;
                expected.clear();
            }
        }
        if (command != null) {
            steps.add(new Step(start, command.toString(), List.copyOf(expected)));
        }
        return steps;
    }

    private static boolean continues(StringBuilder command) {
        String text = command.toString();
        String lastLine = text.substring(text.lastIndexOf('\n') + 1);
        return lastLine.stripTrailing().endsWith("\\");
    }
}
