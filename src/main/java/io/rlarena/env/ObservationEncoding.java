package io.rlarena.env;

/** Named observation encodings, applied as wrappers: how a run's {@code observation} setting is realised. */
public final class ObservationEncoding {

    private ObservationEncoding() {
    }

    /**
     * Wraps {@code env} for encoding {@code name}: {@code onehot}, {@code raw} (unchanged) or
     * {@code auto} (one-hot for Discrete observations, unchanged otherwise).
     */
    public static Environment apply(Environment env, String name) {
        return switch (name) {
            case "onehot" -> new OneHotObservation(env);
            case "raw" -> env;
            case "auto" -> env.observationSpace() instanceof Discrete ? new OneHotObservation(env) : env;
            default -> throw new IllegalArgumentException("observation encoding '" + name + "' is unknown; use auto, onehot or raw");
        };
    }
}
