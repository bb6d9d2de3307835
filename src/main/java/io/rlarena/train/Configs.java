package io.rlarena.train;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.FieldNamingPolicy;
import io.rlarena.agent.Algorithm;
import io.rlarena.agent.Json;

import java.lang.reflect.ParameterizedType;
import java.math.BigDecimal;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Configuration records to and from JSON, strictly: unknown keys are errors that list the valid
 * ones, and {@code key=value} overrides ({@code --set}) are typed by the record component they
 * name, with dotted keys reaching into nested records ({@code network.hidden=128,128}).
 */
public final class Configs {

    private Configs() {
    }

    public static JsonObject toJson(Record config) {
        return Json.GSON.toJsonTree(config).getAsJsonObject();
    }

    /**
     * Parses {@code json} into {@code type}, rejecting unknown keys and missing ones (every key of
     * the record and of its nested records must be there): what rlarena writes is complete.
     *
     * @throws IllegalArgumentException naming {@code context}, the key or the failed rule
     */
    public static <T extends Record> T fromJson(JsonObject json, Class<T> type, String context) {
        checkPresent(json, type, context, "");
        return fromPartialJson(json, type, context);
    }

    /**
     * Parses {@code json} into {@code type}, rejecting unknown keys; missing ones are null (a
     * preset file, whose keys are all optional).
     *
     * @throws IllegalArgumentException naming {@code context}, the key or the failed rule
     */
    public static <T extends Record> T fromPartialJson(JsonObject json, Class<T> type, String context) {
        checkKeys(json, type, context, "");
        try {
            return Json.GSON.fromJson(json, type);
        } catch (RuntimeException e) {
            // gson wraps what a record's constructor throws: report the validation message itself
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
                cause = cause.getCause();
            }
            throw new IllegalArgumentException(context + ": " + (cause.getMessage() != null ? cause.getMessage()
                    : "a value is null or of the wrong type (" + cause + ")"), e);
        }
    }

    /**
     * A run's hyperparameters as the algorithm's config record: the algorithm's defaults (the one
     * place they live) overlaid with the run's, so a run saved before a setting existed reads it
     * at its default.
     */
    public static Record hyperparameters(Algorithm algorithm, RunConfig config) {
        JsonObject merged = toJson(algorithm.defaults());
        deepMerge(merged, config.hyperparameters());
        return fromJson(merged, algorithm.configType(), algorithm.name() + " hyperparameters");
    }

    private static void checkPresent(JsonObject json, Class<?> type, String context, String prefix) {
        for (RecordComponent component : type.getRecordComponents()) {
            JsonElement value = json.get(jsonName(component));
            if (value == null || value.isJsonNull()) {
                throw new IllegalArgumentException(context + ": the key '" + prefix + jsonName(component)
                        + "' is missing (a complete file holds every one of " + String.join(", ", keys(type)) + ")");
            }
            if (component.getType().isRecord() && value.isJsonObject()) {
                checkPresent(value.getAsJsonObject(), component.getType(), context, prefix + jsonName(component) + ".");
            }
        }
    }

    private static void checkKeys(JsonObject json, Class<?> type, String context, String prefix) {
        for (Map.Entry<String, JsonElement> entry : json.entrySet()) {
            RecordComponent component = component(type, entry.getKey());
            if (component == null) {
                throw new IllegalArgumentException(context + ": unknown key '" + prefix + entry.getKey()
                        + "'; valid keys: " + String.join(", ", keys(type)));
            }
            if (component.getType().isRecord() && entry.getValue().isJsonObject()) {
                checkKeys(entry.getValue().getAsJsonObject(), component.getType(), context,
                        prefix + entry.getKey() + ".");
            }
        }
    }

    /** Every settable key of {@code type}, nested records as dotted keys. */
    public static List<String> keys(Class<?> type) {
        List<String> keys = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            String name = jsonName(component);
            if (component.getType().isRecord()) {
                keys(component.getType()).forEach(k -> keys.add(name + "." + k));
            } else {
                keys.add(name);
            }
        }
        return keys;
    }

    /**
     * Sets {@code key} (possibly dotted) to {@code value} in {@code json}, converting the text to
     * the type of the record component it names.
     */
    public static void set(JsonObject json, Class<?> type, String key, String value, String context) {
        int dot = key.indexOf('.');
        String head = dot < 0 ? key : key.substring(0, dot);
        RecordComponent component = component(type, head);
        if (component == null || (dot < 0) == component.getType().isRecord()) {
            throw new IllegalArgumentException(context + ": unknown key '" + key + "'; valid keys: "
                    + String.join(", ", keys(type)));
        }
        if (dot >= 0) {
            JsonElement nested = json.get(head);
            JsonObject child = nested != null && nested.isJsonObject() ? nested.getAsJsonObject() : new JsonObject();
            set(child, component.getType(), key.substring(dot + 1), value, context);
            json.add(head, child);
            return;
        }
        json.add(head, convert(component.getGenericType(), value.trim(), context + ": " + key + "=" + value));
    }

    private static JsonElement convert(Type type, String text, String where) {
        try {
            if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                    || type == double.class || type == Double.class || type == float.class) {
                // range and integrality are checked where every number is, when the record is read (Json)
                return new JsonPrimitive(new BigDecimal(text.replace("_", "")));
            }
            if (type == boolean.class || type == Boolean.class) {
                return switch (text.toLowerCase(Locale.ROOT)) {
                    case "true" -> new JsonPrimitive(true);
                    case "false" -> new JsonPrimitive(false);
                    default -> throw new IllegalArgumentException(where + ": expected true or false");
                };
            }
            if (type == String.class) {
                return new JsonPrimitive(text);
            }
            if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
                JsonArray array = new JsonArray();
                String items = text.replaceAll("^\\[|]$", "");
                for (String item : items.split(",")) {
                    if (!item.isBlank()) {
                        array.add(convert(list.getActualTypeArguments()[0], item.trim(), where));
                    }
                }
                return array;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": expected a number");
        }
        throw new IllegalArgumentException(where + ": this key cannot be set from the command line");
    }

    private static RecordComponent component(Class<?> type, String jsonName) {
        for (RecordComponent component : type.getRecordComponents()) {
            if (jsonName(component).equals(jsonName)) {
                return component;
            }
        }
        return null;
    }

    private static String jsonName(RecordComponent component) {
        try {
            return FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES.translateName(
                    component.getDeclaringRecord().getDeclaredField(component.getName()));
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies {@code overlay} onto {@code base}, merging nested objects key by key. */
    public static void deepMerge(JsonObject base, JsonObject overlay) {
        for (Map.Entry<String, JsonElement> entry : overlay.entrySet()) {
            JsonElement existing = base.get(entry.getKey());
            if (existing != null && existing.isJsonObject() && entry.getValue().isJsonObject()) {
                deepMerge(existing.getAsJsonObject(), entry.getValue().getAsJsonObject());
            } else {
                base.add(entry.getKey(), entry.getValue().deepCopy());
            }
        }
    }
}
