package io.muse4j.core.token;

import io.muse4j.core.score.KeySignature;
import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.TimeSignature;

import java.util.ArrayList;
import java.util.List;

/**
 * The bars of an {@link AbcTokenizer} tune: a melody cut into bars of events, and tokens read back into music.
 * Reading accepts any token sequence, as a model may write it: a duration without an event, or an event without
 * a duration, is skipped; a meter, key or tempo after the first bar is ignored; events that overrun their bar are
 * cut at the bar line, and a bar that stops short is filled with rest, except the last.
 */
final class AbcBars {
    private AbcBars() {
    }

    /** The events of each bar of a monophonic line timed in steps (rests filled in; the last bar stops at its end). */
    static List<int[]> contents(List<Note> line, int barSteps, AbcTokenizer tokens) {
        long end = line.get(line.size() - 1).endTick();
        int barCount = (int) ((end + barSteps - 1) / barSteps);
        List<List<Integer>> bars = new ArrayList<>();
        for (int b = 0; b < barCount; b++) {
            bars.add(new ArrayList<>());
        }
        long cursor = 0;
        for (Note note : line) {
            span(bars, AbcTokenizer.REST, cursor, note.startTick(), barSteps, tokens);
            span(bars, tokens.pitchId(note.pitch()), note.startTick(), note.endTick(), barSteps, tokens);
            cursor = note.endTick();
        }
        return bars.stream().map(bar -> bar.stream().mapToInt(Integer::intValue).toArray()).toList();
    }

    /** Adds an event over steps [from, to), cut at bar lines and into durations of at most a whole note. */
    private static void span(List<List<Integer>> bars, int event, long from, long to, int barSteps,
                             AbcTokenizer tokens) {
        long at = from;
        while (at < to) {
            int bar = (int) (at / barSteps);
            long piece = Math.min(Math.min(to, (bar + 1L) * barSteps) - at, tokens.maxDuration());
            bars.get(bar).add(at == from || event == AbcTokenizer.REST ? event : AbcTokenizer.CONTINUE);
            bars.get(bar).add(tokens.durationId((int) piece));
            at += piece;
        }
    }

    /** A written bar: its opener, its events as {event, steps} and whether {@code :|} closes it. */
    private record Written(BarForm.Opener opener, List<int[]> events, boolean repeatEnd) {
    }

    /** The music of tokens (up to the first end token), repeats played out. */
    static NoteSequence decode(int[] tokens, AbcTokenizer vocabulary) {
        TimeSignature meter = new TimeSignature(0, 4, 4);
        KeySignature key = null;
        int bpm = 120;
        List<Written> written = new ArrayList<>();
        List<int[]> events = new ArrayList<>();
        BarForm.Opener opener = BarForm.Opener.NONE;
        int pending = -1;
        boolean music = false;
        for (int token : tokens) {
            if (token == AbcTokenizer.END) {
                break;
            }
            if (token == AbcTokenizer.BAR || token == AbcTokenizer.REPEAT_END) {
                written.add(new Written(opener, events, token == AbcTokenizer.REPEAT_END));
                events = new ArrayList<>();
                opener = BarForm.Opener.NONE;
                music = true;
            } else if (token >= AbcTokenizer.REPEAT_START && token <= AbcTokenizer.SECOND_ENDING) {
                if (!events.isEmpty()) {
                    written.add(new Written(opener, events, false));
                    events = new ArrayList<>();
                }
                opener = token == AbcTokenizer.REPEAT_START ? BarForm.Opener.REPEAT
                        : token == AbcTokenizer.FIRST_ENDING ? BarForm.Opener.FIRST_ENDING : BarForm.Opener.SECOND_ENDING;
                music = true;
            } else if (token == AbcTokenizer.REST || token == AbcTokenizer.CONTINUE || vocabulary.pitchOf(token) >= 0) {
                pending = token;
                music = true;
            } else if (vocabulary.durationOf(token) > 0) {
                if (pending >= 0) {
                    events.add(new int[] {pending, vocabulary.durationOf(token)});
                    pending = -1;
                }
            } else if (!music && vocabulary.meterOf(token) != null) {
                meter = vocabulary.meterOf(token);
            } else if (!music && vocabulary.keyOf(token) != null) {
                key = vocabulary.keyOf(token);
            } else if (!music && vocabulary.tempoOf(token) > 0) {
                bpm = vocabulary.tempoOf(token);
            }
        }
        if (!events.isEmpty()) {
            written.add(new Written(opener, events, false));
        }
        AbcFrame frame = new AbcFrame(vocabulary.stepsPerQuarter(), meter, key, bpm);
        return frame.score(played(written, frame.barSteps(), vocabulary));
    }

    /** The notes, in steps, of the written bars played in order, each bar at its bar line. */
    private static List<Note> played(List<Written> written, int barSteps, AbcTokenizer vocabulary) {
        List<BarForm.Bar> form = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            form.add(new BarForm.Bar(written.get(i).opener(), i, written.get(i).repeatEnd()));
        }
        List<Note> notes = new ArrayList<>();
        long barStart = 0;
        for (int index : BarForm.played(form)) {
            long at = barStart;
            for (int[] event : written.get(index).events()) {
                long length = Math.min(event[1], barStart + barSteps - at);
                if (length <= 0) {
                    break;
                }
                Note last = notes.isEmpty() ? null : notes.get(notes.size() - 1);
                if (event[0] == AbcTokenizer.CONTINUE && last != null && last.endTick() == at) {
                    notes.set(notes.size() - 1, last.withTiming(last.startTick(), last.durationTicks() + length));
                } else if (vocabulary.pitchOf(event[0]) >= 0) {
                    notes.add(Note.of(vocabulary.pitchOf(event[0]), 1, at, length));
                }
                at += length;
            }
            barStart += barSteps;
        }
        return notes;
    }
}
