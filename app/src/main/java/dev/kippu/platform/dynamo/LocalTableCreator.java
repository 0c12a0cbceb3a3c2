package dev.kippu.platform.dynamo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.util.ArrayList;
import java.util.List;

/**
 * Creates the table on start-up for local runs and tests. In AWS the table belongs to the
 * infrastructure code (deploy-shared), which must define the same keys, indexes and TTL. The
 * setting is read at start-up rather than being a bean condition, which Spring AOT would fix at
 * build time.
 */
@Component
class LocalTableCreator implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(LocalTableCreator.class);

    private final KippuTable table;
    private final DynamoDbProperties properties;

    LocalTableCreator(KippuTable table, DynamoDbProperties properties) {
        this.table = table;
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        if (!properties.createTable()) {
            return;
        }
        List<AttributeDefinition> attributes = new ArrayList<>(List.of(text(KippuTable.PK), text(KippuTable.SK)));
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (Index index : Index.values()) {
            attributes.add(text(index.partitionKey()));
            attributes.add(text(index.sortKey()));
            indexes.add(GlobalSecondaryIndex.builder()
                    .indexName(index.indexName())
                    .keySchema(k -> k.attributeName(index.partitionKey()).keyType(KeyType.HASH),
                            k -> k.attributeName(index.sortKey()).keyType(KeyType.RANGE))
                    .projection(p -> p.projectionType(ProjectionType.ALL))
                    .build());
        }
        try {
            table.client().createTable(r -> r.tableName(table.name())
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(attributes)
                    .keySchema(k -> k.attributeName(KippuTable.PK).keyType(KeyType.HASH),
                            k -> k.attributeName(KippuTable.SK).keyType(KeyType.RANGE))
                    .globalSecondaryIndexes(indexes));
            table.client().waiter().waitUntilTableExists(r -> r.tableName(table.name()));
            table.client().updateTimeToLive(r -> r.tableName(table.name())
                    .timeToLiveSpecification(t -> t.attributeName(KippuTable.EXPIRES_AT).enabled(true)));
            log.info("Created table {}", table.name());
        } catch (ResourceInUseException exists) {
            log.info("Table {} exists", table.name());
        }
    }

    private static AttributeDefinition text(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }
}
