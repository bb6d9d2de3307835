package io.rlarena.agent;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The one gson setup for every JSON file rlarena writes or reads: snake_case keys, pretty printed
 * (or one line), and strict values: an integer field takes only a whole number in its type's
 * range, a boolean field only {@code true} or {@code false}, a floating-point field only a finite
 * number. Gson on its own truncates {@code 1.5} to 1, wraps {@code 4294967796} to 500 and reads
 * {@code "yes"} as false; here each is a {@link JsonParseException} naming the field's JSON path
 * and the value.
 */
public final class Json {

    public static final Gson GSON = builder().setPrettyPrinting().create();

    /** The same setup on one line per value, for JSON-lines files (episodes). */
    public static final Gson LINES = builder().create();

    private Json() {
    }

    private static GsonBuilder builder() {
        TypeAdapter<Integer> integer = whole(BigDecimal::intValueExact, Integer.MIN_VALUE, Integer.MAX_VALUE);
        TypeAdapter<Long> whole = whole(BigDecimal::longValueExact, Long.MIN_VALUE, Long.MAX_VALUE);
        TypeAdapter<Double> real = real(BigDecimal::doubleValue);
        TypeAdapter<Float> single = real(BigDecimal::floatValue);
        TypeAdapter<Boolean> bool = bool();
        return new GsonBuilder()
                .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
                .disableHtmlEscaping()
                .registerTypeAdapter(int.class, integer).registerTypeAdapter(Integer.class, integer)
                .registerTypeAdapter(long.class, whole).registerTypeAdapter(Long.class, whole)
                .registerTypeAdapter(double.class, real).registerTypeAdapter(Double.class, real)
                .registerTypeAdapter(float.class, single).registerTypeAdapter(Float.class, single)
                .registerTypeAdapter(boolean.class, bool).registerTypeAdapter(Boolean.class, bool);
    }

    /**
     * Writes {@code value} as JSON to {@code file} through a temporary file and a rename, so the
     * file is either the old one or the complete new one, never half-written.
     */
    public static void write(Path file, Object value) {
        try {
            SafeFiles.writeAtomically(file, (GSON.toJson(value) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static <T extends Number> TypeAdapter<T> whole(Function<BigDecimal, T> exact, long min, long max) {
        return new TypeAdapter<>() {
            @Override
            public void write(JsonWriter out, T value) throws IOException {
                out.value(value);
            }

            @Override
            public T read(JsonReader in) throws IOException {
                String path = key(in);
                BigDecimal number = number(in, path, "an integer");
                if (number == null) {
                    return null;
                }
                try {
                    return exact.apply(number);
                } catch (ArithmeticException e) {
                    throw new JsonParseException(path + ": expected a whole number from " + min + " to " + max
                            + ", got " + shorten(number.toString()));
                }
            }
        };
    }

    /** A floating-point adapter refusing what is no finite number in its type ({@code 1e39} as a float). */
    private static <T extends Number> TypeAdapter<T> real(Function<BigDecimal, T> convert) {
        return new TypeAdapter<>() {
            @Override
            public void write(JsonWriter out, T value) throws IOException {
                out.value(value);
            }

            @Override
            public T read(JsonReader in) throws IOException {
                String path = key(in);
                BigDecimal number = number(in, path, "a number");
                if (number == null) {
                    return null;
                }
                T value = convert.apply(number);
                if (!Double.isFinite(value.doubleValue())) {
                    throw new JsonParseException(path + ": " + number + " is out of range for a floating-point number");
                }
                return value;
            }
        };
    }

    private static TypeAdapter<Boolean> bool() {
        return new TypeAdapter<>() {
            @Override
            public void write(JsonWriter out, Boolean value) throws IOException {
                out.value(value);
            }

            @Override
            public Boolean read(JsonReader in) throws IOException {
                String path = key(in);
                JsonToken token = in.peek();
                if (token == JsonToken.NULL) {
                    in.nextNull();
                    return null;
                }
                if (token != JsonToken.BOOLEAN) {
                    throw new JsonParseException(path + ": expected true or false, got " + describe(in, token));
                }
                return in.nextBoolean();
            }
        };
    }

    /** The number at {@code in} (null for JSON null), refusing strings, objects and the non-finite. */
    private static BigDecimal number(JsonReader in, String path, String what) throws IOException {
        JsonToken token = in.peek();
        if (token == JsonToken.NULL) {
            in.nextNull();
            return null;
        }
        if (token != JsonToken.NUMBER) {
            throw new JsonParseException(path + ": expected " + what + ", got " + describe(in, token));
        }
        String text = in.nextString();
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new JsonParseException(path + ": expected " + what + ", got " + shorten(text));
        }
    }

    private static String describe(JsonReader in, JsonToken token) throws IOException {
        return switch (token) {
            case STRING -> "the string \"" + shorten(in.nextString()) + "\"";
            case NUMBER -> shorten(in.nextString());
            case BOOLEAN -> String.valueOf(in.nextBoolean());
            case BEGIN_ARRAY -> "a list";
            case BEGIN_OBJECT -> "an object";
            default -> token.toString().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** The JSON key being read ({@code network.hidden[1]}), for messages. */
    private static String key(JsonReader in) {
        String path = in.getPath();
        return path.startsWith("$.") ? path.substring(2) : path;
    }

    /** {@code text}, cut to 60 characters: messages never repeat a huge input in full. */
    public static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "... (" + text.length() + " characters)";
    }
}
