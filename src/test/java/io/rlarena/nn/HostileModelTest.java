package io.rlarena.nn;

import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Model bytes crafted by an attacker: nothing is deserialized, no declared size is trusted. */
public class HostileModelTest {

    /** Set when Java deserialization runs this class's {@code readObject}. */
    static volatile boolean deserialized;

    /** A payload DL4J's own reader hands to {@link ObjectInputStream#readObject()}. */
    static final class Tripwire implements DataSetPreProcessor, Serializable {
        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            deserialized = true;
        }

        @Override
        public void preProcess(DataSet dataSet) {
        }
    }

    private static byte[] validModel() {
        Network network = new NetworkSpec(List.of(), List.of(8), "relu", false).build(new int[] {4}, 2, 1e-2,
                new HuberLoss(), 1);
        return ModelBytes.write(network, true);
    }

    @Test
    void aSerializedObjectInTheModelIsRefusedUnread() throws Exception {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(payload)) {
            out.writeObject(new Tripwire());
        }
        Map<String, byte[]> entries = entries(validModel());
        entries.put("preprocessor.bin", payload.toByteArray());
        byte[] hostile = zip(entries);
        // DL4J's own reader runs the payload: the reason rlarena reads models itself
        deserialized = false;
        ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(hostile), false);
        assertTrue(deserialized, "the fixture must be one DL4J deserializes");

        deserialized = false;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelBytes.read(hostile, false));
        assertFalse(deserialized, "rlarena must never deserialize Java objects");
        assertTrue(e.getMessage().contains("preprocessor.bin") && e.getMessage().contains("refused"), e.getMessage());
    }

    @Test
    void aDeclaredLengthBeyondTheConfigurationIsRefusedBeforeAllocating() throws Exception {
        Map<String, byte[]> entries = entries(validModel());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        writeHeader(out, "MIXED_DATA_TYPES", 8, "LONG");
        for (long v : new long[] {2, 1, 1L << 29, 1L << 29, 1, 0, 1, 99}) {
            out.writeLong(v);
        }
        writeHeader(out, "MIXED_DATA_TYPES", 1L << 29, "FLOAT"); // 2 GiB declared, a few bytes present
        out.writeFloat(1f);
        entries.put(ModelBytes.COEFFICIENTS, bytes.toByteArray());
        long before = usedHeap();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelBytes.read(zip(entries), false));
        assertTrue(e.getMessage().contains("536870912 values") && e.getMessage().contains("needs 58"), e.getMessage());
        assertTrue(usedHeap() - before < 256 << 20, "nothing of the declared size was allocated");
    }

    @Test
    void aConfigurationNamingAForeignClassIsRefused() throws Exception {
        Map<String, byte[]> entries = entries(validModel());
        String json = new String(entries.get(ModelBytes.CONFIGURATION), StandardCharsets.UTF_8);
        String foreign = json.replaceFirst("\"@class\"\\s*:\\s*\"[^\"]+\"", "\"@class\" : \"com.example.Gadget\"");
        assertFalse(foreign.equals(json), "the fixture must name a class");
        entries.put(ModelBytes.CONFIGURATION, foreign.getBytes(StandardCharsets.UTF_8));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelBytes.read(zip(entries), false));
        assertTrue(e.getMessage().contains("com.example.Gadget"), e.getMessage());
    }

    @Test
    void aForeignClassHiddenBehindADuplicateKeyIsRefused() throws Exception {
        Map<String, byte[]> entries = entries(validModel());
        String json = new String(entries.get(ModelBytes.CONFIGURATION), StandardCharsets.UTF_8);
        java.util.regex.Matcher first = java.util.regex.Pattern.compile("\"@class\"\\s*:\\s*\"[^\"]+\"").matcher(json);
        assertTrue(first.find(), "the fixture must name a class");
        // Jackson reads the first of two equal keys, a JSON tree keeps the last
        String doubled = json.substring(0, first.start()) + "\"@class\" : \"com.example.Gadget\", " + first.group()
                + json.substring(first.end());
        entries.put(ModelBytes.CONFIGURATION, doubled.getBytes(StandardCharsets.UTF_8));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelBytes.read(zip(entries), false));
        assertTrue(e.getMessage().contains("com.example.Gadget"), e.getMessage());
    }

    @Test
    void aConfigurationInflatingBeyondItsCapIsRefused() throws Exception {
        Map<String, byte[]> entries = entries(validModel());
        byte[] huge = new byte[ModelBytes.MAX_CONFIGURATION_BYTES + 10];
        java.util.Arrays.fill(huge, (byte) ' ');
        entries.put(ModelBytes.CONFIGURATION, huge);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelBytes.read(zip(entries), false));
        assertTrue(e.getMessage().contains("inflates to more than"), e.getMessage());
    }

    @Test
    void aNetworkTooLargeToAllocateIsRefusedNamingItsSize() {
        NetworkSpec huge = new NetworkSpec(List.of(), List.of(100_000, 100_000), "relu", false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> huge.build(new int[] {4}, 2, 1e-2, new HuberLoss(), 1));
        assertTrue(e.getMessage().contains("10,000,"), e.getMessage());
    }

    @Test
    void whatRlarenaWritesReadsBackExactlyWithItsOptimizerState() {
        Network network = new NetworkSpec(List.of(), List.of(8), "tanh", false).build(new int[] {4}, 2, 1e-2,
                new HuberLoss(), 3);
        float[] inputs = {0.1f, 0.2f, 0.3f, 0.4f};
        network.fit(inputs, new float[] {1, 0}, new float[] {1, 1}, 1);
        Network loaded = ModelBytes.read(ModelBytes.write(network, true), true);
        assertArrayEquals(network.params().data().asFloat(), loaded.params().data().asFloat());
        network.fit(inputs, new float[] {1, 0}, new float[] {1, 1}, 1);
        loaded.fit(inputs, new float[] {1, 0}, new float[] {1, 1}, 1);
        assertArrayEquals(network.params().data().asFloat(), loaded.params().data().asFloat(),
                "Adam's moments came back: the next step is identical");
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static void writeHeader(DataOutputStream out, String allocation, long length, String type) throws IOException {
        out.writeUTF(allocation);
        out.writeLong(length);
        out.writeUTF(type);
    }

    /** A zip's entries by name, in order (test files crafted entry by entry). */
    public static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    /** A zip of {@code entries}, in order. */
    public static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
