package dev.kippu.deploy.shared;

import java.util.ArrayList;
import java.util.List;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;

/**
 * What each runtime's roles may do: exactly the calls the application makes (its AWS SDK calls in
 * app/src/main/java) on exactly the shared resources, each role only what its part of the
 * application reaches (a Lambda handler, a service with its background loops, the reminder job).
 * A transaction (TransactWriteItems) needs the rights of the writes in it; presigning an upload URL
 * signs with the role, so the role must be allowed the PUT it signs.
 */
public final class AppPermissions {

    /** Reads and transactions on the table, and queries of its indexes. */
    static final List<String> TABLE_READ_WRITE = List.of(
            "dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query",
            "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:ConditionCheckItem");
    /** The worker's record of sent e-mails (app: DynamoSentEmails): claim, mark sent, release. */
    static final List<String> SENT_EMAILS = List.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem");
    /** The outbox relay's (app: EmailQueueUrl, SqsEmailQueue; SendMessageBatch is authorised as SendMessage). */
    static final List<String> QUEUE_SEND = List.of("sqs:GetQueueUrl", "sqs:SendMessage");
    /** The e-mail worker's when it polls the queue itself (app: EmailQueueWorker). */
    static final List<String> QUEUE_WORK = List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility");
    /** Where covers are, in both buckets (app: CoverService). */
    static final String COVERS = "/covers/*";

    private AppPermissions() {
    }

    /**
     * The API: the table, uploads (presigned PUT, then HEAD/GET and DELETE; and ListBucket, without
     * which S3 answers a missing upload with 403 instead of the 404 the application tells apart),
     * publishing covers, and users' profiles.
     */
    public static List<PolicyStatement> http(SharedResources shared) {
        return List.of(
                table(shared, TABLE_READ_WRITE),
                statement(List.of("s3:PutObject", "s3:GetObject", "s3:DeleteObject"), List.of(shared.uploadsBucketArn() + COVERS)),
                statement(List.of("s3:ListBucket"), List.of(shared.uploadsBucketArn())),
                statement(List.of("s3:PutObject"), List.of(shared.mediaBucketArn() + COVERS)),
                statement(List.of("cognito-idp:AdminGetUser"), List.of(shared.userPoolArn())));
    }

    /** The e-mail worker: its sent-e-mail records and SES (the queue's rights come with its event source). */
    public static List<PolicyStatement> email(SharedResources shared) {
        return List.of(
                statement(SENT_EMAILS, List.of(shared.tableArn())),
                statement(List.of("ses:SendEmail"), List.of(shared.mailIdentityArn())));
    }

    /**
     * The reminder run (Lambda's schedule function, the container's job mode): the table, and the
     * outbox relayed to the queue (GetQueueUrl, SendMessageBatch).
     */
    public static List<PolicyStatement> schedule(SharedResources shared) {
        return List.of(
                table(shared, TABLE_READ_WRITE),
                statement(QUEUE_SEND, List.of(shared.emailQueue().getQueueArn())));
    }

    /**
     * A service instance with its background loops (a container; app: kippu.notifications.loops):
     * the API's rights, which include the worker's records of sent e-mails, SES, and the queue both
     * ways: the outbox relay sends, the worker receives, deletes and hides again.
     */
    public static List<PolicyStatement> service(SharedResources shared) {
        List<PolicyStatement> statements = new ArrayList<>(http(shared));
        statements.add(statement(List.of("ses:SendEmail"), List.of(shared.mailIdentityArn())));
        List<String> queue = new ArrayList<>(QUEUE_SEND);
        queue.addAll(QUEUE_WORK);
        statements.add(statement(queue, List.of(shared.emailQueue().getQueueArn())));
        return List.copyOf(statements);
    }

    /**
     * Gives {@code role} these statements (one of the lists above), with the reason for their only
     * wildcards, which cdk-nag asks for (AwsSolutions-IAM5): the table's indexes and the covers' prefix.
     */
    public static void grant(Role role, List<PolicyStatement> statements) {
        statements.forEach(role::addToPolicy);
        NagSuppressions.addResourceSuppressions(role, List.of(NagPackSuppression.builder().id("AwsSolutions-IAM5")
                .reason("index/* is this table's own indexes, which the application queries; covers/* is the prefix "
                        + "the application names each upload and published cover under (one object per upload or content hash)")
                .appliesTo(List.of(
                        RegexAppliesTo.builder().regex("/^Resource::.*/index/\\*$/").build(),
                        RegexAppliesTo.builder().regex("/^Resource::.*/covers/\\*$/").build()))
                .build()), true);
    }

    private static PolicyStatement table(SharedResources shared, List<String> actions) {
        return statement(actions, List.of(shared.tableArn(), shared.tableArn() + "/index/*"));
    }

    private static PolicyStatement statement(List<String> actions, List<String> resources) {
        return PolicyStatement.Builder.create().actions(actions).resources(resources).build();
    }
}
