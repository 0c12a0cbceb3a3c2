package dev.kippu.deploy.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/** The shared app synthesised once with some context, under cdk-nag, for a test class to assert on. */
record SynthesizedShared(KippuSharedApp.SharedStacks stacks, Template shared) {

    static final Environment ACCOUNT_IN_TOKYO = Environment.builder().account("123456789012").region("ap-northeast-1").build();

    static SynthesizedShared of(Map<String, Object> context, Optional<Environment> environment) {
        App app = App.Builder.create().context(context).build();
        KippuSharedApp.SharedStacks stacks = KippuSharedApp.stacks(app, SharedSettings.from(new Context(app.getNode())), environment);
        Synthesis.checkAwsSolutions(app);
        return new SynthesizedShared(stacks, Template.fromStack(stacks.shared()));
    }

    static void assertNagClean(Stack stack) {
        assertThat(Synthesis.awsSolutionsFindings(stack)).isEmpty();
    }
}
