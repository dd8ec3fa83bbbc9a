package io.tasklog.app.operations;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The shadow copy of a read-model table that a rebuild fills while the live table keeps serving, and the
 * swap that puts it in the live table's place. The copy is created without the live table's secondary
 * indexes (filling it is then several times faster) and gets them, under their usual names, before the swap.
 */
final class ShadowTables {

    static final String SUFFIX = "_rebuild";
    private static final String INDEX_SUFFIX = "_rb";
    private static final Pattern INDEX_HEAD = Pattern.compile("^(CREATE (?:UNIQUE )?INDEX )(\\S+)( ON (?:ONLY )?)(\\S+)( .*)$");

    private final JdbcClient jdbc;

    ShadowTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String shadowOf(String live) {
        return live + SUFFIX;
    }

    boolean exists(String live) {
        return jdbc.sql("select to_regclass(?) is not null").param(shadowOf(live)).query(Boolean.class).single();
    }

    /** A fresh, empty copy of the table's columns, constraints and unique indexes (upserts need those). */
    void create(String live) {
        String shadow = shadowOf(live);
        jdbc.sql("drop table if exists " + shadow).update();
        jdbc.sql("create table " + shadow + " (like " + live + " including all)").update();
        for (String index : secondaryIndexes(shadow)) {
            jdbc.sql("drop index " + index).update();
        }
    }

    /** Gives the copy the live table's secondary indexes (named with a suffix until the swap). */
    void addSecondaryIndexes(String live) {
        String shadow = shadowOf(live);
        List<String> existing = jdbc.sql("select indexname from pg_indexes where tablename = ?").param(shadow)
                .query(String.class).list();
        for (String definition : secondaryIndexDefinitions(live)) {
            Matcher m = INDEX_HEAD.matcher(definition);
            if (!m.matches()) {
                throw new IllegalStateException("unexpected index definition: " + definition);
            }
            String name = m.group(2) + INDEX_SUFFIX;
            if (!existing.contains(name)) {
                String table = m.group(4).replaceFirst(Pattern.quote(live) + "$", shadow);
                jdbc.sql(m.group(1) + name + m.group(3) + table + m.group(5)).update();
            }
        }
    }

    /** Within the swap's transaction: keeps everyone off the live table until the copy has replaced it. */
    void lockLive(String live) {
        jdbc.sql("lock table " + live + " in access exclusive mode").update();
    }

    /** Within the swap's transaction (live table locked): the copy becomes the table, under the usual names. */
    void replaceLive(String live) {
        String shadow = shadowOf(live);
        jdbc.sql("drop table " + live).update();
        jdbc.sql("alter table " + shadow + " rename to " + live).update();
        List<String> indexes = jdbc.sql("select indexname from pg_indexes where tablename = ?").param(live)
                .query(String.class).list();
        for (String index : indexes) {
            String usual = index.endsWith(INDEX_SUFFIX) ? index.substring(0, index.length() - INDEX_SUFFIX.length())
                    : index.startsWith(shadow) ? live + index.substring(shadow.length()) : index;
            if (!usual.equals(index)) {
                jdbc.sql("alter index " + index + " rename to " + usual).update();
            }
        }
    }

    void drop(String live) {
        jdbc.sql("drop table if exists " + shadowOf(live)).update();
    }

    private List<String> secondaryIndexes(String table) {
        return jdbc.sql("""
                        select c.relname from pg_index i
                        join pg_class c on c.oid = i.indexrelid join pg_class t on t.oid = i.indrelid
                        where t.relname = ? and not i.indisunique and t.relnamespace = to_regnamespace(current_schema())""")
                .param(table).query(String.class).list();
    }

    private List<String> secondaryIndexDefinitions(String table) {
        return jdbc.sql("""
                        select pg_get_indexdef(i.indexrelid) from pg_index i join pg_class t on t.oid = i.indrelid
                        where t.relname = ? and not i.indisunique and t.relnamespace = to_regnamespace(current_schema())""")
                .param(table).query(String.class).list();
    }
}
