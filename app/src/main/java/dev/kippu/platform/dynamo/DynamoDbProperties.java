package dev.kippu.platform.dynamo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param tableName   the single table (in AWS it comes from the infrastructure code)
 * @param createTable create the table at start-up when missing: for local runs and tests only
 */
@ConfigurationProperties("kippu.dynamodb")
public record DynamoDbProperties(@DefaultValue("kippu") String tableName, @DefaultValue("false") boolean createTable) {
}
