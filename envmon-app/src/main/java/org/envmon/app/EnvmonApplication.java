package org.envmon.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Spring wiring of the platform; started by {@code envmon serve} and {@code envmon demo}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EnvmonApplication {
}
