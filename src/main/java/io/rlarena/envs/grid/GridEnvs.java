package io.rlarena.envs.grid;

import io.rlarena.env.EnvOption;
import io.rlarena.env.EnvOptions;
import io.rlarena.env.EnvProvider;
import io.rlarena.env.EnvRegistration;
import io.rlarena.env.EnvSpec;

import java.nio.file.Path;
import java.util.List;

/** The built-in gridworlds (see environments/README.md). */
public final class GridEnvs implements EnvProvider {

    private static final String[] LEFT_DOWN_RIGHT_UP_NAMES = {"Left", "Down", "Right", "Up"};
    private static final String[] UP_RIGHT_DOWN_LEFT_NAMES = {"Up", "Right", "Down", "Left"};

    @Override
    public List<EnvRegistration> environments() {
        return List.of(
                new EnvRegistration("FrozenLake-v1", "Gymnasium's FrozenLake: cross the ice to the goal without falling in a hole",
                        List.of(new EnvOption("map_name", "4x4", "4x4 or 8x8"),
                                new EnvOption("is_slippery", "true", "move perpendicular with probability 2/3")),
                        GridEnvs::frozenLake),
                new EnvRegistration("CliffWalking-v0", "Gymnasium's CliffWalking: walk along the cliff, -1 per step, -100 for a fall",
                        List.of(), GridEnvs::cliffWalking),
                new EnvRegistration("FourRooms-v0", "Four rooms joined by doorways; reach the goal in the far room",
                        List.of(new EnvOption("is_slippery", "false", "move perpendicular with probability 2/3")),
                        GridEnvs::fourRooms),
                new EnvRegistration("GridWorld-v0", "Your own map file (format: environments/README.md)",
                        List.of(new EnvOption("map_file", "", "path of the map text file (required)"),
                                new EnvOption("is_slippery", "false", "move perpendicular with probability 2/3"),
                                new EnvOption("step_reward", "0", "reward for entering a floor cell"),
                                new EnvOption("goal_reward", "1", "reward for entering a goal 'G'"),
                                new EnvOption("hole_reward", "0", "reward for entering a hole 'H'"),
                                new EnvOption("cliff_reward", "-100", "reward for entering a cliff 'C'")),
                        GridEnvs::custom));
    }

    static GridWorld frozenLake(EnvOptions options) {
        String mapName = options.string("map_name");
        int limit = switch (mapName) {
            case "4x4" -> 100;
            case "8x8" -> 200;
            default -> throw options.bad("map_name", mapName, "4x4 or 8x8");
        };
        GridMap map = GridMap.builtin("frozenlake_" + mapName);
        boolean slippery = options.bool("is_slippery");
        return new GridWorld(new EnvSpec(options.envId(), options.values(), limit), map,
                new GridWorld.Rules(GridWorld.LEFT_DOWN_RIGHT_UP, LEFT_DOWN_RIGHT_UP_NAMES, slippery, 0, 1, 0, 0));
    }

    static GridWorld cliffWalking(EnvOptions options) {
        return new GridWorld(new EnvSpec(options.envId(), options.values(), 0), GridMap.builtin("cliffwalking"),
                new GridWorld.Rules(GridWorld.UP_RIGHT_DOWN_LEFT, UP_RIGHT_DOWN_LEFT_NAMES, false, -1, -1, -1, -100));
    }

    static GridWorld fourRooms(EnvOptions options) {
        return new GridWorld(new EnvSpec(options.envId(), options.values(), 200), GridMap.builtin("four_rooms"),
                new GridWorld.Rules(GridWorld.LEFT_DOWN_RIGHT_UP, LEFT_DOWN_RIGHT_UP_NAMES, options.bool("is_slippery"),
                        0, 1, 0, 0));
    }

    static GridWorld custom(EnvOptions options) {
        String file = options.string("map_file");
        if (file.isBlank()) {
            throw new IllegalArgumentException("GridWorld-v0 needs a map: --env-opt map_file=PATH "
                    + "(format: environments/README.md)");
        }
        GridMap map = GridMap.load(Path.of(file));
        return new GridWorld(new EnvSpec(options.envId(), options.values(), 4 * map.rows() * map.cols()), map,
                new GridWorld.Rules(GridWorld.LEFT_DOWN_RIGHT_UP, LEFT_DOWN_RIGHT_UP_NAMES, options.bool("is_slippery"),
                        options.number("step_reward"), options.number("goal_reward"), options.number("hole_reward"),
                        options.number("cliff_reward")));
    }
}
