package dev.serverlesspatterns.platform.local;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Set by the local runtime when it launches a service; absent on Lambda, where no web server runs.
 *
 * @param portFile where to write the port the web server got once the service is ready (null: write none); the
 *     service binds port 0 and reports its port, so two services can never be handed the same one
 * @param launcherPid the process that launched this service (null: none); the service stops when it exits. Given
 *     by the launcher rather than read as this JVM's parent, because a launcher that dies while the service starts
 *     leaves it re-parented to init by the time it could look
 */
@ConfigurationProperties("platform.local")
public record LocalLambdaProperties(Path portFile, Long launcherPid) {}
