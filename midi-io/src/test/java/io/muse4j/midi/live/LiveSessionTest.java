package io.muse4j.midi.live;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.midi.MidiReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A simulated keyboard plays scripted calls into a session on a virtual clock; the output is checked note by note. */
class LiveSessionTest {
    private static final int RESPONSE_CHANNEL = 1;
    private final VirtualLoop loop = new VirtualLoop();
    private final Heard heard = new Heard(loop);
    private final List<Asked> asked = Collections.synchronizedList(new ArrayList<>());

    /** Answers with the call an octave up, keeping its rhythm. */
    private final Responder octaveUp = (call, seconds, turn) -> {
        asked.add(new Asked(call, seconds, turn));
        List<Note> notes = new ArrayList<>();
        for (Note note : call.notes()) {
            notes.add(note.withPitch(note.pitch() + 12));
        }
        return call.withNotes(notes);
    };

    private LiveSession session(LiveSettings settings, Receiver out) {
        return new LiveSession(settings, loop, octaveUp, out, "test port", null);
    }

    private LiveSession session(LiveSettings settings) {
        return session(settings, heard);
    }

    private static LiveSettings settings(LiveSettings.WhileResponding mode) {
        return new LiveSettings(600, 8, -1, 0, mode, RESPONSE_CHANNEL, 120, false);
    }

    @Test
    void theResponseStartsWhenTheSilenceEndsAndPlaysOnTimeWithEveryNoteClosed() throws Exception {
        LiveSession session = session(LiveSettings.defaults());
        scale(session, 0, 60, 62, 64, 65); // last key up at 950 ms
        loop.runUntil(ms(5000));

        List<Timed> ons = heard.noteOns();
        assertEquals(4, ons.size());
        for (int i = 0; i < 4; i++) {
            assertEquals(ms(950 + 600 + 250 * i), ons.get(i).at(), "note-on " + i);
            assertEquals(new int[] {72, 74, 76, 77}[i], ons.get(i).message().getData1());
            assertEquals(RESPONSE_CHANNEL, ons.get(i).message().getChannel());
        }
        heard.assertEveryNoteClosed();
        Asked used = asked.get(asked.size() - 1);
        assertEquals(4, used.call().notes().size());
        assertEquals(0.95, used.seconds(), 1e-3, "the response lasts as long as the call");
        assertEquals(List.of(0L), session.latencies(), "the answer was ready when the call was judged");
    }

    @Test
    void aPauseShorterThanTheSilenceKeepsOneCall() {
        LiveSession session = session(LiveSettings.defaults());
        scale(session, 0, 60, 62);
        scale(session, 500 + 500, 64, 65); // 550 ms after the last key up: still the same call
        loop.runUntil(ms(6000));
        assertEquals(4, heard.noteOns().size());
        assertEquals(ms(1450 + 600), heard.noteOns().get(0).at());
        assertEquals(4, asked.get(asked.size() - 1).call().notes().size());
        heard.assertEveryNoteClosed();
    }

    @Test
    void theLongestCallIsCutOffWithKeysStillHeld() {
        LiveSession session = new LiveSession(new LiveSettings(600, 1, -1, 0, LiveSettings.WhileResponding.INTERRUPT,
                RESPONSE_CHANNEL, 120, false), loop, octaveUp, heard, "test port", null);
        key(session, 0, 60, true);
        key(session, 3000, 60, false);
        loop.runUntil(ms(6000));
        assertEquals(1, heard.noteOns().size());
        assertEquals(ms(1000), heard.noteOns().get(0).at(), "cut off at 1 s");
        assertEquals(1.0, asked.get(asked.size() - 1).call().durationSeconds(), 1e-3);
        heard.assertEveryNoteClosed();
    }

    @Test
    void theEndControllerEndsTheCallAtOnce() throws Exception {
        LiveSession session = new LiveSession(new LiveSettings(600, 8, 64, 0, LiveSettings.WhileResponding.INTERRUPT,
                RESPONSE_CHANNEL, 120, false), loop, octaveUp, heard, "test port", null);
        scale(session, 0, 60, 62);
        loop.schedule(ms(500), () -> session.input().send(LiveMessages.message(ShortMessage.CONTROL_CHANGE, 0, 64, 127), -1));
        loop.runUntil(ms(5000));
        assertEquals(ms(500), heard.noteOns().get(0).at());
        heard.assertEveryNoteClosed();
    }

    @Test
    void aKeyDuringAResponseInterruptsItAndStartsTheNextCall() {
        LiveSession session = session(settings(LiveSettings.WhileResponding.INTERRUPT));
        scale(session, 0, 60, 62, 64, 65); // answered from 1550 to 2500 ms
        key(session, 1700, 67, true);      // during the response's first note
        key(session, 1900, 67, false);
        loop.runUntil(ms(8000));
        List<Timed> ons = heard.noteOns();
        assertEquals(2, ons.size(), "one note of the first response, then the answer to the second call");
        assertEquals(72, ons.get(0).message().getData1());
        assertEquals(ms(1700), heard.noteOffOf(72, ms(1550)).at(), "the interrupted note stops with the key");
        assertEquals(79, ons.get(1).message().getData1());
        assertEquals(ms(1900 + 600), ons.get(1).at());
        heard.assertEveryNoteClosed();
    }

    @Test
    void aKeyDuringAResponseIsQueuedWhenAsked() {
        LiveSession session = session(settings(LiveSettings.WhileResponding.QUEUE));
        scale(session, 0, 60, 62, 64, 65); // answered from 1550 ms, last note-off at 2500
        key(session, 1700, 67, true);      // judged at 2350 ms, while the response still plays
        key(session, 1750, 67, false);
        loop.runUntil(ms(8000));
        List<Timed> ons = heard.noteOns();
        assertEquals(5, ons.size());
        assertEquals(ms(2300), ons.get(3).at(), "the first response plays to its end");
        assertEquals(79, ons.get(4).message().getData1());
        assertEquals(ms(2500), ons.get(4).at(), "the queued answer follows the first response");
        heard.assertEveryNoteClosed();
    }

    @Test
    void aPortThatEchoesTheResponseBackDoesNotFeedItself() {
        LiveSettings samePort = new LiveSettings(600, 8, -1, 0, LiveSettings.WhileResponding.INTERRUPT,
                RESPONSE_CHANNEL, 120, true);
        LiveSession[] session = new LiveSession[1];
        Receiver loopback = new Receiver() {
            @Override
            public void send(MidiMessage message, long timeStamp) {
                heard.send(message, timeStamp);
                session[0].input().send(message, timeStamp);
            }

            @Override
            public void close() {
            }
        };
        session[0] = session(samePort, loopback);
        scale(session[0], 0, 60, 62);
        loop.runUntil(ms(20_000));
        assertEquals(2, heard.noteOns().size(), "one answer, never an answer to the answer");
        assertTrue(asked.stream().allMatch(a -> a.turn() == 0));
    }

    @Test
    void closingMidResponseStopsEveryNoteAndSendsAllNotesOff() throws Exception {
        LiveSession session = session(LiveSettings.defaults());
        scale(session, 0, 60, 62, 64, 65);
        loop.runUntil(ms(1600)); // the first answer note sounds
        session.close();
        heard.assertEveryNoteClosed();
        List<Timed> last = heard.all().subList(heard.all().size() - 16, heard.all().size());
        for (int channel = 0; channel < 16; channel++) {
            ShortMessage m = last.get(channel).message();
            assertEquals(ShortMessage.CONTROL_CHANGE, m.getCommand());
            assertEquals(Output.ALL_NOTES_OFF, m.getData1());
            assertEquals(channel, m.getChannel());
        }
        int before = heard.all().size();
        loop.runUntil(ms(9000));
        assertEquals(before, heard.all().size(), "nothing is sent after close");
    }

    @Test
    void aDeviceThatDisappearsFailsTheSessionNamingIt() throws Exception {
        LiveSession session = session(LiveSettings.defaults());
        AtomicBoolean present = new AtomicBoolean(true);
        session.watch("MIDI input 'Keys'", present::get, Runnable::run);
        scale(session, 0, 60, 62, 64, 65);
        loop.runUntil(ms(1600));
        present.set(false);
        loop.runUntil(ms(2200));
        ExecutionException e = assertThrows(ExecutionException.class, () -> session.finished().get());
        assertEquals("MIDI input 'Keys' disappeared", e.getCause().getMessage());
        session.close();
        heard.assertEveryNoteClosed();
    }

    @Test
    void devicesAreCheckedOffTheLoopThread() throws Exception {
        LiveSession session = session(LiveSettings.defaults());
        Thread loopThread = Thread.currentThread();
        List<Thread> checkedOn = Collections.synchronizedList(new ArrayList<>());
        session.watch("MIDI output 'Synth'", () -> {
            checkedOn.add(Thread.currentThread());
            return false;
        });
        long deadline = System.nanoTime() + 10_000_000_000L;
        for (long at = ms(600); !session.finished().isDone() && System.nanoTime() < deadline; at += ms(10)) {
            loop.runUntil(at);
            Thread.sleep(1);
        }
        ExecutionException e = assertThrows(ExecutionException.class, () -> session.finished().get());
        assertEquals("MIDI output 'Synth' disappeared", e.getCause().getMessage());
        assertEquals(1, checkedOn.size());
        assertFalse(checkedOn.get(0) == loopThread, "the check ran on the loop's thread");
        session.close();
    }

    @Test
    void anOutputThatFailsEndsTheSessionWithItsName() {
        Receiver broken = new Receiver() {
            @Override
            public void send(MidiMessage message, long timeStamp) {
                throw new IllegalStateException("Receiver is closed");
            }

            @Override
            public void close() {
            }
        };
        LiveSession session = session(LiveSettings.defaults(), broken);
        scale(session, 0, 60);
        loop.runUntil(ms(3000));
        ExecutionException e = assertThrows(ExecutionException.class, () -> session.finished().get());
        assertEquals("MIDI output 'test port' failed: Receiver is closed", e.getCause().getMessage());
    }

    @Test
    void theRecordingHoldsCallsAndResponsesOnTracksOfTheirOwn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("session.mid");
        LiveSession session = new LiveSession(LiveSettings.defaults(), loop, octaveUp, heard, "test port", file);
        scale(session, 0, 60, 62);
        loop.runUntil(ms(5000));
        session.close();
        NoteSequence recorded = MidiReader.read(file).sequence();
        List<Note> calls = recorded.notes().stream().filter(n -> n.track() == Recording.CALL_TRACK).toList();
        List<Note> responses = recorded.notes().stream().filter(n -> n.track() == Recording.RESPONSE_TRACK).toList();
        assertEquals(List.of(60, 62), calls.stream().map(Note::pitch).toList());
        assertEquals(List.of(72, 74), responses.stream().map(Note::pitch).toList());
        // 120 bpm at 480 ticks per quarter: 960 ticks a second
        assertEquals(List.of(0L, 240L), calls.stream().map(Note::startTick).toList());
        assertEquals(List.of(192L, 192L), calls.stream().map(Note::durationTicks).toList());
        assertEquals(List.of(1008L, 1248L), responses.stream().map(Note::startTick).toList());
        assertEquals("response", recorded.metadata().trackName(Recording.RESPONSE_TRACK));
    }

    @Test
    void responseBarsSetTheAnswersLength() {
        LiveSession session = session(new LiveSettings(600, 8, -1, 2, LiveSettings.WhileResponding.INTERRUPT,
                RESPONSE_CHANNEL, 90, false));
        scale(session, 0, 60);
        loop.runUntil(ms(3000));
        assertEquals(2 * 4 * 60 / 90.0, asked.get(asked.size() - 1).seconds(), 1e-9);
    }

    @Test
    void aSessionFinishesOnceTheLastCallIsAnswered() throws Exception {
        LiveSession session = session(LiveSettings.defaults());
        scale(session, 0, 60, 62);
        loop.schedule(ms(450), session::endOfInput);
        loop.runUntil(ms(1400));
        assertFalse(session.finished().isDone(), "the call is still being answered");
        loop.runUntil(ms(3000));
        assertTrue(session.finished().isDone());
        assertEquals(2, heard.noteOns().size());
    }

    @Test
    void settingsOutOfRangeAreRefusedNamingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LiveSettings(
                10, 8, -1, 0, LiveSettings.WhileResponding.QUEUE, 1, 120, false));
        assertEquals("silence (ms) 10 outside 50..60000", e.getMessage());
    }

    /** Plays {@code pitches} as 200 ms notes every 250 ms from {@code fromMs}. */
    private void scale(LiveSession session, long fromMs, int... pitches) {
        for (int i = 0; i < pitches.length; i++) {
            key(session, fromMs + 250L * i, pitches[i], true);
            key(session, fromMs + 250L * i + 200, pitches[i], false);
        }
    }

    private void key(LiveSession session, long atMs, int pitch, boolean down) {
        ShortMessage m = LiveMessages.note(down, 0, pitch, 90);
        loop.schedule(ms(atMs), () -> session.input().send(m, -1));
    }

    private static long ms(long millis) {
        return millis * 1_000_000L;
    }

    private record Asked(NoteSequence call, double seconds, int turn) {
    }
}
