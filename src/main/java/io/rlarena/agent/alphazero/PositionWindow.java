package io.rlarena.agent.alphazero;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** The newest self-play positions, in flat ring buffers: planes, visit distribution and outcome of each. */
final class PositionWindow {

    private final int capacity;
    private final int inputSize;
    private final int actions;
    private final float[] planes;
    private final float[] visits;
    private final float[] outcomes;
    private int size;
    private int next;

    PositionWindow(int capacity, int inputSize, int actions) {
        this.capacity = capacity;
        this.inputSize = inputSize;
        this.actions = actions;
        this.planes = new float[capacity * inputSize];
        this.visits = new float[capacity * actions];
        this.outcomes = new float[capacity];
    }

    int size() {
        return size;
    }

    /** Keeps a position, replacing the oldest once the window is full. */
    void add(float[] positionPlanes, float[] positionVisits, float outcome) {
        System.arraycopy(positionPlanes, 0, planes, next * inputSize, inputSize);
        System.arraycopy(positionVisits, 0, visits, next * actions, actions);
        outcomes[next] = outcome;
        next = (next + 1) % capacity;
        size = Math.min(size + 1, capacity);
    }

    /** Copies position {@code index} into row {@code row} of a minibatch. */
    void copy(int index, int row, float[] batchPlanes, float[] batchVisits, float[] batchOutcomes) {
        System.arraycopy(planes, index * inputSize, batchPlanes, row * inputSize, inputSize);
        System.arraycopy(visits, index * actions, batchVisits, row * actions, actions);
        batchOutcomes[row] = outcomes[index];
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(size);
        out.writeInt(next);
        for (int i = 0; i < size * inputSize; i++) {
            out.writeFloat(planes[i]);
        }
        for (int i = 0; i < size * actions; i++) {
            out.writeFloat(visits[i]);
        }
        for (int i = 0; i < size; i++) {
            out.writeFloat(outcomes[i]);
        }
    }

    void read(DataInputStream in) throws IOException {
        int storedSize = in.readInt();
        int storedNext = in.readInt();
        if (storedSize < 0 || storedSize > capacity || storedNext < 0 || storedNext >= capacity) {
            throw new IOException("the position window holds " + storedSize + " positions (next " + storedNext
                    + "), this configuration keeps " + capacity);
        }
        size = storedSize;
        next = storedNext;
        for (int i = 0; i < size * inputSize; i++) {
            planes[i] = in.readFloat();
        }
        for (int i = 0; i < size * actions; i++) {
            visits[i] = in.readFloat();
        }
        for (int i = 0; i < size; i++) {
            outcomes[i] = in.readFloat();
        }
    }
}
