package io.rlarena.env;

/**
 * An environment whose dynamics are unchanged by mirroring its image-like observations
 * (channels x rows x columns) left to right, together with a matching map of actions: a learner
 * may add every transition's mirror image to what it learns from (data augmentation).
 */
public interface MirrorSymmetric {

    /**
     * The action that does in the mirrored state what {@code action} does here; -1 for every
     * action if this environment's dynamics are not symmetric after all (e.g. a game's rules).
     */
    int mirrorAction(int action);

    /** {@code observation}, of shape {@code [channels, rows, columns]}, with every row reversed. */
    static float[] mirror(float[] observation, int[] shape) {
        return mirror(observation, shape, new float[observation.length]);
    }

    /** {@link #mirror(float[], int[])} into {@code out} (as long as the observation); returns {@code out}. */
    static float[] mirror(float[] observation, int[] shape, float[] out) {
        int columns = shape[shape.length - 1];
        for (int rowStart = 0; rowStart < observation.length; rowStart += columns) {
            for (int c = 0; c < columns; c++) {
                out[rowStart + c] = observation[rowStart + columns - 1 - c];
            }
        }
        return out;
    }
}
