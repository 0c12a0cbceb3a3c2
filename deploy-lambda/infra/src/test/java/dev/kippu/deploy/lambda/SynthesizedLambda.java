package dev.kippu.deploy.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import dev.kippu.deploy.shared.Context;
import dev.kippu.deploy.shared.Synthesis;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;

/**
 * The Lambda app synthesised once with some context, under cdk-nag, for a test class to assert on.
 * The function zips are small stand-ins made here, so the tests need no build of deploy-lambda.
 */
record SynthesizedLambda(LambdaStack stack, Template template) {

    static SynthesizedLambda of(Map<String, Object> context) {
        Map<String, Object> withZips = new HashMap<>(context);
        withZips.put("kippu:zip", standInZip("kippu-lambda.zip", "lib/kippu.jar").toString());
        withZips.put("kippu:nativeZip", standInZip("kippu-lambda-native.zip", "bootstrap").toString());
        App app = App.Builder.create().context(withZips).build();
        LambdaStack stack = KippuLambdaApp.stack(app, LambdaSettings.from(new Context(app.getNode())));
        Synthesis.checkAwsSolutions(app);
        return new SynthesizedLambda(stack, Template.fromStack(stack));
    }

    /** A zip with one entry, standing in for deploy-lambda's: CDK only hashes and copies it. */
    static Path standInZip(String name, String entry) {
        try {
            Path zip = Files.createTempDirectory("kippu-lambda-zip").resolve(name);
            try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
                out.putNextEntry(new ZipEntry(entry));
                out.write(("stand-in for " + entry).getBytes());
                out.closeEntry();
            }
            zip.toFile().deleteOnExit();
            zip.getParent().toFile().deleteOnExit();
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void assertNagClean() {
        assertThat(Synthesis.awsSolutionsFindings(stack)).isEmpty();
    }

    /** Every statement of every IAM policy in the template. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> policyStatements() {
        List<Map<String, Object>> statements = new ArrayList<>();
        for (Map<String, Object> policy : template.findResources("AWS::IAM::Policy").values()) {
            Map<String, Object> document = (Map<String, Object>) ((Map<String, Object>) policy.get("Properties")).get("PolicyDocument");
            statements.addAll((List<Map<String, Object>>) document.get("Statement"));
        }
        return statements;
    }
}
