package io.muse4j.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.muse4j.core.score.KeySignature;
import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.PitchNames;
import io.muse4j.core.score.TempoChange;
import io.muse4j.core.score.TempoMap;
import io.muse4j.core.score.TimeSignature;
import io.muse4j.midi.MidiFile;
import io.muse4j.midi.abc.AbcTune;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;

/**
 * What {@code inspect} reports about one MIDI file, one ABC tune or one **kern file, as text or as one JSON object.
 *
 * @param from where the score came from: a MIDI file's format and tracks, or an ABC tune's number and title
 */
record ScoreSummary(String file, From from, NoteSequence seq, List<Integer> programs, int pitchMin, int pitchMax,
                    long drumNotes) {
    private static final JsonFactory JSON = new JsonFactory();

    /**
     * A MIDI file (format and tracks), an ABC tune (its X: number and title) or a kern file (its tracks).
     *
     * @param midiFormat the MIDI format, -1 for an ABC tune, {@link #KERN} for a kern file
     * @param tracks the MIDI tracks, 1 for an ABC tune, the tracks of a kern file's **kern spines
     * @param tune the ABC tune's X: number, -1 for a MIDI file
     * @param title the ABC tune's title, empty for a MIDI file
     */
    record From(int midiFormat, int tracks, int tune, String title) {
        /** The midiFormat of a kern file. */
        static final int KERN = -2;
    }

    static ScoreSummary of(String file, MidiFile midi) {
        return of(file, new From(midi.format(), midi.trackCount(), -1, ""), midi.sequence());
    }

    static ScoreSummary ofKern(String file, NoteSequence seq) {
        int tracks = (int) seq.notes().stream().mapToInt(Note::track).distinct().count();
        return of(file, new From(From.KERN, tracks, -1, ""), seq);
    }

    static ScoreSummary of(String file, AbcTune tune) {
        return of(file, new From(-1, 1, tune.number(), tune.title()), tune.sequence());
    }

    private static ScoreSummary of(String file, From from, NoteSequence seq) {
        List<Note> notes = seq.notes();
        List<Integer> programs = notes.stream().filter(n -> !n.drum()).map(Note::program).distinct().sorted().toList();
        int min = notes.stream().mapToInt(Note::pitch).min().orElse(-1);
        int max = notes.stream().mapToInt(Note::pitch).max().orElse(-1);
        return new ScoreSummary(file, from, seq, programs, min, max, notes.stream().filter(Note::drum).count());
    }

    String toText() {
        TempoMap time = seq.tempoMap();
        StringBuilder s = new StringBuilder(file).append('\n');
        if (from.tune() >= 0) {
            line(s, "format", "ABC tune X:%d%s, %d ticks per quarter", from.tune(),
                    from.title().isEmpty() ? "" : " (" + from.title() + ")", seq.resolution());
        } else if (from.midiFormat() == From.KERN) {
            line(s, "format", "Humdrum **kern, %d track%s, %d ticks per quarter", from.tracks(),
                    from.tracks() == 1 ? "" : "s", seq.resolution());
        } else {
            line(s, "format", "%d, %d track%s, %d ticks per quarter", from.midiFormat(), from.tracks(),
                    from.tracks() == 1 ? "" : "s", seq.resolution());
        }
        line(s, "notes", "%d (%d drum), %.2f s", seq.notes().size(), drumNotes, seq.durationSeconds());
        line(s, "tempos", "%s", seq.tempos().isEmpty() ? "120 bpm (default)" : String.join(", ", seq.tempos().stream()
                .map(t -> String.format(Locale.ROOT, "%.2f bpm at %.2f s", t.bpm(), time.seconds(t.tick()))).toList()));
        line(s, "meters", "%s", seq.timeSignatures().isEmpty() ? "4/4 (default)" : String.join(", ",
                seq.timeSignatures().stream().map(t -> String.format(Locale.ROOT, "%d/%d at %.2f s", t.numerator(),
                        t.denominator(), time.seconds(t.tick()))).toList()));
        line(s, "keys", "%s", seq.keySignatures().isEmpty() ? "none" : String.join(", ", seq.keySignatures().stream()
                .map(k -> String.format(Locale.ROOT, "%s at %.2f s", k.name(), time.seconds(k.tick()))).toList()));
        line(s, "programs", "%s", programs.isEmpty() ? "none" : String.join(", ",
                programs.stream().map(String::valueOf).toList()));
        line(s, "pitches", "%s", pitchMin < 0 ? "none" : pitchMin + ".." + pitchMax + " ("
                + PitchNames.withOctave(pitchMin) + ".." + PitchNames.withOctave(pitchMax) + ")");
        return s.toString();
    }

    private static void line(StringBuilder s, String label, String format, Object... args) {
        s.append(String.format(Locale.ROOT, "  %-9s ", label + ":")).append(String.format(Locale.ROOT, format, args))
                .append('\n');
    }

    String toJson() {
        TempoMap time = seq.tempoMap();
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("file", file);
            if (from.tune() >= 0) {
                g.writeStringField("format", "abc");
                g.writeNumberField("tune", from.tune());
                g.writeStringField("title", from.title());
            } else if (from.midiFormat() == From.KERN) {
                g.writeStringField("format", "kern");
            } else {
                g.writeNumberField("format", from.midiFormat());
            }
            g.writeNumberField("tracks", from.tracks());
            g.writeNumberField("resolution", seq.resolution());
            g.writeNumberField("notes", seq.notes().size());
            g.writeNumberField("durationSeconds", seq.durationSeconds());
            g.writeArrayFieldStart("tempos");
            for (TempoChange t : seq.tempos()) {
                g.writeStartObject();
                timeFields(g, time, t.tick());
                g.writeNumberField("bpm", t.bpm());
                g.writeNumberField("microsPerQuarter", t.microsPerQuarter());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("timeSignatures");
            for (TimeSignature t : seq.timeSignatures()) {
                g.writeStartObject();
                timeFields(g, time, t.tick());
                g.writeNumberField("numerator", t.numerator());
                g.writeNumberField("denominator", t.denominator());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("keySignatures");
            for (KeySignature k : seq.keySignatures()) {
                g.writeStartObject();
                timeFields(g, time, k.tick());
                g.writeStringField("key", k.name());
                g.writeNumberField("sharps", k.sharps());
                g.writeBooleanField("minor", k.minor());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("programs");
            for (int program : programs) {
                g.writeNumber(program);
            }
            g.writeEndArray();
            writeNullableInt(g, "pitchMin", pitchMin);
            writeNullableInt(g, "pitchMax", pitchMax);
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to a string failed", e);
        }
        return out.toString();
    }

    private static void timeFields(JsonGenerator g, TempoMap time, long tick) throws IOException {
        g.writeNumberField("tick", tick);
        g.writeNumberField("seconds", time.seconds(tick));
    }

    private static void writeNullableInt(JsonGenerator g, String field, int value) throws IOException {
        if (value < 0) {
            g.writeNullField(field);
        } else {
            g.writeNumberField(field, value);
        }
    }
}
