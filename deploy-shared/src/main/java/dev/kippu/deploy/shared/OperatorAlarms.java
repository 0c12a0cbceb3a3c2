package dev.kippu.deploy.shared;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.chatbot.LoggingLevel;
import software.amazon.awscdk.services.chatbot.SlackChannelConfiguration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.LambdaSubscription;
import software.constructs.Construct;

/**
 * The operators' alarm topic, which every stack's alarms notify, and where it goes: a Slack channel
 * through AWS Chatbot, and/or a LINE chat through a small forwarder function (SNS cannot confirm a
 * LINE endpoint itself), each when configured. SSL only.
 */
public class OperatorAlarms extends Construct {

    private final Topic topic;

    public OperatorAlarms(Construct scope, String id, Props props) {
        super(scope, id);
        topic = Topic.Builder.create(this, "Topic")
                .topicName(props.name())
                .displayName("Kippu operator alarms")
                .enforceSsl(true)
                .build();
        props.slack().ifPresent(slack -> SlackChannelConfiguration.Builder.create(this, "Slack")
                .slackChannelConfigurationName(props.name() + "-slack")
                .slackWorkspaceId(slack.workspaceId())
                .slackChannelId(slack.channelId())
                .notificationTopics(List.of(topic))
                .loggingLevel(LoggingLevel.ERROR)
                .build());
        props.lineSecretName().ifPresent(secretName -> topic.addSubscription(new LambdaSubscription(lineForwarder(secretName))));
    }

    /**
     * An alarm in {@code scope} when {@code metric} is at or above {@code threshold} for {@code periods}
     * periods in a row (no data is no breach), which tells the operators on {@code topic} when it fires
     * and when it clears.
     */
    public static Alarm atOrAbove(Construct scope, String id, String description, IMetric metric, Number threshold, int periods,
                                  ITopic topic) {
        Alarm alarm = Alarm.Builder.create(scope, id)
                .alarmDescription(description)
                .metric(metric)
                .threshold(threshold)
                .evaluationPeriods(periods)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alarm.addAlarmAction(new SnsAction(topic));
        alarm.addOkAction(new SnsAction(topic));
        return alarm;
    }

    /** Posts each alarm to LINE (Messaging API push), with the channel's token and chat from Secrets Manager. */
    private Function lineForwarder(String secretName) {
        ISecret secret = Secret.fromSecretNameV2(this, "LineSecret", secretName);
        LogGroup logs = LogGroup.Builder.create(this, "LineForwarderLogs")
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        Role role = Role.Builder.create(this, "LineForwarderRole")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("Kippu LINE forwarder: its logs, and the LINE secret")
                .build();
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
                .resources(List.of(logs.getLogGroupArn()))
                .build());
        secret.grantRead(role);
        return Function.Builder.create(this, "LineForwarder")
                .description("Kippu: operator alarms from SNS to LINE")
                .runtime(Runtime.NODEJS_24_X)
                .architecture(Architecture.ARM_64)
                .memorySize(128)
                .timeout(Duration.seconds(10))
                .handler("index.handler")
                .code(Code.fromInline(LINE_FORWARDER))
                .environment(Map.of("LINE_SECRET_NAME", secretName))
                .role(role)
                .logGroup(logs)
                .build();
    }

    public Topic topic() {
        return topic;
    }

    private static final String LINE_FORWARDER = """
            const { SecretsManagerClient, GetSecretValueCommand } = require('@aws-sdk/client-secrets-manager');
            const secrets = new SecretsManagerClient({});
            const describe = (message) => {
              try {
                const alarm = JSON.parse(message);
                return alarm.AlarmName ? `${alarm.AlarmName} is ${alarm.NewStateValue}: ${alarm.NewStateReason}` : message;
              } catch {
                return message;
              }
            };
            exports.handler = async (event) => {
              const line = JSON.parse((await secrets.send(new GetSecretValueCommand({ SecretId: process.env.LINE_SECRET_NAME }))).SecretString);
              for (const record of event.Records) {
                const text = `[Kippu] ${record.Sns.Subject ?? ''}\\n${describe(record.Sns.Message)}`.slice(0, 5000);
                const response = await fetch('https://api.line.me/v2/bot/message/push', {
                  method: 'POST',
                  headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${line.channelAccessToken}` },
                  body: JSON.stringify({ to: line.to, messages: [{ type: 'text', text }] }),
                });
                if (!response.ok) {
                  throw new Error(`LINE refused the alarm: ${response.status} ${await response.text()}`);
                }
              }
            };
            """;

    /**
     * @param name           the topic's name
     * @param slack          the Slack channel (Chatbot), when given
     * @param lineSecretName the secret of the LINE channel, when given
     */
    public record Props(String name, Optional<SharedSettings.SlackChannel> slack, Optional<String> lineSecretName) {
    }
}
