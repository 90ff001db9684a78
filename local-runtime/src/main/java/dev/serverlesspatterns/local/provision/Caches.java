package dev.serverlesspatterns.local.provision;

import dev.serverlesspatterns.local.LoopbackPorts;
import dev.serverlesspatterns.local.engines.Engine;
import dev.serverlesspatterns.local.template.SamTemplate;
import dev.serverlesspatterns.local.template.TemplateResource;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * ElastiCache Serverless caches, served by the local runtime's Redis engine: {@code Endpoint.Address} and
 * {@code Endpoint.Port} are the engine's. A run without an engine (provisioning only) gets a closed loopback port, as
 * it gets an unreachable Postgres.
 */
public final class Caches {

    public static final String TYPE = "AWS::ElastiCache::ServerlessCache";

    private Caches() {}

    /** Whether the template asks for a cache, hence for the Redis engine. */
    public static boolean wanted(SamTemplate template) {
        return template.resources().values().stream().anyMatch(resource -> TYPE.equals(resource.type()));
    }

    static void serve(TemplateResource resource, Stack stack, Optional<Engine> redis) {
        URI url = URI.create(redis.map(Engine::url).orElse("redis://127.0.0.1:" + LoopbackPorts.closed()));
        stack.record(
                resource.logicalId(),
                stack.generatedName(resource.logicalId()),
                Map.of("Endpoint.Address", url.getHost(), "Endpoint.Port", String.valueOf(url.getPort())));
    }
}
