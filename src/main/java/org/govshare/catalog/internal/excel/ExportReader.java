package org.govshare.catalog.internal.excel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.govshare.catalog.DataItemView;
import org.govshare.catalog.DataType;
import org.govshare.catalog.OpenType;
import org.govshare.catalog.ResourceFormat;
import org.govshare.catalog.ResourceStatus;
import org.govshare.catalog.ResourceView;
import org.govshare.catalog.Sensitivity;
import org.govshare.catalog.ShareMode;
import org.govshare.catalog.ShareType;
import org.govshare.catalog.UpdateCycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads a page of resources for an export in two or three queries instead of one lookup per
 * resource: working copies (the caller's own, or all for the authority) from the tables, others'
 * from their newest published version. Which is which the caller decides, from the same listing
 * the catalog's API uses, so an export shows exactly what the caller may see.
 */
@Component
class ExportReader {

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();

    ExportReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<UUID, ResourceView> workingCopies(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        String in = placeholders(ids.size());
        Map<UUID, List<DataItemView>> items = new HashMap<>();
        jdbc.sql("select resource_id, name, code_name, data_type, length, description, sensitivity, share_type, "
                + "share_condition, legal_basis, standard_name, authoritative_source_id, key_item "
                + "from catalog_data_item where resource_id in (" + in + ") order by resource_id, position")
            .params(new ArrayList<Object>(ids))
            .query((ResultSet rs) -> {
                items.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(item(rs));
            });
        Map<UUID, ResourceView> views = new HashMap<>();
        jdbc.sql("select id, code, classification_code, provider_id, name, summary, format, share_type, share_condition, "
                + "share_mode, open_type, open_condition, update_cycle, release_date, related_codes, legal_basis, "
                + "keywords, status, published_version, review_comment, withdrawn_reason, version, updated_at "
                + "from catalog_resource where id in (" + in + ")")
            .params(new ArrayList<Object>(ids))
            .query((ResultSet rs) -> {
                UUID id = rs.getObject("id", UUID.class);
                views.put(id, resource(rs, items.getOrDefault(id, List.of())));
            });
        return views;
    }

    Map<UUID, ResourceView> publishedVersions(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, ResourceView> views = new HashMap<>();
        jdbc.sql("select distinct on (resource_id) resource_id, content::text from catalog_resource_version "
                + "where resource_id in (" + placeholders(ids.size()) + ") order by resource_id, version desc")
            .params(new ArrayList<Object>(ids))
            .query((ResultSet rs) -> {
                views.put(rs.getObject(1, UUID.class), json.readValue(rs.getString(2), ResourceView.class));
            });
        return views;
    }

    private static String placeholders(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }

    private static DataItemView item(ResultSet rs) throws SQLException {
        return new DataItemView(rs.getString("name"), rs.getString("code_name"), DataType.valueOf(rs.getString("data_type")),
            (Integer) rs.getObject("length"), rs.getString("description"), Sensitivity.valueOf(rs.getString("sensitivity")),
            ShareType.valueOf(rs.getString("share_type")), rs.getString("share_condition"), rs.getString("legal_basis"),
            rs.getString("standard_name"), rs.getObject("authoritative_source_id", UUID.class), rs.getBoolean("key_item"));
    }

    private static ResourceView resource(ResultSet rs, List<DataItemView> items) throws SQLException {
        String related = rs.getString("related_codes");
        java.sql.Date release = rs.getDate("release_date");
        return new ResourceView(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("classification_code"),
            rs.getObject("provider_id", UUID.class), rs.getString("name"), rs.getString("summary"),
            ResourceFormat.valueOf(rs.getString("format")), ShareType.valueOf(rs.getString("share_type")),
            rs.getString("share_condition"), ShareMode.valueOf(rs.getString("share_mode")),
            OpenType.valueOf(rs.getString("open_type")), rs.getString("open_condition"),
            UpdateCycle.valueOf(rs.getString("update_cycle")), release == null ? null : release.toLocalDate(),
            related == null ? List.of() : Arrays.asList(related.split(",")), rs.getString("legal_basis"),
            rs.getString("keywords"), items, ResourceStatus.valueOf(rs.getString("status")),
            rs.getInt("published_version"), rs.getString("review_comment"), rs.getString("withdrawn_reason"),
            rs.getLong("version"), rs.getTimestamp("updated_at").toInstant());
    }
}
