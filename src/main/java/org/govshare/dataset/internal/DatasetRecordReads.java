package org.govshare.dataset.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.govshare.catalog.CatalogManagement;
import org.govshare.catalog.ResourceView;
import org.govshare.dataset.ItemRule;
import org.govshare.dataset.RecordCondition;
import org.govshare.dataset.RecordReads;
import org.govshare.dataset.internal.load.ItemRuleStore;
import org.govshare.dataset.internal.load.Partitions;
import org.govshare.dataset.internal.validation.RecordChecksFactory;
import org.govshare.platform.ProblemException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the resource's own partition directly (no partition pruning at run time, one index probe):
 * {@code select data::text from dataset_record_<hex> where record_key = ?}. A resource that never
 * had records has no partition yet; that reads as empty.
 */
@Service
class DatasetRecordReads implements RecordReads {

    private static final String UNDEFINED_TABLE = "42P01";
    private static final int FETCH_SIZE = 2_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final CatalogManagement catalog;
    private final ItemRuleStore rules;
    private final ObjectProvider<RecordChecksFactory> checks;

    DatasetRecordReads(JdbcTemplate jdbc, PlatformTransactionManager transactions, CatalogManagement catalog,
                       ItemRuleStore rules, ObjectProvider<RecordChecksFactory> checks) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.catalog = catalog;
        this.rules = rules;
        this.checks = checks;
    }

    @Override
    public Optional<String> json(UUID resourceId, String recordKey) {
        String sql = "select data::text from " + Partitions.of(Partitions.RECORDS, resourceId) + " where record_key = ?";
        try {
            List<String> rows = jdbc.query(sql, (rs, i) -> rs.getString(1), recordKey);
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
        } catch (DataAccessException e) {
            if (noPartition(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public int page(UUID resourceId, List<RecordCondition> conditions, String afterKey, int limit, RecordSink sink) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = select(resourceId, conditions, params);
        if (afterKey != null) {
            sql.append(conditions.isEmpty() ? " where " : " and ").append("record_key > ?");
            params.add(afterKey);
        }
        sql.append(" order by record_key limit ?");
        params.add(Math.max(0, limit));
        int[] count = {0};
        try {
            jdbc.query(statement(sql.toString(), params, 0), rs -> {
                sink.accept(rs.getString(1), rs.getString(2));
                count[0]++;
            });
        } catch (DataAccessException e) {
            if (!noPartition(e)) {
                throw e;
            }
        }
        return count[0];
    }

    @Override
    public long stream(UUID resourceId, List<RecordCondition> conditions, RecordSink sink) {
        List<Object> params = new ArrayList<>();
        String sql = select(resourceId, conditions, params).append(" order by record_key").toString();
        long[] count = {0};
        try {
            // a cursor needs a transaction: without one, the driver fetches every row at once
            readOnly.executeWithoutResult(status -> jdbc.query(statement(sql, params, FETCH_SIZE), rs -> {
                sink.accept(rs.getString(1), rs.getString(2));
                count[0]++;
            }));
        } catch (DataAccessException e) {
            if (!noPartition(e)) {
                throw e;
            }
        }
        return count[0];
    }

    @Override
    public List<ItemRule> rules(UUID resourceId) {
        ResourceView published = catalog.published(resourceId)
            .orElseThrow(() -> ProblemException.notFound("resource", resourceId));
        RecordChecksFactory factory = checks.getIfAvailable();
        if (factory == null) {
            throw new IllegalStateException("record checks unavailable");
        }
        return rules.effective(published, factory);
    }

    private static StringBuilder select(UUID resourceId, List<RecordCondition> conditions, List<Object> params) {
        StringBuilder sql = new StringBuilder("select record_key, data::text from ")
            .append(Partitions.of(Partitions.RECORDS, resourceId));
        String glue = " where ";
        for (RecordCondition c : conditions) {
            sql.append(glue).append(SqlConditions.of(c, params));
            glue = " and ";
        }
        return sql;
    }

    private static PreparedStatementCreator statement(String sql, List<Object> params, int fetchSize) {
        return connection -> {
            PreparedStatement ps = connection.prepareStatement(sql);
            if (fetchSize > 0) {
                ps.setFetchSize(fetchSize);
            }
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                if (p instanceof String[] array) {
                    ps.setArray(i + 1, connection.createArrayOf("text", array));
                } else {
                    ps.setObject(i + 1, p);
                }
            }
            return ps;
        };
    }

    private static boolean noPartition(DataAccessException e) {
        Throwable t = e.getMostSpecificCause();
        return t instanceof SQLException s && UNDEFINED_TABLE.equals(s.getSQLState());
    }
}
