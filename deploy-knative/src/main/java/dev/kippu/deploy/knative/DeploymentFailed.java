package dev.kippu.deploy.knative;

/** A deployment that was refused or did not become Ready; its message says why, for a person. */
public final class DeploymentFailed extends RuntimeException {

    public DeploymentFailed(String message) {
        super(message);
    }
}
