package io.muse4j.cli;

import io.muse4j.core.testing.SharedCorpora;
import io.muse4j.models.ModelKinds;
import io.muse4j.models.kind.ModelKind;
import io.muse4j.models.kind.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 22: every numeric option of generate and train, at 0, -1, NaN, the largest value of its type and one past
 * it, is one line naming the option and exit code 2, unless the value is one the option takes. Nothing is read
 * or written: the options are checked first.
 */
class NumericOptionsTest {
    private static final double BELOW_ONE = Math.nextDown(1.0);

    @TempDir
    Path dir;

    /** A numeric option and the values it takes. */
    private record Numeric(String name, Class<?> type, double min, double max) {
    }

    @Test
    void everyNumericOptionOfGenerateIsCheckedNamingIt() throws Exception {
        List<Numeric> options = List.of(new Numeric("--steps", Integer.class, 1, 200_000),
                new Numeric("--bars", Integer.class, 1, 4096), new Numeric("--seconds", Double.class, Double.MIN_VALUE, 3600),
                new Numeric("--count", Integer.class, 1, 1000), new Numeric("--beam", Integer.class, 1, 64),
                new Numeric("--temperature", Double.class, 0, 100), new Numeric("--top-k", Integer.class, 0, 100_000),
                new Numeric("--top-p", Double.class, Double.MIN_VALUE, 1),
                new Numeric("--new-temperature", Double.class, 0, 100),
                new Numeric("--rhythm-temperature", Double.class, 0, 100));
        for (Numeric option : options) {
            assertRefused(option, "generate", "--out", dir.resolve("x.mid").toString());
        }
    }

    @Test
    void newMaterialTemperaturesAreNumbersOrSameAndOnlyForModelsThatTellNewMaterial() throws Exception {
        CliRun word = CliRun.of("generate", "--rhythm-temperature", "hot", "--out", dir.resolve("x.mid").toString());
        assertEquals(2, word.code(), word.err());
        assertEquals(List.of("muse4j: --rhythm-temperature hot: not a number or 'same'"), List.of(word.errLines()));
        CliRun lstm = CliRun.of("generate", "--model", "folk-lstm-2025", "--new-temperature", "1", "--out",
                dir.resolve("x.mid").toString());
        assertEquals(1, lstm.errLines().length, lstm.err());
        assertTrue(lstm.err().contains("--new-temperature and --rhythm-temperature need a model whose encoding tells "
                + "new material"), lstm.err());
        assertTrue(lstm.code() != 0);
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void theMusicVaeCommandsCheckTheirCountsAndAmounts() throws Exception {
        String vae = SharedCorpora.projectRoot().resolve("models/src/test/resources/io/muse4j/models/fixtures/vae-flat.m4j")
                .toString();
        assertRefused(new Numeric("--count", Integer.class, 1, 1000), "sample", "--model", vae, "--out",
                dir.resolve("s.mid").toString());
        assertRefused(new Numeric("--amount", Double.class, -100, 100), "attribute", "--model", vae,
                "--attribute", "pitch-mean", ExampleFileTest.EXAMPLE.toString(), "--out", dir.resolve("a.mid").toString());
    }

    @Test
    void everyNumericOptionOfTrainIsCheckedNamingIt() throws Exception {
        String[] lstm = {"train", "lstm", "--corpus", dir.resolve("none").toString(), "--out",
                dir.resolve("x.m4j").toString(), "--encoding", "melody"};
        List<Numeric> common = List.of(new Numeric("--batch", Integer.class, 1, 4096),
                new Numeric("--lr", Double.class, Double.MIN_VALUE, 1), new Numeric("--steps", Integer.class, 1, 1e8),
                new Numeric("--warmup", Integer.class, 0, 1e8), new Numeric("--clip", Double.class, 0, 1e6),
                new Numeric("--val-every", Integer.class, 1, 1e8), new Numeric("--checkpoint-every", Integer.class, 1, 1e8),
                new Numeric("--patience", Integer.class, 0, 1e6),
                new Numeric("--valid-fraction", Double.class, 0, BELOW_ONE),
                new Numeric("--transpose", Integer.class, 0, 24), new Numeric("--min-pitch", Integer.class, 0, 127),
                new Numeric("--max-pitch", Integer.class, 59, 127));
        for (Numeric option : common) {
            assertRefused(option, lstm);
        }
        for (ModelKind kind : ModelKinds.ALL) {
            List<String> args = new ArrayList<>(List.of("train", kind.name(), "--corpus", dir.resolve("none").toString(),
                    "--out", dir.resolve("x.m4j").toString()));
            if (kind.takesEncoding()) {
                args.addAll(List.of("--encoding", "melody"));
            }
            for (Setting setting : kind.settings()) {
                if (Number.class.isAssignableFrom(setting.type())) {
                    assertRefused(new Numeric(setting.name(), setting.type(), setting.min(), setting.max()),
                            args.toArray(String[]::new));
                }
            }
        }
    }

    /** Runs the command with each value the option refuses, checking for one line naming it and exit code 2. */
    private void assertRefused(Numeric option, String... command) throws Exception {
        String largest = option.type() == Integer.class ? Integer.toString(Integer.MAX_VALUE)
                : option.type() == Long.class ? Long.toString(Long.MAX_VALUE) : Double.toString(Double.MAX_VALUE);
        String overflow = option.type() == Integer.class ? "2147483648"
                : option.type() == Long.class ? "9223372036854775808" : "1e400";
        for (String value : List.of("0", "-1", "NaN", largest, overflow)) {
            double number = value.equals("NaN") ? Double.NaN : Double.parseDouble(value);
            if (number >= option.min() && number <= option.max()) {
                continue; // a value the option takes
            }
            List<String> args = new ArrayList<>(List.of(command));
            args.addAll(List.of(option.name(), value));
            CliRun run = CliRun.of(args.toArray(String[]::new));
            String what = String.join(" ", args);
            assertEquals(2, run.code(), what + ": " + run.err());
            assertEquals(1, run.errLines().length, what + ": " + run.err());
            assertTrue(run.err().contains(option.name() + " ") || run.err().contains("'" + option.name() + "'"),
                    what + ": " + run.err());
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList());
        }
    }
}
