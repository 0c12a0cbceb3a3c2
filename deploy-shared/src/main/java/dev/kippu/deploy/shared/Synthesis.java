package dev.kippu.deploy.shared;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.constructs.IConstruct;

/**
 * How Kippu's CDK apps start and check themselves. Under the CDK CLI the app writes where the CLI
 * says (CDK_OUTDIR, relative to the module) and may learn the CLI's account and region; run by Maven
 * alone ({@code compile exec:java}) it writes {@code cdk.out} in its module, offline.
 */
public final class Synthesis {

    private Synthesis() {
    }

    public static App app() {
        // the CLI runs in the module (where cdk.json is) and may name its output relative to it,
        // while Maven may run the app from the repository's root
        String cliOutdir = System.getenv("CDK_OUTDIR");
        return new App(AppProps.builder()
                .outdir(moduleDirectory().resolve(cliOutdir == null ? "cdk.out" : cliOutdir).toString())
                .build());
    }

    /** The module the app belongs to: relative paths in its context (asset zips) are relative to it. */
    public static Path moduleDirectory() {
        return Path.of(System.getProperty("kippu.cdk.moduleDir", ".")).toAbsolutePath().normalize();
    }

    /** The CLI's account and region ({@code CDK_DEFAULT_ACCOUNT}, {@code CDK_DEFAULT_REGION}), when it gives them. */
    public static Optional<Environment> cliEnvironment() {
        String account = System.getenv("CDK_DEFAULT_ACCOUNT");
        String region = System.getenv("CDK_DEFAULT_REGION");
        return account == null || region == null ? Optional.empty()
                : Optional.of(Environment.builder().account(account).region(region).build());
    }

    /** cdk-nag's AWS Solutions rules on everything under {@code scope}: a finding not suppressed with its reason is an error or a warning at synth. */
    public static void checkAwsSolutions(IConstruct scope) {
        Aspects.of(scope).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
    }

    /** The AWS Solutions findings on a stack checked so and synthesised: those no suppression with a reason covers ("rule: message"). */
    public static List<String> awsSolutionsFindings(Stack stack) {
        Annotations annotations = Annotations.fromStack(stack);
        List<SynthesisMessage> findings = new ArrayList<>(annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*")));
        findings.addAll(annotations.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*")));
        return findings.stream().map(finding -> finding.getId() + ": " + finding.getEntry().getData()).toList();
    }
}
