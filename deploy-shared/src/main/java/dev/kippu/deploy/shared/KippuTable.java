package dev.kippu.deploy.shared;

import java.util.List;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.StreamViewType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.constructs.Construct;

/**
 * Kippu's single DynamoDB table, with the keys, indexes and time-to-live attribute the application
 * uses (app: {@code dev.kippu.platform.dynamo.KippuTable}, {@code Index}; a test compares them):
 * on-demand, point-in-time recovery, a stream of changes for the live-seats route (docs/lambda.md).
 */
public class KippuTable extends Construct {

    public static final String PARTITION_KEY = "PK";
    public static final String SORT_KEY = "SK";
    public static final String TIME_TO_LIVE = "expiresAt";

    /** The global secondary indexes, each with text keys, each projecting whole items. */
    public static final List<IndexKeys> INDEXES = List.of(
            new IndexKeys("upcoming", "upcomingPk", "upcomingSk"),
            new IndexKeys("byOwner", "ownerPk", "ownerSk"),
            new IndexKeys("byEvent", "eventPk", "eventSk"),
            new IndexKeys("outbox", "outboxPk", "outboxSk"));

    private final Table table;

    public KippuTable(Construct scope, String id, Props props) {
        super(scope, id);
        table = Table.Builder.create(this, "Table")
                .tableName(props.tableName())
                .partitionKey(text(PARTITION_KEY))
                .sortKey(text(SORT_KEY))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .encryption(TableEncryption.AWS_MANAGED)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder().pointInTimeRecoveryEnabled(true).build())
                .timeToLiveAttribute(TIME_TO_LIVE)
                .stream(StreamViewType.NEW_AND_OLD_IMAGES)
                .deletionProtection(props.deletionProtection())
                .removalPolicy(props.deletionProtection() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
                .build();
        for (IndexKeys index : INDEXES) {
            table.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                    .indexName(index.name())
                    .partitionKey(text(index.partitionKey()))
                    .sortKey(text(index.sortKey()))
                    .projectionType(ProjectionType.ALL)
                    .build());
        }
    }

    public Table table() {
        return table;
    }

    private static Attribute text(String name) {
        return Attribute.builder().name(name).type(AttributeType.STRING).build();
    }

    /**
     * @param tableName          the table's name, which the application gets as {@code KIPPU_TABLE}
     * @param deletionProtection refuse deletes of the table, and keep it when the stack goes
     */
    public record Props(String tableName, boolean deletionProtection) {
    }

    public record IndexKeys(String name, String partitionKey, String sortKey) {
    }
}
