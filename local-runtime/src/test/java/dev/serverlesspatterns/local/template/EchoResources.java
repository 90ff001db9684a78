package dev.serverlesspatterns.local.template;

/** Resolves a reference to text that names it, so a test sees which resource and attribute a value came from. */
final class EchoResources implements Intrinsics.Resources {

    @Override
    public String ref(String logicalId) {
        return "ref-of-" + logicalId;
    }

    @Override
    public String attribute(String logicalId, String attribute) {
        return attribute + "-of-" + logicalId;
    }
}
