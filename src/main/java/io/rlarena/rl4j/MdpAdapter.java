package io.rlarena.rl4j;

import io.rlarena.env.EnvSpec;
import org.deeplearning4j.gym.StepReply;
import org.deeplearning4j.rl4j.mdp.MDP;
import org.deeplearning4j.rl4j.space.DiscreteSpace;
import org.deeplearning4j.rl4j.space.ObservationSpace;

/**
 * An RL4J {@link MDP} with a {@link DiscreteSpace} of actions as an rlarena environment:
 * observations of the shape its {@link ObservationSpace} declares (its bounds where they are
 * real), {@code isDone()} as {@code terminated}.
 */
final class MdpAdapter extends Rl4jAdapter {

    @SuppressWarnings("rawtypes")
    private final MDP mdp;

    MdpAdapter(EnvSpec spec, MDP<?, ?, ?> mdp) {
        super(spec, mdp, actionCount(mdp));
        this.mdp = mdp;
        ObservationSpace<?> space = mdp.getObservationSpace();
        if (space == null || space.getShape() == null) {
            throw new IllegalArgumentException(mdp.getClass().getName() + ".getObservationSpace() declares no shape: "
                    + "return an ObservationSpace (such as ArrayObservationSpace) with the observations' shape");
        }
        declareObservations(space.getShape(), space.getLow(), space.getHigh());
    }

    private static int actionCount(MDP<?, ?, ?> mdp) {
        Object space = mdp.getActionSpace();
        if (!(space instanceof DiscreteSpace discrete)) {
            throw new IllegalArgumentException(mdp.getClass().getName() + " has the action space "
                    + (space == null ? "null" : space.getClass().getName()) + ": rlarena's agents choose among "
                    + "discrete actions, so give the MDP an org.deeplearning4j.rl4j.space.DiscreteSpace");
        }
        if (discrete.getSize() < 1) {
            throw new IllegalArgumentException(mdp.getClass().getName() + " has a DiscreteSpace of size "
                    + discrete.getSize() + ": declare at least one action");
        }
        return discrete.getSize();
    }

    @Override
    Object resetForeign() {
        return mdp.reset();
    }

    @Override
    @SuppressWarnings("unchecked")
    ForeignStep stepForeign(int action) {
        StepReply<?> reply = mdp.step(Integer.valueOf(action));
        return new ForeignStep(reply.getObservation(), reply.getReward(), reply.isDone() || mdp.isDone());
    }

    @Override
    public void close() {
        mdp.close();
    }
}
