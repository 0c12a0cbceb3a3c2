package dev.kippu.account.dynamo;

import static dev.kippu.platform.dynamo.Items.s;
import static dev.kippu.platform.dynamo.Items.string;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Repository;

import dev.kippu.account.UserProfile;
import dev.kippu.account.UserProfiles;
import dev.kippu.platform.dynamo.Items;
import dev.kippu.platform.dynamo.KippuTable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** User profiles in the single table, one item per user ({@code USER#id}). */
@Repository
class DynamoUserProfiles implements UserProfiles {

    private final KippuTable table;

    DynamoUserProfiles(KippuTable table) {
        this.table = table;
    }

    @Override
    public Optional<UserProfile> find(String userId) {
        return table.get(key(userId), false).map(DynamoUserProfiles::profile);
    }

    @Override
    public Map<String, UserProfile> findAll(Collection<String> userIds) {
        return table.getAll(userIds.stream().map(DynamoUserProfiles::key).toList()).stream()
                .map(DynamoUserProfiles::profile)
                .collect(Collectors.toMap(UserProfile::id, Function.identity()));
    }

    @Override
    public void save(UserProfile profile) {
        Map<String, AttributeValue> item = new HashMap<>(key(profile.id()));
        item.put("id", s(profile.id()));
        item.put("displayName", s(profile.displayName()));
        if (profile.email() != null) {
            item.put("email", s(profile.email()));
        }
        item.put("locale", s(profile.locale().toLanguageTag()));
        table.client().putItem(r -> r.tableName(table.name()).item(item));
    }

    private static Map<String, AttributeValue> key(String userId) {
        return Items.key("USER#" + userId, "PROFILE");
    }

    private static UserProfile profile(Map<String, AttributeValue> item) {
        String locale = string(item, "locale");
        return new UserProfile(string(item, "id"), string(item, "displayName"), string(item, "email"),
                locale == null ? null : Locale.forLanguageTag(locale));
    }
}
