package io.muse4j.midi.abc;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits one music line of an ABC tune body into tokens. Slurs, decorations ({@code ~ . !trill! +trill+ H T ...}),
 * grace-note groups {@code {..}}, spaces, line continuations and comments give no token. A {@code +..+} group made
 * only of notes is the ABC 1.6 spelling of a chord and lexes as {@code [..]}, as in the original Nottingham files.
 */
final class AbcLexer {
    /** What a token is. */
    enum Type {
        NOTE, REST, MEASURE_REST, BAR, ENDING, CHORD_SYMBOL, TUPLET, BROKEN, TIE, CHORD_OPEN, CHORD_CLOSE, FIELD
    }

    /** One token: its type, its text as written and its column (from 1). */
    record Token(Type type, String text, int column) {
    }

    private static final String LENGTH = "[0-9]*(?:/[0-9]*)*";
    private static final String ENDINGS = "[0-9]+(?:[,-][0-9]+)*";
    private static final Pattern IGNORED = Pattern.compile(
            "\\s+|\\\\|\\{[^}]*}|![^!\\s]*!|!|\\.?[()](?![0-9])|[~.HJLMOPRSTuvy`$]");
    private static final Pattern OLD_CHORD = Pattern.compile("\\+([^+]*)\\+");
    private static final Pattern NOTES_ONLY = Pattern.compile("[\\^_=A-Ga-gz,'/0-9\\s]+");
    private static final Pattern[] PATTERNS = new Pattern[Type.values().length];

    static {
        PATTERNS[Type.NOTE.ordinal()] = Pattern.compile("(\\^\\^|\\^|__|_|=)?([A-Ga-g])([',]*)(" + LENGTH + ")");
        PATTERNS[Type.REST.ordinal()] = Pattern.compile("[zx](" + LENGTH + ")");
        PATTERNS[Type.MEASURE_REST.ordinal()] = Pattern.compile("[ZX]([0-9]*)");
        PATTERNS[Type.BAR.ordinal()] = Pattern.compile("(\\[\\||:*\\|+]?:*|::+)(" + ENDINGS + ")?");
        PATTERNS[Type.ENDING.ordinal()] = Pattern.compile("\\[(" + ENDINGS + ")]?");
        PATTERNS[Type.CHORD_SYMBOL.ordinal()] = Pattern.compile("\"([^\"]*)\"");
        PATTERNS[Type.TUPLET.ordinal()] = Pattern.compile("\\(([0-9]+)(?::([0-9]*))?(?::([0-9]*))?");
        PATTERNS[Type.BROKEN.ordinal()] = Pattern.compile("[<>]+");
        PATTERNS[Type.TIE.ordinal()] = Pattern.compile("-");
        PATTERNS[Type.FIELD.ordinal()] = Pattern.compile("\\[([A-Za-z]:[^]]*)]");
        PATTERNS[Type.CHORD_OPEN.ordinal()] = Pattern.compile("\\[");
        PATTERNS[Type.CHORD_CLOSE.ordinal()] = Pattern.compile("](" + LENGTH + ")");
    }

    /** The order in which token patterns are tried at each position; the first that matches wins. */
    private static final Type[] ORDER = {Type.CHORD_SYMBOL, Type.FIELD, Type.ENDING, Type.BAR, Type.TUPLET, Type.NOTE,
        Type.REST, Type.MEASURE_REST, Type.BROKEN, Type.TIE, Type.CHORD_OPEN, Type.CHORD_CLOSE};

    private AbcLexer() {
    }

    /** The tokens of one line; fails with {@link AbcSyntaxError} naming the first character it cannot read. */
    static List<Token> tokens(String line) {
        List<Token> tokens = new ArrayList<>();
        lex(line, 0, line.length(), 0, tokens);
        return tokens;
    }

    private static void lex(String line, int from, int to, int columnOffset, List<Token> out) {
        Matcher m = IGNORED.matcher(line).region(from, to);
        int pos = from;
        while (pos < to) {
            if (line.charAt(pos) == '%') {
                return;
            }
            if (m.region(pos, to).lookingAt()) {
                pos = m.end();
                continue;
            }
            Matcher old = OLD_CHORD.matcher(line).region(pos, to);
            if (old.lookingAt()) {
                if (NOTES_ONLY.matcher(old.group(1)).matches()) {
                    out.add(new Token(Type.CHORD_OPEN, "[", pos + 1 + columnOffset));
                    lex(line, old.start(1), old.end(1), columnOffset, out);
                    out.add(new Token(Type.CHORD_CLOSE, "]", old.end(1) + 1 + columnOffset));
                }
                pos = old.end();
                continue;
            }
            pos = next(line, pos, to, columnOffset, out);
        }
    }

    private static int next(String line, int pos, int to, int columnOffset, List<Token> out) {
        for (Type type : ORDER) {
            Matcher t = PATTERNS[type.ordinal()].matcher(line).region(pos, to);
            if (t.lookingAt() && t.end() > pos) {
                out.add(new Token(type, t.group(), pos + 1 + columnOffset));
                return t.end();
            }
        }
        char c = line.charAt(pos);
        throw new AbcSyntaxError("unexpected '" + c + "' at column " + (pos + 1)
                + (c == '"' ? " (a chord symbol without its closing quote)" : ""));
    }

    /** The groups of a token's text matched again by its type's pattern. */
    static Matcher parts(Token token) {
        Matcher m = PATTERNS[token.type().ordinal()].matcher(token.text());
        if (!m.matches()) {
            throw new IllegalStateException("token " + token + " does not match its own pattern");
        }
        return m;
    }
}
