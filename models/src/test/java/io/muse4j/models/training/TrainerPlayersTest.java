package io.muse4j.models.training;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Alternating optimisers (players over disjoint weights) and scheduled loss terms, on a two-number game. */
class TrainerPlayersTest {
    @TempDir
    Path dir;

    /** A player owning one number {@code mine}, pulled towards a target by a loss whose weight follows a schedule. */
    private static final class Player implements Trainable<Long> {
        private final String name;
        private final INDArray mine;
        private final INDArray target;
        private final Schedule weight;

        Player(String name, double start, INDArray target, Schedule weight) {
            this.name = name;
            this.mine = Nd4j.scalar(DataType.FLOAT, start).reshape(1);
            this.target = target;
            this.weight = weight;
        }

        double value() {
            return mine.getDouble(0);
        }

        @Override
        public Map<String, INDArray> weights() {
            return Map.of(name, mine);
        }

        @Override
        public LossAndGradients lossAndGradients(Long batch, long step) {
            double w = weight.at(step);
            double gap = value() - target.getDouble(0);
            return new LossAndGradients(w * gap * gap, Map.of(name, mine.ulike().assign(2 * w * gap)));
        }

        @Override
        public double loss(Long batch) {
            double gap = value() - target.getDouble(0);
            return gap * gap;
        }

        @Override
        public int targets(Long batch) {
            return 1;
        }
    }

    /** The leader heads for 3, its pull warming up over 50 steps; the follower chases the leader. */
    private static List<Player> game() {
        Player leader = new Player("leader", -2, Nd4j.scalar(DataType.FLOAT, 3.0).reshape(1),
                Schedule.linear(0, 1, 0, 50));
        Player follower = new Player("follower", 5, leader.mine, Schedule.constant(1));
        return List.of(leader, follower);
    }

    private Trainer<Long> trainer(List<Player> players, Path checkpoint, TrainingListener... listeners) {
        TrainerConfig config = new TrainerConfig(400, 0.05, 0, 1.0, 0, 50, 40, 0);
        return new Trainer<>(config, players, i -> i, List.of(0L), checkpoint, List.of(listeners));
    }

    @Test
    void eachPlayerStepsItsOwnWeightsInTurnAndTheGameSettles() throws Exception {
        List<Player> players = game();
        trainer(players, dir.resolve("game.ckpt")).train(false);
        assertEquals(3, players.get(0).value(), 0.05);
        assertEquals(3, players.get(1).value(), 0.05);
    }

    @Test
    void aKilledGameResumesExactly() throws Exception {
        List<Player> whole = game();
        trainer(whole, dir.resolve("whole.ckpt")).train(false);
        Path checkpoint = dir.resolve("killed.ckpt");
        assertThrows(IllegalStateException.class,
                () -> trainer(game(), checkpoint, new TrainerTest.Kill(130)).train(false));
        List<Player> resumed = game();
        trainer(resumed, checkpoint).train(true);
        assertEquals(whole.get(0).value(), resumed.get(0).value(), 0.0);
        assertEquals(whole.get(1).value(), resumed.get(1).value(), 0.0);
    }

    @Test
    void playersMayNotShareAWeight() {
        Player one = new Player("same", 0, Nd4j.scalar(DataType.FLOAT, 1.0).reshape(1), Schedule.constant(1));
        Player two = new Player("same", 0, Nd4j.scalar(DataType.FLOAT, 1.0).reshape(1), Schedule.constant(1));
        assertEquals("weight 'same' belongs to two players", assertThrows(IllegalArgumentException.class,
                () -> trainer(List.of(one, two), dir.resolve("x.ckpt"))).getMessage());
    }

    @Test
    void schedulesAreConstantOrLinearRamps() {
        Schedule ramp = Schedule.linear(0, 1, 10, 20);
        assertEquals(0, ramp.at(0));
        assertEquals(0, ramp.at(10));
        assertEquals(0.5, ramp.at(15), 1e-12);
        assertEquals(1, ramp.at(20));
        assertEquals(1, ramp.at(1000));
        assertEquals(0.3, Schedule.constant(0.3).at(77));
        assertThrows(IllegalArgumentException.class, () -> Schedule.linear(0, 1, 5, 4));
    }
}
