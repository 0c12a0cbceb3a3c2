package dev.kippu.deploy.fargate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.kippu.deploy.shared.Context;
import dev.kippu.deploy.shared.Synthesis;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The Fargate app synthesised once with some context, under cdk-nag, for a test class to assert on. */
record SynthesizedFargate(FargateStack stack, Template template) {

    static final String IMAGE = "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/kippu-app@sha256:"
            + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    /** Tokyo's CloudFront origin-facing prefix list stands in: the tests run without an account to look it up in. */
    static final String PREFIX_LIST = "pl-58a04531";

    static SynthesizedFargate of(Map<String, Object> context) {
        Map<String, Object> withImage = new HashMap<>(Map.of("kippu:image", IMAGE, "kippu:cloudFrontPrefixListId", PREFIX_LIST));
        withImage.putAll(context);
        App app = App.Builder.create().context(withImage).build();
        FargateStack stack = KippuFargateApp.stack(app, FargateSettings.from(new Context(app.getNode())), Optional.empty());
        Synthesis.checkAwsSolutions(app);
        return new SynthesizedFargate(stack, Template.fromStack(stack));
    }

    void assertNagClean() {
        assertThat(Synthesis.awsSolutionsFindings(stack)).isEmpty();
    }

    /** The properties of the one resource of {@code type} whose properties match {@code properties}. */
    @SuppressWarnings("unchecked")
    Map<String, Object> properties(String type, Map<String, Object> properties) {
        Map<String, Map<String, Object>> found = template.findResources(type, Map.of("Properties", Match.objectLike(properties)));
        assertThat(found).hasSize(1);
        return (Map<String, Object>) found.values().iterator().next().get("Properties");
    }

    /** The statements of the one IAM policy attached to the role whose logical id starts with {@code rolePrefix}. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> statementsOfRole(String rolePrefix) {
        List<Map<String, Object>> statements = new ArrayList<>();
        template.findResources("AWS::IAM::Policy").values().forEach(policy -> {
            Map<String, Object> props = (Map<String, Object>) policy.get("Properties");
            List<Map<String, Object>> roles = (List<Map<String, Object>>) props.get("Roles");
            if (roles.stream().anyMatch(role -> role.get("Ref").toString().startsWith(rolePrefix))) {
                statements.addAll((List<Map<String, Object>>) ((Map<String, Object>) props.get("PolicyDocument")).get("Statement"));
            }
        });
        return statements;
    }
}
