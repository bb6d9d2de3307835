package io.rlarena.nn;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Networks to and from bytes in DL4J's own zip format: {@code configuration.json},
 * {@code coefficients.bin} and, with the optimizer state, {@code updaterState.bin}.
 *
 * <p>Writing uses DL4J's {@code ModelSerializer}. Reading does not: DL4J's reader deserializes
 * Java objects from an optional {@code preprocessor.bin} entry and allocates whatever array size a
 * file declares, so agent files, which people download and share, are read here instead. Only the
 * entries above are accepted; class names in the configuration must be DL4J's, ND4J's or
 * rlarena's; the parameter count follows from the configuration and is capped before anything is
 * allocated; and each binary array must declare exactly the size the network needs.
 */
public final class ModelBytes {

    /**
     * Parameters a network may have (2^24, 64 MiB of floats, over a hundred times rlarena's
     * largest preset); a saved or configured network beyond it is refused before anything is
     * allocated.
     */
    public static final long MAX_PARAMETERS = 1L << 24;
    /** Values an input row may have (2^22: a 3 x 1,024 x 1,024 image); a saved network taking more is refused. */
    static final long MAX_INPUT_VALUES = 1L << 22;
    /** Bytes {@code configuration.json} may inflate to. */
    static final int MAX_CONFIGURATION_BYTES = 4 << 20;

    static final String CONFIGURATION = "configuration.json";
    static final String COEFFICIENTS = "coefficients.bin";
    static final String UPDATER = "updaterState.bin";
    static final String NO_PARAMS = "noParams.marker";
    private static final Set<String> ENTRIES = Set.of(CONFIGURATION, COEFFICIENTS, UPDATER, NO_PARAMS);
    /** Packages whose classes a saved configuration may name (DL4J's polymorphic {@code @class} fields). */
    private static final List<String> TRUSTED_PACKAGES = List.of("org.deeplearning4j.", "org.nd4j.", "io.rlarena.");

    private ModelBytes() {
    }

    public static byte[] write(Network network, boolean withUpdater) {
        return write(network.model(), withUpdater);
    }

    static byte[] write(Model model, boolean withUpdater) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ModelSerializer.writeModel(model, out, withUpdater);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a saved network: a layer stack or a graph.
     *
     * @throws IllegalArgumentException if the bytes are not a DL4J model as rlarena writes them
     */
    public static Network read(byte[] bytes, boolean withUpdater) {
        Model model = readModel(bytes, withUpdater);
        if (model instanceof MultiLayerNetwork stack) {
            int inputSize = checkedInput(stack.getLayerWiseConfigurations().getInputPreProcess(0)
                    instanceof FeedForwardToCnnPreProcessor image ? imageSize(image) : stack.layerInputSize(0));
            return new LayerStack(stack, inputSize, outputs(stack.output(Nd4j.zeros(1, inputSize))));
        }
        ComputationGraph graph = (ComputationGraph) model;
        int inputSize = checkedInput(inputSize(graph.getConfiguration()));
        return new LayerGraph(graph, inputSize, outputs(graph.outputSingle(Nd4j.zeros(1, inputSize))));
    }

    /**
     * Makes {@code into} continue where the saved network in {@code bytes} stopped: its parameters,
     * optimizer state and iteration count (Adam's bias correction) are copied in, while {@code into}
     * keeps its own listeners (gradient clipping). Both must have the same architecture.
     *
     * @throws IllegalArgumentException if the bytes are unreadable or hold another architecture
     */
    public static void restoreInto(Model into, byte[] bytes) {
        Model saved;
        try {
            saved = readModel(bytes, true);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the checkpoint's network is unreadable (" + e.getMessage() + ")", e);
        }
        if (saved.getClass() != into.getClass() || saved.params().length() != into.params().length()) {
            throw new IllegalArgumentException("the checkpoint's network has " + saved.params().length()
                    + " parameters, this run's " + into.params().length() + ": not the same architecture");
        }
        into.params().assign(saved.params());
        if (into instanceof MultiLayerNetwork to) {
            MultiLayerNetwork from = (MultiLayerNetwork) saved;
            to.getUpdater().getStateViewArray().assign(from.getUpdater().getStateViewArray());
            to.getLayerWiseConfigurations().setIterationCount(from.getLayerWiseConfigurations().getIterationCount());
            to.getLayerWiseConfigurations().setEpochCount(from.getLayerWiseConfigurations().getEpochCount());
        } else {
            ComputationGraph from = (ComputationGraph) saved;
            ComputationGraph to = (ComputationGraph) into;
            to.getUpdater().getStateViewArray().assign(from.getUpdater().getStateViewArray());
            to.getConfiguration().setIterationCount(from.getConfiguration().getIterationCount());
            to.getConfiguration().setEpochCount(from.getConfiguration().getEpochCount());
        }
    }

    /**
     * Reads DL4J's model zip without deserializing anything but JSON (see the class comment).
     *
     * @throws IllegalArgumentException saying what is wrong with the bytes
     */
    static Model readModel(byte[] bytes, boolean withUpdater) {
        try {
            hasEntry(bytes, null); // every entry's name checked before any is read
            String json = new String(readEntry(bytes, CONFIGURATION, MAX_CONFIGURATION_BYTES), StandardCharsets.UTF_8);
            JsonObject tree = configurationTree(json);
            Model model;
            if (tree.has("vertices")) {
                ComputationGraphConfiguration conf = ComputationGraphConfiguration.fromJson(json);
                long parameters = checkSize(parameterCount(conf));
                INDArray params = readArray(bytes, COEFFICIENTS, parameters);
                conf.setDataType(params.dataType());
                ComputationGraph graph = new ComputationGraph(conf);
                graph.init(params, false);
                model = graph;
            } else if (tree.has("confs")) {
                MultiLayerConfiguration conf = MultiLayerConfiguration.fromJson(json);
                long parameters = checkSize(parameterCount(conf));
                INDArray params = readArray(bytes, COEFFICIENTS, parameters);
                conf.setDataType(params.dataType());
                MultiLayerNetwork stack = new MultiLayerNetwork(conf);
                stack.init(params, false);
                model = stack;
            } else {
                throw new IllegalArgumentException(CONFIGURATION + " describes neither a layer stack nor a graph");
            }
            if (!finite(model.params())) {
                throw new IllegalArgumentException("the network's weights are not all finite (NaN or infinite): the "
                        + "training that saved it diverged; use an earlier checkpoint, or train again with a lower "
                        + "learning rate");
            }
            if (withUpdater && hasEntry(bytes, UPDATER)) {
                restoreUpdater(model, bytes);
            }
            return model;
        } catch (IOException e) {
            throw new IllegalArgumentException("not a readable model zip (" + e.getMessage() + ")", e);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) { // DL4J's JSON and shape checks
            throw new IllegalArgumentException("the DL4J model inside is unreadable (" + e.getMessage() + ")", e);
        }
    }

    private static void restoreUpdater(Model model, byte[] bytes) throws IOException {
        if (model instanceof MultiLayerNetwork stack) {
            INDArray view = stack.getUpdater().getStateViewArray();
            INDArray state = readArray(bytes, UPDATER, view == null ? 0 : view.length());
            if (view != null) {
                stack.getUpdater().setStateViewArray(stack, state, false);
            }
        } else {
            ComputationGraph graph = (ComputationGraph) model;
            INDArray view = graph.getUpdater().getStateViewArray();
            INDArray state = readArray(bytes, UPDATER, view == null ? 0 : view.length());
            if (view != null) {
                graph.getUpdater().setStateViewArray(state);
            }
        }
    }

    /**
     * The configuration as a JSON tree, every {@code @class} it names checked against the trusted
     * packages first: by a pass over the raw tokens, so that a key given twice (the tree keeps the
     * last, DL4J's Jackson the first) is checked both times.
     */
    private static JsonObject configurationTree(String json) {
        try {
            checkClassNames(new JsonReader(new StringReader(json)));
            JsonElement tree = JsonParser.parseString(json);
            if (!tree.isJsonObject()) {
                throw new IllegalArgumentException(CONFIGURATION + " is not a JSON object");
            }
            return tree.getAsJsonObject();
        } catch (IOException | JsonParseException | IllegalStateException e) {
            throw new IllegalArgumentException(CONFIGURATION + " is not valid JSON (" + e.getMessage() + ")");
        }
    }

    private static void checkClassNames(JsonReader in) throws IOException {
        boolean classKey = false;
        for (JsonToken token = in.peek(); token != JsonToken.END_DOCUMENT; token = in.peek()) {
            switch (token) {
                case BEGIN_OBJECT -> in.beginObject();
                case END_OBJECT -> in.endObject();
                case BEGIN_ARRAY -> in.beginArray();
                case END_ARRAY -> in.endArray();
                case NAME -> {
                    classKey = in.nextName().equals("@class");
                    continue;
                }
                case STRING -> {
                    String value = in.nextString();
                    if (classKey && TRUSTED_PACKAGES.stream().noneMatch(value::startsWith)) {
                        throw new IllegalArgumentException(CONFIGURATION + " names the class '" + shorten(value)
                                + "', outside DL4J, ND4J and rlarena; refused");
                    }
                }
                default -> in.skipValue();
            }
            classKey = false;
        }
    }

    /** Whether every value of {@code params} is finite (NaN and infinities propagate into the sum). */
    public static boolean finite(INDArray params) {
        return params.isEmpty() || Double.isFinite(params.sumNumber().doubleValue());
    }

    /** Parameters of a layer stack, from its configuration alone. */
    public static long parameterCount(MultiLayerConfiguration conf) {
        long count = 0;
        for (NeuralNetConfiguration layer : conf.getConfs()) {
            count += layer.getLayer().initializer().numParams(layer);
        }
        return count;
    }

    /**
     * Parameters of a graph, from its configuration alone: those of its layers (the other vertices
     * rlarena builds, such as {@link DuelingVertex}, have none).
     */
    public static long parameterCount(ComputationGraphConfiguration conf) {
        long count = 0;
        for (GraphVertex vertex : conf.getVertices().values()) {
            if (vertex instanceof LayerVertex layer) {
                count += layer.getLayerConf().getLayer().initializer().numParams(layer.getLayerConf());
            }
        }
        return count;
    }

    /**
     * Refuses a network beyond {@link #MAX_PARAMETERS} before it is allocated; returns {@code parameters}.
     *
     * @throws IllegalArgumentException naming the parameter count and its size in memory
     */
    public static long checkSize(long parameters) {
        if (parameters < 0 || parameters > MAX_PARAMETERS) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "the network has %,d parameters (%.1f GB as floats, more with the optimizer's state); "
                            + "rlarena builds and loads networks of at most %,d parameters: use fewer or narrower layers",
                    parameters, parameters * 4.0 / 1e9, MAX_PARAMETERS));
        }
        return parameters;
    }

    /**
     * One array in ND4J's binary form (a shape buffer, then a data buffer: each an allocation mode,
     * a length and a data type, then the values), which must be a vector of exactly {@code expected}
     * floats or doubles; the length is checked before anything is allocated.
     */
    private static INDArray readArray(byte[] bytes, String name, long expected) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            if (!seek(zip, name)) {
                if (expected == 0 || name.equals(UPDATER)) {
                    return Nd4j.empty(DataType.FLOAT);
                }
                throw new IllegalArgumentException("the DL4J model inside has no " + name);
            }
            DataInputStream in = new DataInputStream(zip);
            BufferHeader shapeHeader = BufferHeader.read(in, name + " shape");
            if (shapeHeader.length() < 4 || shapeHeader.length() > 2 * 32 + 4
                    || (shapeHeader.type() != DataType.LONG && shapeHeader.type() != DataType.INT)) {
                throw new IllegalArgumentException(name + " has a malformed shape (" + shapeHeader + ")");
            }
            long[] shapeInfo = new long[(int) shapeHeader.length()];
            for (int i = 0; i < shapeInfo.length; i++) {
                shapeInfo[i] = shapeHeader.type() == DataType.LONG ? in.readLong() : in.readInt();
            }
            long rank = shapeInfo[0];
            if (rank < 1 || rank > 2 || shapeInfo.length != 2 * rank + 4) {
                throw new IllegalArgumentException(name + " is not a vector (rank " + rank + ")");
            }
            BufferHeader data = BufferHeader.read(in, name);
            long shapeLength = rank == 1 ? shapeInfo[1] : shapeInfo[1] * shapeInfo[2];
            if (data.length() != expected || shapeLength != expected || (rank == 2 && Math.min(shapeInfo[1], shapeInfo[2]) != 1)) {
                throw new IllegalArgumentException(name + " holds " + data.length() + " values (shape length "
                        + shapeLength + "), but the configuration needs " + expected);
            }
            int n = (int) expected;
            int width = switch (data.type()) {
                case FLOAT -> Float.BYTES;
                case DOUBLE -> Double.BYTES;
                default -> throw new IllegalArgumentException(name + " holds " + data.type()
                        + " values; rlarena reads FLOAT and DOUBLE");
            };
            // read before converting: memory grows with the bytes actually there, not with the declared length
            ByteBuffer values = ByteBuffer.wrap(readCapped(in, (long) n * width, name));
            if (values.capacity() != (long) n * width) {
                throw new IllegalArgumentException(name + " ends after " + values.capacity() / width + " of its " + n
                        + " values (the file is cut off)");
            }
            if (width == Float.BYTES) {
                float[] floats = new float[n];
                values.asFloatBuffer().get(floats);
                return Nd4j.create(floats, new long[] {1, n}, DataType.FLOAT);
            }
            double[] doubles = new double[n];
            values.asDoubleBuffer().get(doubles);
            return Nd4j.create(doubles, new long[] {1, n}, DataType.DOUBLE);
        }
    }

    /** The header ND4J writes before a buffer's values. */
    private record BufferHeader(String allocation, long length, DataType type) {

        static BufferHeader read(DataInputStream in, String what) throws IOException {
            String allocation = in.readUTF();
            long length = switch (allocation) {
                case "HEAP", "JAVACPP", "DIRECT" -> in.readInt();
                case "LONG_SHAPE", "MIXED_DATA_TYPES" -> in.readLong();
                default -> throw new IllegalArgumentException(what + " has an unknown buffer header '"
                        + shorten(allocation) + "'");
            };
            String type = in.readUTF();
            try {
                return new BufferHeader(allocation, length, DataType.valueOf(type));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(what + " has an unknown data type '" + shorten(type) + "'");
            }
        }
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    private static boolean hasEntry(byte[] bytes, String name) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            return seek(zip, name);
        }
    }

    /**
     * Positions {@code zip} at the entry {@code name} (with null: checks them all); every entry
     * passed must be one rlarena writes.
     */
    private static boolean seek(ZipInputStream zip, String name) throws IOException {
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            if (!ENTRIES.contains(entry.getName())) {
                throw new IllegalArgumentException("the DL4J model inside holds an entry '" + shorten(entry.getName())
                        + "' that rlarena does not write; refused (a model holds only " + String.join(", ",
                        List.of(CONFIGURATION, COEFFICIENTS, UPDATER, NO_PARAMS)) + ")");
            }
            if (entry.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] readEntry(byte[] bytes, String name, int maxBytes) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            if (!seek(zip, name)) {
                throw new IllegalArgumentException("the DL4J model inside has no " + name + " (it is no DL4J model zip)");
            }
            return readCapped(zip, maxBytes, name);
        }
    }

    /** Reads {@code in} to its end, refusing more than {@code maxBytes}: nothing is allocated on a declared size. */
    public static byte[] readCapped(InputStream in, long maxBytes, String what) throws IOException {
        byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (data.length > maxBytes) {
            throw new IllegalArgumentException(what + " inflates to more than " + maxBytes + " bytes, "
                    + "more than rlarena ever writes there; refused");
        }
        return data;
    }

    private static int outputs(INDArray row) {
        return (int) row.size(1);
    }

    private static long imageSize(FeedForwardToCnnPreProcessor image) {
        return image.getInputHeight() * image.getInputWidth() * image.getNumChannels();
    }

    /** An input row's size, refused beyond {@link #MAX_INPUT_VALUES} before any input is allocated. */
    static int checkedInput(long values) {
        if (values < 1 || values > MAX_INPUT_VALUES) {
            throw new IllegalArgumentException("the network takes " + values + " input values per row; rlarena loads "
                    + "networks of 1 to " + MAX_INPUT_VALUES);
        }
        return (int) values;
    }

    /** Floats per input row: read off the first layer (its image pre-processor for a CNN). */
    static int inputSize(ComputationGraphConfiguration conf) {
        String input = conf.getNetworkInputs().get(0);
        for (Map.Entry<String, List<String>> entry : conf.getVertexInputs().entrySet()) {
            if (entry.getValue().contains(input) && conf.getVertices().get(entry.getKey()) instanceof LayerVertex layer) {
                if (layer.getPreProcessor() instanceof FeedForwardToCnnPreProcessor image) {
                    return checkedInput(imageSize(image));
                }
                if (layer.getLayerConf().getLayer() instanceof FeedForwardLayer dense) {
                    return (int) dense.getNIn();
                }
            }
        }
        throw new IllegalArgumentException("the saved network's input size cannot be determined");
    }
}
