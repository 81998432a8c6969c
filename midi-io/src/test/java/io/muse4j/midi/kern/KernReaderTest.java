package io.muse4j.midi.kern;

import io.muse4j.core.io.InputFileException;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.testing.SharedCorpora;
import io.muse4j.core.testing.VoicedNotes;
import io.muse4j.midi.MidiReader;
import io.muse4j.midi.ScoreFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 25: **kern scores read into note sequences, checked against the 370 chorales' MIDI versions and by hand. */
class KernReaderTest {
    private static final Path CHORALES = SharedCorpora.resolve("bach-chorales");

    @TempDir
    Path dir;

    private Path kern(String name, String... lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }

    @Test
    void all370ChoralesAsWrittenAreTheirMidiVersionsNoteForNote() throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(CHORALES.resolve("kern"))) {
            files = listed.sorted().toList();
        }
        assertEquals(370, files.size());
        long notes = 0;
        long played = 0;
        for (Path file : files) {
            NoteSequence written = KernReader.read(file, KernReader.Order.WRITTEN);
            NoteSequence midi = MidiReader.read(CHORALES.resolve("midi").resolve(file.getFileName().toString()
                    .replace(".krn", ".mid"))).sequence();
            assertEquals(VoicedNotes.of(midi), VoicedNotes.of(written), file.toString());
            notes += written.notes().size();
            played += ScoreFiles.read(file).get(0).notes().size();
        }
        assertEquals(84_623, notes);
        assertTrue(played > notes, "repeats played add notes: " + played);
    }

    @Test
    void theFirstChoraleHasItsVoicesMeterKeyTempoAndRepeat() throws IOException {
        NoteSequence chorale = KernReader.read(CHORALES.resolve("kern/chor001.krn"));
        // soprano first: the spines run bass to soprano, the tracks soprano to bass
        List<Integer> firstPitches = new ArrayList<>();
        for (int track = 0; track < 4; track++) {
            int t = track;
            firstPitches.add(chorale.notes().stream().filter(n -> n.track() == t && n.startTick() == 0)
                    .findFirst().orElseThrow().pitch());
        }
        assertEquals(List.of(67, 62, 59, 43), firstPitches);
        assertEquals("Soprano", chorale.metadata().trackName(0));
        assertEquals(3, chorale.timeSignatures().get(0).numerator());
        assertEquals("G major", chorale.keySignatures().get(0).name());
        assertEquals(100.0, chorale.tempos().get(0).bpm(), 1e-6);
        NoteSequence written = KernReader.read(CHORALES.resolve("kern/chor001.krn"), KernReader.Order.WRITTEN);
        assertTrue(chorale.endTick() > written.endTick(), "[A,A,B] plays section A twice");
    }

    @Test
    void durationsTiesChordsSplitsAndRepeatsByHand() throws IOException {
        Path file = kern("hand.krn",
                "**kern\t**dynam",
                "*>[A,A]\t*>[A,A]",
                "*>A\t*>A",
                "*M4/4\t*",
                "*k[b-]\t*",
                "*d:\t*",
                "4.c\tp",
                "8d\t.",
                "=1\t=1",
                "[2e\t.",
                "4e]\t.",
                "12f 12a\t.",
                "12g\t.",
                "12qa\t.",
                "12a\t.",
                "*^\t*",
                "4B-\t4c\t.",
                "*v\t*v\t*",
                "4r\t.",
                "*-\t*-");
        NoteSequence score = KernReader.read(file);
        List<String> once = List.of("60@0.0+1.5#0", "62@1.5+0.5#0", "64@2.0+3.0#0", "65@5.0+0.333#0",
                "69@5.0+0.333#0", "67@5.333+0.333#0", "69@5.667+0.333#0", "58@6.0+1.0#0", "60@6.0+1.0#0");
        List<String> rounded = new ArrayList<>();
        for (String note : VoicedNotes.of(score)) {
            String[] parts = note.split("[@+#]");
            rounded.add(parts[0] + "@" + Math.round(Double.parseDouble(parts[1]) * 1000) / 1000.0 + "+"
                    + Math.round(Double.parseDouble(parts[2]) * 1000) / 1000.0 + "#" + parts[3]);
        }
        assertEquals(18, rounded.size(), "section A played twice: " + rounded);
        for (String note : once) {
            assertTrue(rounded.contains(note), note + " in " + rounded);
        }
        assertTrue(rounded.contains("60@8.0+1.5#0"), "the repeat starts after 8 quarters: " + rounded);
        assertEquals(480, score.resolution(), "a triplet eighth is 160 ticks");
        assertEquals("D minor", score.keySignatures().get(0).name());
        assertEquals(4, score.timeSignatures().get(0).numerator());
        assertEquals(9, KernReader.read(file, KernReader.Order.WRITTEN).notes().size());
    }

    @Test
    void badKernIsOneTypedErrorNamingTheLine() throws IOException {
        assertError(kern("tie.krn", "**kern", "4c]", "*-"), 2, "a tie to nowhere");
        assertError(kern("spines.krn", "**kern\t**kern", "4c", "*-\t*-"), 2, "1 spines where 2 are open");
        assertError(kern("token.krn", "**kern", "4cz d", "*-"), 2, "has no duration");
        assertError(kern("none.krn", "**text", "hello", "*-"), 1, "no **kern spine");
        assertError(kern("exchange.krn", "**kern\t**kern", "*x\t*x", "*-\t*-"), 2, "*x (adding or exchanging");
        assertError(kern("list.krn", "**kern", "*>[A,C]", "*>A", "4c", "*-"), 2, "section C");
        Path big = dir.resolve("big.krn");
        try (RandomAccessFile raf = new RandomAccessFile(big.toFile(), "rw")) {
            raf.setLength(KernReader.MAX_FILE_BYTES + 1);
        }
        assertThrows(InputFileException.class, () -> KernReader.read(big));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ScoreFiles.write(KernReader.read(kern("ok.krn", "**kern", "4c", "*-")), dir.resolve("x.krn")));
        assertTrue(refused.getMessage().contains("does not write it"), refused.getMessage());
    }

    private static void assertError(Path file, int line, String reason) {
        KernException e = assertThrows(KernException.class, () -> KernReader.read(file));
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file + ": line " + line + ": ") && e.getMessage().contains(reason),
                e.getMessage());
    }
}
