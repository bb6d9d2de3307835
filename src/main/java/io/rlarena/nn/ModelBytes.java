package io.rlarena.nn;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** DL4J models to and from bytes in DL4J's own zip format (JSON configuration plus binary parameters). */
public final class ModelBytes {

    private ModelBytes() {
    }

    public static byte[] write(MultiLayerNetwork network, boolean withUpdater) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ModelSerializer.writeModel(network, out, withUpdater);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IllegalArgumentException if the bytes are not a readable DL4J model */
    public static MultiLayerNetwork read(byte[] bytes, boolean withUpdater) {
        try {
            return ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes), withUpdater);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("the DL4J model inside is unreadable (" + e.getMessage() + ")", e);
        }
    }
}
