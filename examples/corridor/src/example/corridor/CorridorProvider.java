package example.corridor;

import io.rlarena.env.EnvOption;
import io.rlarena.env.EnvProvider;
import io.rlarena.env.EnvRegistration;

import java.util.List;

/** Registers Corridor-v0 with rlarena; listed in META-INF/services/io.rlarena.env.EnvProvider. */
public final class CorridorProvider implements EnvProvider {

    @Override
    public List<EnvRegistration> environments() {
        return List.of(new EnvRegistration("Corridor-v0", "Example plug-in: walk right to the end of a corridor",
                List.of(new EnvOption("length", "8", "number of cells")),
                options -> new Corridor(options.integer("length"))));
    }
}
