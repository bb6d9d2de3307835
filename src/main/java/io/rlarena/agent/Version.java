package io.rlarena.agent;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** rlarena's own version, from the build (resource rlarena.properties). */
public final class Version {

    public static final String VERSION = read();

    private Version() {
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("/rlarena.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
